import { GcdsButton, GcdsText } from '@cdssnc/gcds-components-react';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChecklistField, RadioField, TextAreaField } from '../../../components/forms/fields';
import { FormErrorSummary } from '../../../components/forms/form-error-summary';
import {
  type RelationshipType,
  type RelationshipsRowFragment,
  useRelationshipsCancelMutation,
  useRelationshipsClientAccountsQuery,
  useRelationshipsEndMutation,
} from '../../../generated/graphql';
import { type FieldErrors } from '../../../lib/user-errors';
import { programReference } from '../../../components/business/business-labels';
import {
  ConfirmPanel,
  FailureNotice,
  type Outcome,
  PanelFrame,
  relationshipTypes,
  textMax,
} from './relationship-parts';
import { nodes } from '../../../lib/connections';
import { relationshipRefetch } from '../hooks/relationship-queries';
import { useDecideRelationship } from '../hooks/use-decide-relationship';
import { useMutationForm } from '../../../components/forms/use-mutation-form';

export type Relationship = RelationshipsRowFragment;

export type RelationshipPanel =
  { kind: 'approve' | 'reject' | 'cancel' | 'end'; relationship: Relationship } | undefined;

interface ActionPanelProps {
  panel: NonNullable<RelationshipPanel>;
  /** The viewer's active business (the client, for a decision). */
  businessId: string;
  /** A program account manager approves program management only. */
  isBam: boolean;
  onCancel: () => void;
  onDone: (outcome: Outcome) => Promise<void>;
}

/** The panel of one action on one relationship: decide, cancel or end. */
export function RelationshipActionPanel({ panel, businessId, isBam, onCancel, onDone }: ActionPanelProps) {
  if (panel.kind === 'approve' || panel.kind === 'reject')
    return (
      <DecisionPanel
        kind={panel.kind}
        relationship={panel.relationship}
        businessId={businessId}
        isBam={isBam}
        onCancel={onCancel}
        onDone={onDone}
      />
    );
  return (
    <StateChangePanel
      kind={panel.kind}
      relationship={panel.relationship}
      onCancel={onCancel}
      onDone={onDone}
    />
  );
}

/** The other party's name, seen from the viewer's business. */
export function counterpart(relationship: Relationship, businessId: string): string {
  return relationship.provider.id === businessId ? relationship.client.name : relationship.provider.name;
}

