import { GcdsButton, GcdsHeading, GcdsLink, GcdsText } from '@cdssnc/gcds-components-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageLoadError, PageLoading } from '../../../components/layout/page-status';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import { type RelationshipsDetailFragment, useRelationshipsOneQuery } from '../../../generated/graphql';
import { thrownError } from '../../../lib/graphql-errors';
import { useLanguage } from '../../../lib/use-language';
import { Facts, NoActiveBusiness } from '../../../components/business/business-parts';
import { type RelationshipPanel, RelationshipActionPanel } from './relationship-actions';
import {
  type Outcome,
  OutcomeRegion,
  RelationshipsNav,
  businessLabel,
  useDateTime,
  useOutcomeFocus,
  useRelationshipsViewer,
} from './relationship-parts';
import { nodes } from '../../../lib/connections';

type Found =
  | { state: 'searching' }
  | { state: 'found'; relationship: RelationshipsDetailFragment }
  | { state: 'missing' }
  | { state: 'failed' };

/**
 * One relationship by id, as long as the active business is one of its two sides: unknown ids, and those the
 * viewer may not see (FORBIDDEN), read as "not among those of your business".
 */
function useFindRelationship(
  businessId: string | undefined,
  relationshipId: string | undefined,
  version: number,
): Found {
  const { data, error, loading, refetch } = useRelationshipsOneQuery({
    variables: { id: relationshipId ?? '' },
    skip: !businessId || !relationshipId,
    fetchPolicy: 'network-only',
    errorPolicy: 'all',
  });
  const first = useRef(true);
  useEffect(() => {
    // The first load is the query's own; later versions follow a change made on this page.
    if (first.current) {
      first.current = false;
      return;
    }
    void refetch();
  }, [version, refetch]);
  if (!businessId || !relationshipId || (loading && !data)) return { state: 'searching' };
  const relationship = data?.relationship;
  if (relationship && (relationship.client.id === businessId || relationship.provider.id === businessId))
    return { state: 'found', relationship };
  if (error && !thrownError(error, 'FORBIDDEN') && !data?.relationship) return { state: 'failed' };
  return { state: 'missing' };
}

/**
 * One business relationship: the two businesses, its type and status, the dates, the provider's
 * message, the client's decision and the program accounts it covers, and its timeline (who did what,
 * when); with the actions its state allows the viewer.
 */
