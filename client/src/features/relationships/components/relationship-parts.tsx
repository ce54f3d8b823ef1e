import './relationships.css';
import { GcdsButton, GcdsHeading, GcdsLink, GcdsNotice, GcdsText } from '@cdssnc/gcds-components-react';
import { type ReactNode, forwardRef, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type AccessArea,
  type RelationshipStatus,
  type RelationshipType,
  useRelationshipsViewerQuery,
} from '../../../generated/graphql';
import { formatDateTime } from '../../../lib/date-time';
import { focusWhenReady } from '../../../lib/focus';
import { useLanguage } from '../../../lib/use-language';

export const relationshipStatuses: readonly RelationshipStatus[] = [
  'PENDING',
  'ACCEPTED',
  'REJECTED',
  'CANCELLED',
  'EXPIRED',
  'ENDED',
];

export const relationshipTypes: readonly RelationshipType[] = ['BUSINESS_MANAGEMENT', 'PROGRAM_MANAGEMENT'];

/** Longest message, reason or rejection the API accepts. */
export const textMax = 500;

export type AreaAccessList = ReadonlyArray<{ area: AccessArea; view: boolean; edit: boolean }>;

/** Whether the viewer may view (or edit) an area of a business, from its `viewerAccess`. */
export function allows(
  areas: AreaAccessList | undefined,
  area: AccessArea,
  action: 'view' | 'edit',
): boolean {
  return Boolean(areas?.find((entry) => entry.area === area)?.[action]);
}

/** The viewer and the active business, as every page of the feature reads them. */
export function useRelationshipsViewer() {
  const query = useRelationshipsViewerQuery({ fetchPolicy: 'cache-and-network', errorPolicy: 'all' });
  const business = query.data?.me?.activeBusiness ?? null;
  const areas = business?.viewerAccess.areas;
  const isBam = business?.viewerMembership?.role === 'BUSINESS_ACCOUNT_MANAGER';
  const isProvider = business?.profile?.serviceProvider === true;
  const manages = allows(areas, 'RELATIONSHIP_MANAGEMENT', 'view');
  return {
    ...query,
    business,
    isBam,
    isProvider,
    /** Received and active relationships (BAM; PAM within their programs). */
    manages,
    decides: allows(areas, 'RELATIONSHIP_MANAGEMENT', 'edit'),
    /** Sent requests, cancelling and ending: the BAM only. */
    sends: isBam && isProvider && manages,
    ends: isBam && allows(areas, 'RELATIONSHIP_MANAGEMENT', 'edit'),
    /** Client groups and assignments: the provider's BAM. */
    organizes: isBam && isProvider && allows(areas, 'ACCESS_MANAGEMENT', 'edit'),
    /** The clients the viewer acts for (a provider's people). */
    actsForClients: isProvider || (query.data?.me?.actingForConnection.edges.length ?? 0) > 0,
  };
}

export type NavSection = 'relationships' | 'clientGroups' | 'clients';

/**
 * The feature's pages, linked to each other at the top of each: only those the viewer may use. The
 * page the viewer is on is named, not linked. Nothing when there is nowhere else to go.
 */
export function RelationshipsNav({ current }: { current?: NavSection }) {
  const { t } = useTranslation('relationships');
  const language = useLanguage();
  const { manages, organizes, actsForClients, business } = useRelationshipsViewer();
  if (!business) return null;
  const entries: Array<{ section: NavSection; href: string }> = [];
  if (manages) entries.push({ section: 'relationships', href: `/${language}/business/relationships` });
  if (organizes) entries.push({ section: 'clientGroups', href: `/${language}/business/client-groups` });
  if (actsForClients) entries.push({ section: 'clients', href: `/${language}/clients` });
  if (entries.filter((entry) => entry.section !== current).length === 0) return null;
  return (
    <nav aria-label={t('nav.label')} className="relationships-nav">
      <ul>
        {entries.map(({ section, href }) => (
          <li key={section}>
            {section === current ? (
              <strong aria-current="page">{t(`nav.${section}`)}</strong>
            ) : (
              <GcdsLink href={href}>{t(`nav.${section}`)}</GcdsLink>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

export interface Outcome {
  type: 'success' | 'danger';
  title: string;
  body: string;
}

/** Where the result of an action shows; it takes focus when it changes (see useOutcomeFocus). */
export const OutcomeRegion = forwardRef<HTMLDivElement, { outcome: Outcome | undefined }>(
  function OutcomeRegion({ outcome }, ref) {
    return (
      <div role="status" tabIndex={-1} ref={ref} className="relationship-outcome">
        {outcome ? (
          <GcdsNotice type={outcome.type} noticeTitleTag="h2" noticeTitle={outcome.title}>
            <GcdsText>{outcome.body}</GcdsText>
          </GcdsNotice>
        ) : null}
      </div>
    );
  },
);

export function useOutcomeFocus(outcome: Outcome | undefined) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (outcome) ref.current?.focus();
  }, [outcome]);
  return ref;
}

/** The panel an action opens: focus moves to it when it opens. */
export function PanelFrame({
  title,
  children,
  headingTag = 'h3',
}: {
  title: string;
  children: ReactNode;
  headingTag?: 'h2' | 'h3' | 'h4';
}) {
  const frame = useRef<HTMLDivElement>(null);
  useEffect(() => focusWhenReady(() => frame.current), []);
  return (
    <div ref={frame} tabIndex={-1} className="relationship-panel">
      <GcdsHeading tag={headingTag}>{title}</GcdsHeading>
      {children}
    </div>
  );
}

export function FailureNotice({ message }: { message: string }) {
  const { t } = useTranslation('relationships');
  return (
    <GcdsNotice type="danger" noticeTitleTag="h4" noticeTitle={t('common.failed')} role="alert">
      <GcdsText>{message}</GcdsText>
    </GcdsNotice>
  );
}

/** A confirmation step: nothing happens until the danger button is pressed. */
export function ConfirmPanel({
  title,
  warning,
  confirmLabel,
  busy,
  failure,
  onConfirm,
  onCancel,
}: {
  title: string;
  warning: string;
  confirmLabel: string;
  busy: boolean;
  failure: string | undefined;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('relationships');
  return (
    <PanelFrame title={title}>
      {failure ? <FailureNotice message={failure} /> : null}
      <GcdsText>{warning}</GcdsText>
      <div className="relationship-actions">
        <GcdsButton type="button" buttonRole="danger" disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </GcdsButton>
        <GcdsButton type="button" buttonRole="secondary" onClick={onCancel}>
          {t('common.back')}
        </GcdsButton>
      </div>
    </PanelFrame>
  );
}

/** "Name (123456789)". */
export function businessLabel(business: { name?: string | null; businessNumber?: string | null }): string {
  return business.businessNumber
    ? `${business.name ?? ''} (${business.businessNumber})`
    : (business.name ?? '');
}

export function useDateTime() {
  const language = useLanguage();
  return (iso: string | null | undefined) => (iso ? formatDateTime(iso, language) : '');
}
