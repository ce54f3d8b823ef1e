import { GcdsButton, GcdsHeading, GcdsLink, GcdsText } from '@cdssnc/gcds-components-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageLoadError, PageLoading } from '../../../components/layout/page-status';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import { useRulingDetailQuery } from '../../../generated/graphql';
import { useLanguage } from '../../../lib/use-language';
import { formatDate } from './rulings-parts';
import { nodes } from '../../../lib/connections';

/** One ruling request: its details and the documents attached to its case. */
export function RulingPage() {
  const { t } = useTranslation('rulings');
  const { t: tc } = useTranslation('common');
  const { t: td } = useTranslation('documents');
  const language = useLanguage();
  const { rulingId = '' } = useParams();
  const { data, loading, error } = useRulingDetailQuery({
    variables: { id: rulingId },
    fetchPolicy: 'cache-and-network',
    errorPolicy: 'all',
  });
  const ruling = data?.ruling;
  const documents = nodes(ruling?.documentsConnection);
  const title = ruling ? t('detail.title', { caseNumber: ruling.caseNumber }) : t('list.title');
  useDocumentTitle(tc('documentTitle', { page: title }));

  return (
    <>
      <GcdsHeading tag="h1">{title}</GcdsHeading>
      {!data && loading ? <PageLoading /> : null}
      {!ruling && !loading && error ? <GcdsText>{t('detail.notFound')}</GcdsText> : null}
      {!data && !loading && !error ? <PageLoadError /> : null}
      {ruling ? (
        <>
          <dl className="facts">
            <dt>{t('detail.caseNumber')}</dt>
            <dd>{ruling.caseNumber}</dd>
            <dt>{t('detail.type')}</dt>
            <dd>{t(`types.${ruling.type}`)}</dd>
            <dt>{t('detail.status')}</dt>
            <dd>{t(`statuses.${ruling.status}`)}</dd>
            <dt>{t('detail.account')}</dt>
            <dd>
              {ruling.programAccount.accountNumber} {ruling.programAccount.name}
            </dd>
            <dt>{t('detail.requestedAt')}</dt>
            <dd>{formatDate(ruling.requestedAt, language)}</dd>
            <dt>{t('detail.tariffClassification')}</dt>
            <dd>{ruling.tariffClassification ?? t('detail.none')}</dd>
          </dl>
          <GcdsHeading tag="h2">{t('detail.goodsDescription')}</GcdsHeading>
          <GcdsText>{ruling.goodsDescription}</GcdsText>
          <GcdsHeading tag="h2">{t('detail.questions')}</GcdsHeading>
          <GcdsText>{ruling.questions}</GcdsText>
          {ruling.agencyNote ? (
            <>
              <GcdsHeading tag="h2">{t('detail.agencyNote')}</GcdsHeading>
              <GcdsText>{ruling.agencyNote}</GcdsText>
            </>
          ) : null}
          <GcdsHeading tag="h2">{t('detail.documents')}</GcdsHeading>
          {documents.length > 0 ? (
            <table className="data-table">
              <caption>{t('detail.documentsCaption', { caseNumber: ruling.caseNumber })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('detail.fileName')}</th>
                  <th scope="col">{t('detail.category')}</th>
                  <th scope="col">{t('detail.size')}</th>
                  <th scope="col">{t('detail.uploadedAt')}</th>
                </tr>
              </thead>
              <tbody>
                {documents.map((document) => (
                  <tr key={document.id}>
                    <td>
                      <a href={document.downloadUrl} download>
                        {document.fileName}
                      </a>
                    </td>
                    <td>{td(`categories.${document.category}`)}</td>
                    <td>{td('size', { size: Math.max(1, Math.round(document.sizeBytes / 1024)) })}</td>
                    <td>{formatDate(document.uploadedAt, language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <GcdsText>{t('detail.noDocuments')}</GcdsText>
          )}
          <GcdsButton type="link" href={`/${language}/documents/upload?case=${ruling.caseNumber}`}>
            {t('detail.upload')}
          </GcdsButton>
        </>
      ) : null}
      <GcdsText>
        <GcdsLink href={`/${language}/rulings`}>{t('detail.back')}</GcdsLink>
      </GcdsText>
    </>
  );
}
