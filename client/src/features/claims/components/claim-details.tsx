import { GcdsHeading, GcdsText } from '@cdssnc/gcds-components-react';
import { useTranslation } from 'react-i18next';
import { type ClaimDetailQuery } from '../../../generated/graphql';
import { type Language } from '../../../lib/language';
import { formatDate, formatMoney } from './claims-parts';

export type ClaimDetail = NonNullable<ClaimDetailQuery['claim']>;

/** What both the claimant and the officer read of a claim: details, lines, timeline, documents, repayment. */
export function ClaimDetails({ claim, language }: { claim: ClaimDetail; language: Language }) {
  const { t } = useTranslation('claims');
  const repayment = claim.repayment;
  return (
    <>
      <section aria-labelledby="claim-details">
        <GcdsHeading tag="h2" id="claim-details">
          {t('claim.details')}
        </GcdsHeading>
        <dl className="review-list">
          <dt>{t('claim.status')}</dt>
          <dd>{t(`statuses.${claim.status}`)}</dd>
          <dt>{t('claim.type')}</dt>
          <dd>
            {t(`types.${claim.type}`)}
            {claim.correctionKind ? ` — ${t(`corrections.${claim.correctionKind}`)}` : ''}
            {claim.exportDate && claim.exportDestination
              ? ` — ${t('claim.export', {
                  date: formatDate(claim.exportDate, language),
                  destination: claim.exportDestination,
                })}`
              : ''}
          </dd>
          <dt>{t('claim.account')}</dt>
          <dd>{claim.programAccount.accountNumber}</dd>
          <dt>{t('claim.transaction')}</dt>
          <dd>
            {claim.transaction.transactionNumber} ({formatDate(claim.transaction.transactionDate, language)})
          </dd>
          <dt>{t('claim.reason')}</dt>
          <dd>{claim.reason}</dd>
          <dt>{t('claim.claimed')}</dt>
          <dd>{formatMoney(claim.claimedCents, language)}</dd>
          {claim.approvedCents !== null && claim.approvedCents !== undefined ? (
            <>
              <dt>{t('claim.approved')}</dt>
              <dd>{formatMoney(claim.approvedCents, language)}</dd>
            </>
          ) : null}
          {claim.decisionReason ? (
            <>
              <dt>{t('claim.decisionReason')}</dt>
              <dd>{claim.decisionReason}</dd>
            </>
          ) : null}
        </dl>
      </section>
      <section aria-labelledby="claim-lines">
        <GcdsHeading tag="h2" id="claim-lines">
          {t('claim.lines')}
        </GcdsHeading>
        <table className="data-table">
          <caption>{t('claim.linesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('claim.columns.line')}</th>
              <th scope="col">{t('claim.columns.paid')}</th>
              <th scope="col">{t('claim.columns.corrected')}</th>
              <th scope="col">{t('claim.columns.refund')}</th>
            </tr>
          </thead>
          <tbody>
            {claim.lines.map((line) => (
              <tr key={line.lineNumber}>
                <td>{line.lineNumber}</td>
                <td>{formatMoney(line.originalCents, language)}</td>
                <td>
                  {formatMoney(line.correctedCents, language)}
                  {line.correctedClassification ? ` (${line.correctedClassification})` : ''}
                </td>
                <td>{formatMoney(line.refundCents, language)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={3}>
                {t('claim.total')}
              </th>
              <td>{formatMoney(claim.claimedCents, language)}</td>
            </tr>
          </tfoot>
        </table>
      </section>
      {repayment ? (
        <section aria-labelledby="claim-repayment">
          <GcdsHeading tag="h2" id="claim-repayment">
            {t('claim.repayment')}
          </GcdsHeading>
          <GcdsText>
            {t(`repaymentStatuses.${repayment.status}`)}:{' '}
            {repayment.status === 'PAID'
              ? t('claim.repaymentPaid', {
                  amount: formatMoney(repayment.amountCents, language),
                  date: repayment.paidOn ? formatDate(repayment.paidOn, language) : '',
                  method: repayment.method ? t(`methods.${repayment.method}`) : '',
                })
              : repayment.status === 'UNPAID'
                ? t('claim.repaymentUnpaid', {
                    amount: formatMoney(repayment.amountCents, language),
                    reason: repayment.unpaidReason ?? '',
                  })
                : t('claim.repaymentPayable', { amount: formatMoney(repayment.amountCents, language) })}
          </GcdsText>
        </section>
      ) : null}
      <section aria-labelledby="claim-timeline">
        <GcdsHeading tag="h2" id="claim-timeline">
          {t('claim.timeline')}
        </GcdsHeading>
        <ol className="timeline">
          {(claim.history ?? []).map((entry) => (
            <li key={entry.id}>
              <strong>{entry.isAnswer ? t('claim.answer') : t(`statuses.${entry.status}`)}</strong> —{' '}
              {formatDate(entry.occurredAt, language)} —{' '}
              {entry.byAgency ? t('claim.byAgency') : t('claim.byClaimant')}
              {entry.note ? <GcdsText>{entry.note}</GcdsText> : null}
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="claim-documents">
        <GcdsHeading tag="h2" id="claim-documents">
          {t('claim.documents')}
        </GcdsHeading>
        {claim.documentsConnection?.totalCount ? (
          <ul>
            {claim.documentsConnection.edges.map(({ node }) => (
              <li key={node.id}>
                <a href={node.downloadUrl} download>
                  {node.fileName}
                </a>{' '}
                ({formatDate(node.uploadedAt, language)})
              </li>
            ))}
          </ul>
        ) : (
          <GcdsText>{t('claim.noDocuments')}</GcdsText>
        )}
        <GcdsText>{t('claim.uploadHint', { caseNumber: claim.caseNumber })}</GcdsText>
      </section>
    </>
  );
}
