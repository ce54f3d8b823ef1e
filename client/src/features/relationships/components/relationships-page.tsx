import { GcdsButton, GcdsHeading, GcdsLink, GcdsSelect, GcdsText } from '@cdssnc/gcds-components-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextAreaField, TextField } from '../../../components/forms/fields';
import { FormErrorSummary } from '../../../components/forms/form-error-summary';
import { useMutationForm } from '../../../components/forms/use-mutation-form';
import { PageLoadError, PageLoading } from '../../../components/layout/page-status';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import {
  type RelationshipStatus,
  type RelationshipsRequestManyMutation,
  useRelationshipsActiveQuery,
  useRelationshipsReceivedQuery,
  useRelationshipsSentQuery,
} from '../../../generated/graphql';
import { useLanguage } from '../../../lib/use-language';
import { type FieldErrors } from '../../../lib/user-errors';
import { NoActiveBusiness } from '../../../components/business/business-parts';
import {
  type Relationship,
  type RelationshipPanel,
  RelationshipActionPanel,
  counterpart,
} from './relationship-actions';
import { useRequestRelationship } from '../hooks/use-request-relationship';
import { useRequestRelationships } from '../hooks/use-request-relationships';
import {
  FailureNotice,
  type Outcome,
  OutcomeRegion,
  RelationshipsNav,
  relationshipStatuses,
  textMax,
  useDateTime,
  useOutcomeFocus,
  useRelationshipsViewer,
} from './relationship-parts';

/** Rows per page of each list. */
export const relationshipsPageSize = 25;

/** Most business numbers a bulk request takes (the API's limit). */
const bulkMax = 50;

type ListKind = 'received' | 'sent' | 'active';

/**
 * Configure my portal: manage my business relationships (seed 003 §2.2, §3.2). For the active
 * business: the requests it received from service providers (approved with a type, or rejected
 * with a reason), the requests it sent as a service provider (by business number, one or several;
 * a pending one can be cancelled) and its active relationships (ended after a confirmation). Only
 * the sections the viewer's access allows are there.
 */
export function RelationshipsPage() {
  const { t } = useTranslation('relationships');
  const { t: tc } = useTranslation('common');
  useDocumentTitle(tc('documentTitle', { page: t('list.title') }));
  const viewer = useRelationshipsViewer();
  const { data, loading, error, business } = viewer;
  const [outcome, setOutcome] = useState<Outcome>();
  const outcomeRef = useOutcomeFocus(outcome);
  const [status, setStatus] = useState('');
  const language = useLanguage();

  return (
    <>
      <GcdsHeading tag="h1">{t('list.title')}</GcdsHeading>
      <RelationshipsNav current="relationships" />
      {!data && loading ? <PageLoading /> : null}
      {!data && error ? <PageLoadError /> : null}
      {data && !business ? <NoActiveBusiness /> : null}
      {business && !viewer.manages ? <GcdsText>{t('list.noAccess')}</GcdsText> : null}
      {business && viewer.manages ? (
        <>
          <GcdsText>
            {t('list.lead', { business: business.name ?? '', businessNumber: business.businessNumber ?? '' })}
          </GcdsText>
          {viewer.organizes ? (
            <GcdsText>
              <GcdsLink href={`/${language}/business/client-groups`}>{t('list.groupsLink')}</GcdsLink>
            </GcdsText>
          ) : null}
          <OutcomeRegion ref={outcomeRef} outcome={outcome} />
          <GcdsSelect
            id="status-filter"
            selectId="status-filter"
            name="statusFilter"
            label={t('list.filter')}
            hint={t('list.filterHint')}
            value={status || 'ALL'}
            onGcdsChange={(event) => setStatus(event.detail === 'ALL' ? '' : (event.detail ?? ''))}
          >
            <option value="ALL">{t('list.allStatuses')}</option>
            {relationshipStatuses.map((value) => (
              <option key={value} value={value}>
                {t(`statuses.${value}`)}
              </option>
            ))}
          </GcdsSelect>
          <RelationshipList
            key={`received-${status}`}
            kind="received"
            businessId={business.id}
            status={status}
            isBam={viewer.isBam}
            decides={viewer.decides}
            ends={viewer.ends}
            onOutcome={setOutcome}
          />
          {viewer.sends ? (
            <>
              <RelationshipList
                key={`sent-${status}`}
                kind="sent"
                businessId={business.id}
                status={status}
                isBam={viewer.isBam}
                decides={viewer.decides}
                ends={viewer.ends}
                onOutcome={setOutcome}
              />
              {viewer.decides ? (
                <>
                  <RequestForm businessId={business.id} onOutcome={setOutcome} />
                  <BulkRequestForm businessId={business.id} />
                </>
              ) : null}
            </>
          ) : null}
          <RelationshipList
            kind="active"
            businessId={business.id}
            status=""
            isBam={viewer.isBam}
            decides={viewer.decides}
            ends={viewer.ends}
            onOutcome={setOutcome}
          />
        </>
      ) : null}
    </>
  );
}