export function RelationshipPage() {
  const { t } = useTranslation('relationships');
  const { t: tc } = useTranslation('common');
  const language = useLanguage();
  const dateTime = useDateTime();
  const { relationshipId } = useParams();
  const viewer = useRelationshipsViewer();
  const { data, loading, error, business } = viewer;
  const [version, setVersion] = useState(0);
  const [panel, setPanel] = useState<RelationshipPanel>();
  const [outcome, setOutcome] = useState<Outcome>();
  const outcomeRef = useOutcomeFocus(outcome);
  const found = useFindRelationship(viewer.manages ? business?.id : undefined, relationshipId, version);
  const relationship = found.state === 'found' ? found.relationship : undefined;
  const title = relationship
    ? t('detail.title', { provider: relationship.provider.name, client: relationship.client.name })
    : t('detail.genericTitle');
  useDocumentTitle(tc('documentTitle', { page: title }));

  const isClient = relationship?.client.id === business?.id;
  const isProvider = relationship?.provider.id === business?.id;
  const actions: Array<{ kind: NonNullable<RelationshipPanel>['kind']; text: string }> = [];
  const other = relationship ? (isProvider ? relationship.client.name : relationship.provider.name) : '';
  if (relationship?.status === 'PENDING' && isClient && viewer.decides) {
    actions.push({ kind: 'approve', text: t('actions.approveLabel', { name: other }) });
    actions.push({ kind: 'reject', text: t('actions.rejectLabel', { name: other }) });
  }
  if (relationship?.status === 'PENDING' && isProvider && viewer.sends && viewer.decides)
    actions.push({ kind: 'cancel', text: t('actions.cancelLabel', { name: other }) });
  if (relationship?.status === 'ACCEPTED' && viewer.ends)
    actions.push({ kind: 'end', text: t('actions.endLabel', { name: other }) });

  const accounts = relationship
    ? relationship.type === 'BUSINESS_MANAGEMENT'
      ? t('detail.everyAccount')
      : relationship.programAccounts.length
        ? relationship.programAccounts
            .map((account) => `${account.accountNumber} - ${account.name}`)
            .join(', ')
        : t('values.none')
    : '';

  return (
    <>
      <GcdsHeading tag="h1">{title}</GcdsHeading>
      <RelationshipsNav />
      {!data && loading ? <PageLoading /> : null}
      {!data && error ? <PageLoadError /> : null}
      {data && !business ? <NoActiveBusiness /> : null}
      {business && !viewer.manages ? <GcdsText>{t('list.noAccess')}</GcdsText> : null}
      {business && viewer.manages && found.state === 'searching' ? <PageLoading /> : null}
      {found.state === 'failed' ? <PageLoadError /> : null}
      {business && viewer.manages && found.state === 'missing' ? (
        <GcdsText>{t('detail.notFound')}</GcdsText>
      ) : null}
      <OutcomeRegion ref={outcomeRef} outcome={outcome} />
      {relationship && business ? (
        <>
          <Facts
            items={[
              [t('detail.provider'), businessLabel(relationship.provider)],
              [t('detail.client'), businessLabel(relationship.client)],
              [t('detail.status'), t(`statuses.${relationship.status}`)],
              [t('detail.type'), relationship.type ? t(`types.${relationship.type}`) : t('values.notChosen')],
              [t('detail.accounts'), accounts],
              [t('detail.requestedAt'), dateTime(relationship.requestedAt)],
              ...(relationship.status === 'PENDING'
                ? [[t('detail.expiresAt'), dateTime(relationship.expiresAt)] as const]
                : []),
              ...(relationship.decidedAt
                ? [[t('detail.decidedAt'), dateTime(relationship.decidedAt)] as const]
                : []),
              ...(relationship.endedAt
                ? [[t('detail.endedAt'), dateTime(relationship.endedAt)] as const]
                : []),
              [t('detail.message'), relationship.message || t('values.none')],
              ...(relationship.decisionReason
                ? [[t('detail.decisionReason'), relationship.decisionReason] as const]
                : []),
            ]}
          />
          {actions.length ? (
            <div className="relationship-actions">
              {actions.map((action) => (
                <GcdsButton
                  key={action.kind}
                  type="button"
                  buttonRole={
                    action.kind === 'approve' ? 'primary' : action.kind === 'reject' ? 'secondary' : 'danger'
                  }
                  onClick={() => {
                    setOutcome(undefined);
                    setPanel({ kind: action.kind, relationship });
                  }}
                >
                  {action.text}
                </GcdsButton>
              ))}
            </div>
          ) : null}
          {panel ? (
            <RelationshipActionPanel
              key={`${panel.kind}-${panel.relationship.id}`}
              panel={panel}
              businessId={business.id}
              isBam={viewer.isBam}
              onCancel={() => setPanel(undefined)}
              onDone={(next) => {
                setPanel(undefined);
                setOutcome(next);
                setVersion((value) => value + 1);
                return Promise.resolve();
              }}
            />
          ) : null}

          <GcdsHeading tag="h2">{t('detail.timeline')}</GcdsHeading>
          <table className="data-table">
            <caption>{t('detail.timelineCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('columns.when')}</th>
                <th scope="col">{t('columns.event')}</th>
                <th scope="col">{t('columns.who')}</th>
                <th scope="col">{t('columns.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {nodes(relationship.timelineConnection).map((event) => (
                <tr key={event.id}>
                  <th scope="row">{dateTime(event.occurredAt)}</th>
                  <td>{t(`events.${event.type}`)}</td>
                  <td>{event.actor?.name ?? t('detail.system')}</td>
                  <td>
                    {event.type === 'ACCEPTED' &&
                    event.detail &&
                    (event.detail === 'BUSINESS_MANAGEMENT' || event.detail === 'PROGRAM_MANAGEMENT')
                      ? t(`types.${event.detail}`)
                      : (event.detail ?? '')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {business && viewer.manages ? (
        <GcdsText>
          <GcdsLink href={`/${language}/business/relationships`}>{t('detail.back')}</GcdsLink>
        </GcdsText>
      ) : null}
    </>
  );
}