function DecisionPanel({
  kind,
  relationship,
  businessId,
  isBam,
  onCancel,
  onDone,
}: Omit<ActionPanelProps, 'panel'> & { kind: 'approve' | 'reject'; relationship: Relationship }) {
  const { t } = useTranslation('relationships');
  const { decide, loading } = useDecideRelationship();
  const accounts = useRelationshipsClientAccountsQuery({
    variables: { businessId },
    skip: kind !== 'approve',
  });
  const [type, setType] = useState(isBam ? '' : 'PROGRAM_MANAGEMENT');
  const [scope, setScope] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const provider = relationship.provider.name;
  const fields = kind === 'approve' ? ['type', 'programAccountIds', 'reason'] : ['reason'];
  const form = useMutationForm({ fields, failedMessage: t('common.failedBody') });
  const { errors, focusKey, failure } = form;
  const types = relationshipTypes.filter((value) => isBam || value === 'PROGRAM_MANAGEMENT');
  const programAccounts = accounts.data?.business?.programAccountsConnection;
  // The same options while the accounts are the same: GCDS re-renders its boxes when they change.
  const accountOptions = useMemo(
    () =>
      nodes(programAccounts).map((account) => ({
        value: account.id,
        label: `${programReference(account.accountNumber ?? '', (account.accountNumber ?? '').slice(0, 9))} - ${account.name ?? ''}`,
      })),
    [programAccounts],
  );

  const check = (): FieldErrors => {
    const local: FieldErrors = {};
    if (kind === 'approve') {
      if (!type) local.type = t('errors.typeRequired');
      else if (type === 'PROGRAM_MANAGEMENT' && scope.length === 0)
        local.programAccountIds = t('errors.accountsRequired');
      if ([...reason.trim()].length > textMax) local.reason = t('errors.tooLong', { max: textMax });
    } else if (!reason.trim()) local.reason = t('errors.reasonRequired');
    else if ([...reason.trim()].length > textMax) local.reason = t('errors.tooLong', { max: textMax });
    return local;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const approve = kind === 'approve';
    await form.submit({
      local: check(),
      send: () =>
        decide(
          approve
            ? {
                relationshipId: relationship.id,
                approve: true,
                type: type as RelationshipType,
                ...(type === 'PROGRAM_MANAGEMENT' ? { programAccountIds: scope } : {}),
                ...(reason.trim() ? { reason: reason.trim() } : {}),
              }
            : { relationshipId: relationship.id, approve: false, reason: reason.trim() },
        ),
      succeeded: (payload) => Boolean(payload.relationship),
      onSuccess: () =>
        onDone(
          approve
            ? {
                type: 'success',
                title: t('decide.approved.title'),
                body: t('decide.approved.body', {
                  provider,
                  type: t(`types.${type as RelationshipType}`),
                }),
              }
            : {
                type: 'success',
                title: t('decide.rejected.title'),
                body: t('decide.rejected.body', { provider }),
              },
        ),
    });
  };

  return (
    <PanelFrame
      title={
        kind === 'approve' ? t('decide.approveTitle', { provider }) : t('decide.rejectTitle', { provider })
      }
    >
      <form noValidate onSubmit={(event) => void submit(event)}>
        <FormErrorSummary errors={errors} fields={fields} focusKey={focusKey} />
        {failure ? <FailureNotice message={failure} /> : null}
        {relationship.message ? (
          <GcdsText>{t('decide.message', { message: relationship.message })}</GcdsText>
        ) : null}
        {kind === 'approve' ? (
          <>
            <RadioField
              name="type"
              label={t('decide.type')}
              required
              value={type}
              onChange={setType}
              options={types.map((value) => ({
                value,
                label: t(`types.${value}`),
                hint: t(`typeHints.${value}`),
              }))}
              error={errors.type}
            />
            {type === 'PROGRAM_MANAGEMENT' ? (
              programAccounts ? (
                <ChecklistField
                  // A new group when its error comes or goes: GCDS keeps stale boxes otherwise.
                  key={errors.programAccountIds ? 'refused' : 'fresh'}
                  name="programAccountIds"
                  label={t('decide.accounts')}
                  hint={t('decide.accountsHint')}
                  required={accountOptions.length > 1}
                  values={scope}
                  onChange={setScope}
                  options={accountOptions}
                  error={errors.programAccountIds}
                />
              ) : (
                <GcdsText role="status">{t('common.loading')}</GcdsText>
              )
            ) : null}
            <TextAreaField
              name="reason"
              label={t('decide.approvalReason')}
              hint={t('decide.approvalReasonHint')}
              maxLength={textMax}
              value={reason}
              onChange={setReason}
              error={errors.reason}
            />
          </>
        ) : (
          <TextAreaField
            name="reason"
            label={t('decide.reason')}
            hint={t('decide.reasonHint')}
            required
            maxLength={textMax}
            value={reason}
            onChange={setReason}
            error={errors.reason}
          />
        )}
        <div className="relationship-actions">
          <GcdsButton type="submit" disabled={loading}>
            {kind === 'approve' ? t('decide.sendApproval') : t('decide.sendRejection')}
          </GcdsButton>
          <GcdsButton type="button" buttonRole="secondary" onClick={onCancel}>
            {t('common.back')}
          </GcdsButton>
        </div>
      </form>
    </PanelFrame>
  );
}

/** Cancelling a pending request or ending an active relationship: a confirmation step first. */
function StateChangePanel({
  kind,
  relationship,
  onCancel,
  onDone,
}: {
  kind: 'cancel' | 'end';
  relationship: Relationship;
  onCancel: () => void;
  onDone: (outcome: Outcome) => Promise<void>;
}) {
  const { t } = useTranslation('relationships');
  const options = relationshipRefetch;
  const [cancel, cancelling] = useRelationshipsCancelMutation(options);
  const [end, ending] = useRelationshipsEndMutation(options);
  const [failure, setFailure] = useState<string>();
  const names = { provider: relationship.provider.name, client: relationship.client.name };

  const confirm = async () => {
    setFailure(undefined);
    try {
      const variables = { relationshipId: relationship.id };
      const payload =
        kind === 'cancel'
          ? (await cancel({ variables })).data?.cancelRelationship
          : (await end({ variables })).data?.endRelationship;
      if (payload?.relationship) {
        await onDone({
          type: 'success',
          title: t(`${kind}.done.title`),
          body: t(`${kind}.done.body`, names),
        });
        return;
      }
      setFailure(payload?.userErrors.map((error) => error.message).join(' ') || t('common.failedBody'));
    } catch {
      setFailure(t('common.failedBody'));
    }
  };

  return (
    <ConfirmPanel
      title={t(`${kind}.title`, names)}
      warning={t(`${kind}.warning`, names)}
      confirmLabel={t(`${kind}.confirm`)}
      busy={cancelling.loading || ending.loading}
      failure={failure}
      onConfirm={() => void confirm()}
      onCancel={onCancel}
    />
  );
}