/** One kind of list, a page at a time: the three queries are the same shape. */
function useRelationshipList(kind: ListKind, businessId: string, status: string, after: string | null) {
  const variables = {
    businessId,
    status: (status || null) as RelationshipStatus | null,
    first: relationshipsPageSize,
    after,
  };
  const options = { fetchPolicy: 'cache-and-network', errorPolicy: 'all' } as const;
  const received = useRelationshipsReceivedQuery({ ...options, variables, skip: kind !== 'received' });
  const sent = useRelationshipsSentQuery({ ...options, variables, skip: kind !== 'sent' });
  const active = useRelationshipsActiveQuery({
    ...options,
    variables: { businessId, first: relationshipsPageSize, after },
    skip: kind !== 'active',
  });
  if (kind === 'received')
    return { ...received, connection: received.data?.business?.receivedRelationships ?? null };
  if (kind === 'sent') return { ...sent, connection: sent.data?.business?.sentRelationships ?? null };
  return { ...active, connection: active.data?.business?.activeRelationships ?? null };
}

interface ListProps {
  kind: ListKind;
  businessId: string;
  status: string;
  isBam: boolean;
  decides: boolean;
  ends: boolean;
  onOutcome: (outcome: Outcome) => void;
}

function RelationshipList({ kind, businessId, status, isBam, decides, ends, onOutcome }: ListProps) {
  const { t } = useTranslation('relationships');
  const language = useLanguage();
  const dateTime = useDateTime();
  // The cursors of the pages before this one: "Next page" adds one, "Previous page" takes it off.
  const [cursors, setCursors] = useState<string[]>([]);
  const after = cursors.at(-1) ?? null;
  const { connection, data, loading } = useRelationshipList(kind, businessId, status, after);
  const [panel, setPanel] = useState<RelationshipPanel>();
  const rows = connection?.edges.map((edge) => edge.node) ?? [];
  const page = cursors.length + 1;

  const actionsOf = (relationship: Relationship) => {
    const name = counterpart(relationship, businessId);
    const actions: Array<{ kind: NonNullable<RelationshipPanel>['kind']; label: string; text: string }> = [];
    const pending = relationship.status === 'PENDING';
    if (kind === 'received' && pending && decides) {
      actions.push({
        kind: 'approve',
        text: t('actions.approve'),
        label: t('actions.approveLabel', { name }),
      });
      actions.push({ kind: 'reject', text: t('actions.reject'), label: t('actions.rejectLabel', { name }) });
    }
    if (kind === 'sent' && pending && isBam && decides)
      actions.push({ kind: 'cancel', text: t('actions.cancel'), label: t('actions.cancelLabel', { name }) });
    if (relationship.status === 'ACCEPTED' && ends && kind === 'active')
      actions.push({ kind: 'end', text: t('actions.end'), label: t('actions.endLabel', { name }) });
    return actions;
  };

  return (
    <section aria-labelledby={`${kind}-heading`}>
      <GcdsHeading tag="h2" id={`${kind}-heading`}>
        {t(`${kind}.title`)}
      </GcdsHeading>
      <GcdsText>{t(`${kind}.lead`)}</GcdsText>
      {!data && loading ? <GcdsText role="status">{t('common.loading')}</GcdsText> : null}
      {data && !connection ? <GcdsText>{t('list.unavailable')}</GcdsText> : null}
      {connection && rows.length === 0 ? (
        <GcdsText>{status ? t(`${kind}.noneWithStatus`) : t(`${kind}.none`)}</GcdsText>
      ) : null}
      {connection && rows.length > 0 ? (
        <table className="data-table">
          <caption>{t(`${kind}.caption`, { count: connection.totalCount, page })}</caption>
          <thead>
            <tr>
              {kind !== 'sent' ? <th scope="col">{t('columns.provider')}</th> : null}
              {kind !== 'received' ? <th scope="col">{t('columns.client')}</th> : null}
              <th scope="col">{t('columns.status')}</th>
              <th scope="col">{t('columns.type')}</th>
              <th scope="col">{kind === 'active' ? t('columns.since') : t('columns.requestedAt')}</th>
              <th scope="col">{t('columns.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((relationship) => {
              const href = `/${language}/business/relationships/${relationship.id}`;
              const provider = `${relationship.provider.name} (${relationship.provider.businessNumber})`;
              const client = `${relationship.client.name} (${relationship.client.businessNumber})`;
              const actions = actionsOf(relationship);
              return (
                <tr key={relationship.id}>
                  {kind !== 'sent' ? <th scope="row">{provider}</th> : null}
                  {kind !== 'received' ? (
                    kind === 'sent' ? (
                      <th scope="row">{client}</th>
                    ) : (
                      <td>{client}</td>
                    )
                  ) : null}
                  <td>{t(`statuses.${relationship.status}`)}</td>
                  <td>{relationship.type ? t(`types.${relationship.type}`) : t('values.notChosen')}</td>
                  <td>
                    {kind === 'active'
                      ? dateTime(relationship.decidedAt ?? relationship.requestedAt)
                      : dateTime(relationship.requestedAt)}
                  </td>
                  <td>
                    <div className="relationship-actions">
                      <GcdsLink
                        href={href}
                        aria-label={t('actions.detailsLabel', {
                          name: counterpart(relationship, businessId),
                        })}
                      >
                        {t('actions.details')}
                      </GcdsLink>
                      {actions.map((action) => (
                        <GcdsButton
                          key={action.kind}
                          type="button"
                          size="small"
                          buttonRole={
                            action.kind === 'approve'
                              ? 'primary'
                              : action.kind === 'reject'
                                ? 'secondary'
                                : 'danger'
                          }
                          aria-label={action.label}
                          onClick={() => setPanel({ kind: action.kind, relationship })}
                        >
                          {action.text}
                        </GcdsButton>
                      ))}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {connection && (cursors.length > 0 || connection.pageInfo.hasNextPage) ? (
        <div className="relationship-actions">
          {cursors.length > 0 ? (
            <GcdsButton
              type="button"
              buttonRole="secondary"
              aria-label={t('list.previousLabel', { list: t(`${kind}.title`) })}
              onClick={() => setCursors((list) => list.slice(0, -1))}
            >
              {t('list.previous')}
            </GcdsButton>
          ) : null}
          {connection.pageInfo.hasNextPage && connection.pageInfo.endCursor ? (
            <GcdsButton
              type="button"
              buttonRole="secondary"
              aria-label={t('list.nextLabel', { list: t(`${kind}.title`) })}
              onClick={() => {
                const next = connection.pageInfo.endCursor;
                if (next) setCursors((list) => [...list, next]);
              }}
            >
              {t('list.next')}
            </GcdsButton>
          ) : null}
        </div>
      ) : null}
      {panel ? (
        <RelationshipActionPanel
          key={`${panel.kind}-${panel.relationship.id}`}
          panel={panel}
          businessId={businessId}
          isBam={isBam}
          onCancel={() => setPanel(undefined)}
          onDone={(next) => {
            setPanel(undefined);
            onOutcome(next);
            return Promise.resolve();
          }}
        />
      ) : null}
    </section>
  );
}

/** A service provider asks one client, by business number, for a relationship. */
function RequestForm({
  businessId,
  onOutcome,
}: {
  businessId: string;
  onOutcome: (outcome: Outcome) => void;
}) {
  const { t } = useTranslation('relationships');
  const { requestRelationship, loading } = useRequestRelationship();
  const [businessNumber, setBusinessNumber] = useState('');
  const [message, setMessage] = useState('');
  const fields = ['clientBusinessNumber', 'message'];
  const form = useMutationForm({
    fields,
    // A problem with no field of its own (not a service provider...) is about the request as a whole.
    otherAt: 'clientBusinessNumber',
    failedMessage: t('common.failedBody'),
  });
  const { errors, focusKey, failure } = form;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local: FieldErrors = {};
    const number = businessNumber.replace(/\s/g, '');
    if (!number) local.clientBusinessNumber = t('errors.businessNumberRequired');
    else if (!/^\d{9}$/.test(number)) local.clientBusinessNumber = t('errors.businessNumberFormat');
    if ([...message.trim()].length > textMax) local.message = t('errors.tooLong', { max: textMax });
    await form.submit({
      local,
      send: () =>
        requestRelationship({
          providerBusinessId: businessId,
          clientBusinessNumber: number,
          ...(message.trim() ? { message: message.trim() } : {}),
        }),
      succeeded: (payload) => Boolean(payload.relationship),
      onSuccess: ({ relationship }) => {
        if (!relationship) return;
        form.clear();
        setBusinessNumber('');
        setMessage('');
        onOutcome({
          type: 'success',
          title: t('request.sent.title'),
          body: t('request.sent.body', {
            client: relationship.client.name,
            businessNumber: relationship.client.businessNumber,
          }),
        });
      },
    });
  };

  return (
    <section aria-labelledby="request-heading">
      <GcdsHeading tag="h2" id="request-heading">
        {t('request.title')}
      </GcdsHeading>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <FormErrorSummary errors={errors} fields={fields} focusKey={focusKey} />
        {failure ? <FailureNotice message={failure} /> : null}
        <TextField
          name="clientBusinessNumber"
          label={t('request.businessNumber')}
          hint={t('request.businessNumberHint')}
          required
          inputmode="numeric"
          size={9}
          value={businessNumber}
          onChange={setBusinessNumber}
          error={errors.clientBusinessNumber}
        />
        <TextAreaField
          name="message"
          label={t('request.message')}
          hint={t('request.messageHint')}
          maxLength={textMax}
          value={message}
          onChange={setMessage}
          error={errors.message}
        />
        <GcdsButton type="submit" disabled={loading}>
          {t('request.send')}
        </GcdsButton>
      </form>
    </section>
  );
}

type BulkResult = RelationshipsRequestManyMutation['requestRelationships']['results'][number];

/** Several business numbers, one per line: each is answered on its own. */
function BulkRequestForm({ businessId }: { businessId: string }) {
  const { t } = useTranslation('relationships');
  const { requestRelationships, loading } = useRequestRelationships();
  const [numbers, setNumbers] = useState('');
  const [message, setMessage] = useState('');
  const [results, setResults] = useState<readonly BulkResult[]>();
  const fields = ['clientBusinessNumbers', 'bulkMessage'];
  const form = useMutationForm({
    fields,
    rename: { message: 'bulkMessage' },
    otherAt: 'clientBusinessNumbers',
    failedMessage: t('common.failedBody'),
  });
  const { errors, focusKey, failure } = form;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setResults(undefined);
    const list = numbers
      .split(/\r?\n/)
      .map((line) => line.replace(/\s/g, ''))
      .filter(Boolean);
    const local: FieldErrors = {};
    if (list.length === 0) local.clientBusinessNumbers = t('errors.businessNumbersRequired');
    else if (list.length > bulkMax) local.clientBusinessNumbers = t('errors.tooMany', { max: bulkMax });
    if ([...message.trim()].length > textMax) local.bulkMessage = t('errors.tooLong', { max: textMax });
    await form.submit({
      local,
      send: () =>
        requestRelationships({
          providerBusinessId: businessId,
          clientBusinessNumbers: list,
          ...(message.trim() ? { message: message.trim() } : {}),
        }),
      succeeded: (payload) => payload.userErrors.length === 0,
      onSuccess: (payload) => {
        form.clear();
        setResults(payload.results);
      },
    });
  };

  const sent = results?.filter((result) => result.relationship).length ?? 0;

  return (
    <section aria-labelledby="bulk-heading">
      <GcdsHeading tag="h2" id="bulk-heading">
        {t('bulk.title')}
      </GcdsHeading>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <FormErrorSummary errors={errors} fields={fields} focusKey={focusKey} />
        {failure ? <FailureNotice message={failure} /> : null}
        <TextAreaField
          name="clientBusinessNumbers"
          label={t('bulk.businessNumbers')}
          hint={t('bulk.businessNumbersHint', { max: bulkMax })}
          required
          value={numbers}
          onChange={setNumbers}
          error={errors.clientBusinessNumbers}
        />
        <TextAreaField
          name="bulkMessage"
          label={t('bulk.message')}
          hint={t('request.messageHint')}
          maxLength={textMax}
          value={message}
          onChange={setMessage}
          error={errors.bulkMessage}
        />
        <GcdsButton type="submit" disabled={loading}>
          {t('bulk.send')}
        </GcdsButton>
      </form>
      <div role="status">
        {results ? (
          <>
            <GcdsText>{t('bulk.summary', { sent, count: results.length })}</GcdsText>
            <table className="data-table">
              <caption>{t('bulk.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('columns.businessNumber')}</th>
                  <th scope="col">{t('columns.result')}</th>
                </tr>
              </thead>
              <tbody>
                {results.map((result, index) => (
                  <tr key={`${result.businessNumber}-${index}`}>
                    <th scope="row">{result.businessNumber}</th>
                    <td>
                      {result.relationship
                        ? t('bulk.sentTo', { client: result.relationship.client.name })
                        : result.userErrors.map((error) => error.message).join(' ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : null}
      </div>
    </section>
  );
}
