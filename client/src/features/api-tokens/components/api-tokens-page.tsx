import { GcdsButton, GcdsHeading, GcdsNotice, GcdsText } from '@cdssnc/gcds-components-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChecklistField, RadioField, TextField } from '../../../components/forms/fields';
import { FormErrorSummary } from '../../../components/forms/form-error-summary';
import { useMutationForm } from '../../../components/forms/use-mutation-form';
import { PageLoadError, PageLoading } from '../../../components/layout/page-status';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import { type ApiTokensDataQuery, useApiTokensDataQuery } from '../../../generated/graphql';
import { formatDateTime } from '../../../lib/date-time';
import { useLanguage } from '../../../lib/use-language';
import { type FieldErrors, fieldErrorsOf } from '../../../lib/user-errors';
import { NoActiveBusiness } from '../../../components/business/business-parts';
import './api-tokens.css';
import { nodes } from '../../../lib/connections';
import { useCreateApiToken } from '../hooks/use-create-api-token';
import { useRevokeApiToken } from '../hooks/use-revoke-api-token';

type Business = NonNullable<NonNullable<ApiTokensDataQuery['me']>['activeBusiness']>;
type Token = NonNullable<Business['apiTokens']>['edges'][number]['node'];

const fields = ['name', 'scope', 'expiresInDays', 'clientGroupIds'] as const;
const nameMax = 100;
const expiryMax = 365;

/**
 * The business's API tokens (docs/api.md), for its business account managers: the list with the last
 * use, a form that creates one and shows its secret once (with a copy button), and revoking with a
 * confirmation.
 */
export function ApiTokensPage() {
  const { t } = useTranslation('api-tokens');
  const { t: tc } = useTranslation('common');
  useDocumentTitle(tc('documentTitle', { page: t('title') }));
  const { data, loading, error } = useApiTokensDataQuery({
    fetchPolicy: 'cache-and-network',
    errorPolicy: 'all',
  });
  const business = data?.me?.activeBusiness ?? null;
  const isBam = business?.viewerMembership.role === 'BUSINESS_ACCOUNT_MANAGER';
  return (
    <>
      <GcdsHeading tag="h1">{t('title')}</GcdsHeading>
      <GcdsText>{t('intro')}</GcdsText>
      {!data && loading ? <PageLoading /> : null}
      {!data && error ? <PageLoadError /> : null}
      {data && !business ? <NoActiveBusiness /> : null}
      {business && !isBam ? <GcdsText>{t('noAccess')}</GcdsText> : null}
      {business && isBam ? <Tokens business={business} /> : null}
    </>
  );
}

function Tokens({ business }: { business: Business }) {
  const { t } = useTranslation('api-tokens');
  const language = useLanguage();
  const [secret, setSecret] = useState<string>();
  const [confirming, setConfirming] = useState<Token>();
  const [revoked, setRevoked] = useState<string>();
  const tokens = (business.apiTokens?.edges ?? []).map((edge) => edge.node);
  const groups = nodes(business.clientGroupsConnection);
  const when = (iso: string | null | undefined) => (iso ? formatDateTime(iso, language) : t('list.never'));
  // "All clients" would mislead for a business that has none (an importer): say so instead (defect 13).
  const hasClients = (business.clients?.totalCount ?? 0) > 0;
  const groupNames = (ids: readonly string[]) =>
    ids.length
      ? ids.map((id) => groups.find((g) => g.id === id)?.name ?? id).join(', ')
      : hasClients
        ? t('list.allClients')
        : t('list.noClients');

  return (
    <>
      {secret ? <SecretPanel secret={secret} onDone={() => setSecret(undefined)} /> : null}
      <div role="status">
        {revoked ? (
          <GcdsNotice type="success" noticeTitleTag="h2" noticeTitle={t('revoke.done', { name: revoked })}>
            <GcdsText>{t('revoke.doneBody')}</GcdsText>
          </GcdsNotice>
        ) : null}
      </div>
      <GcdsHeading tag="h2">{t('list.title')}</GcdsHeading>
      {tokens.length === 0 ? (
        <GcdsText>{t('list.empty')}</GcdsText>
      ) : (
        <table className="api-tokens-table">
          <caption>{t('list.caption', { count: tokens.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('list.name')}</th>
              <th scope="col">{t('list.prefix')}</th>
              <th scope="col">{t('list.scope')}</th>
              <th scope="col">{t('list.clients')}</th>
              <th scope="col">{t('list.expires')}</th>
              <th scope="col">{t('list.lastUsed')}</th>
              <th scope="col">{t('list.status')}</th>
              <th scope="col">{t('list.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id}>
                <th scope="row">{token.name}</th>
                <td>
                  <code>{token.prefix}…</code>
                </td>
                <td>{t(`scope.${token.scope}`)}</td>
                <td>{groupNames(token.clientGroupIds)}</td>
                <td>{when(token.expiresAt)}</td>
                <td>{when(token.lastUsedAt)}</td>
                <td>
                  {token.active
                    ? t('status.active')
                    : token.revokedAt
                      ? t('status.revoked')
                      : t('status.expired')}
                </td>
                <td>
                  {token.active ? (
                    <GcdsButton
                      type="button"
                      buttonRole="secondary"
                      size="small"
                      onClick={() => {
                        setRevoked(undefined);
                        setConfirming(token);
                      }}
                    >
                      {t('revoke.button', { name: token.name })}
                    </GcdsButton>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {confirming ? (
        <RevokePanel
          key={confirming.id}
          token={confirming}
          onCancel={() => setConfirming(undefined)}
          onRevoked={() => {
            setConfirming(undefined);
            setRevoked(confirming.name);
          }}
        />
      ) : null}
      <CreateForm businessId={business.id} groups={groups} onCreated={setSecret} />
    </>
  );
}

interface RevokePanelProps {
  token: Token;
  onCancel: () => void;
  onRevoked: () => void;
}

/** The confirmation step of a revocation: nothing happens until "Yes, revoke it". */
function RevokePanel({ token, onCancel, onRevoked }: RevokePanelProps) {
  const { t } = useTranslation('api-tokens');
  const { revokeApiToken, loading } = useRevokeApiToken();
  // No field: every refusal is the action's outcome, shown in the panel.
  const form = useMutationForm({ fields: [], failedMessage: t('revoke.failed') });
  const confirm = () =>
    form.submit({
      send: () => revokeApiToken(token.id),
      succeeded: (payload) => payload.userErrors.length === 0,
      onSuccess: onRevoked,
    });
  return (
    <section aria-labelledby="revoke-title" className="api-tokens-panel">
      <GcdsHeading tag="h2" id="revoke-title">
        {t('revoke.title', { name: token.name })}
      </GcdsHeading>
      {form.failure ? (
        <GcdsNotice type="danger" noticeTitleTag="h3" noticeTitle={t('revoke.failedTitle')}>
          <GcdsText>{form.failure}</GcdsText>
        </GcdsNotice>
      ) : null}
      <GcdsText>{t('revoke.warning')}</GcdsText>
      <GcdsButton type="button" buttonRole="danger" disabled={loading} onClick={() => void confirm()}>
        {t('revoke.confirm')}
      </GcdsButton>{' '}
      <GcdsButton type="button" buttonRole="secondary" onClick={onCancel}>
        {t('revoke.cancel')}
      </GcdsButton>
    </section>
  );
}

function SecretPanel({ secret, onDone }: { secret: string; onDone: () => void }) {
  const { t } = useTranslation('api-tokens');
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <section aria-labelledby="secret-title" className="api-tokens-panel" role="region">
      <GcdsNotice type="warning" noticeTitleTag="h2" noticeTitle={t('secret.title')}>
        <GcdsText>{t('secret.body')}</GcdsText>
      </GcdsNotice>
      <h2 id="secret-title" className="api-tokens-visually-hidden">
        {t('secret.label')}
      </h2>
      <p>
        <code data-testid="api-token-secret">{secret}</code>
      </p>
      <GcdsButton type="button" onClick={() => void copy()}>
        {t('secret.copy')}
      </GcdsButton>{' '}
      <GcdsButton type="button" buttonRole="secondary" onClick={onDone}>
        {t('secret.done')}
      </GcdsButton>
      <p aria-live="polite">{copied ? t('secret.copied') : ''}</p>
    </section>
  );
}

function CreateForm({
  businessId,
  groups,
  onCreated,
}: {
  businessId: string;
  groups: ReadonlyArray<{ id: string; name: string }>;
  onCreated: (secret: string) => void;
}) {
  const { t } = useTranslation('api-tokens');
  const [name, setName] = useState('');
  const [scope, setScope] = useState<'READ' | 'READ_WRITE'>('READ');
  const [days, setDays] = useState('90');
  const [groupIds, setGroupIds] = useState<string[]>([]);
  const { createApiToken, loading } = useCreateApiToken();
  const form = useMutationForm({
    fields,
    // Every refusal goes beside a field: the name when the server names none of the form's.
    mapErrors: (userErrors) => fieldErrorsOf(userErrors, fields, 'name'),
    failedMessage: t('errors.failed'),
    failedAt: 'name',
  });
  const { errors, focusKey } = form;

  const check = (): FieldErrors => {
    const found: FieldErrors = {};
    const shown = name.trim();
    if (!shown) found.name = t('errors.nameRequired');
    else if ([...shown].length > nameMax) found.name = t('errors.nameTooLong', { max: nameMax });
    const n = Number(days);
    if (!/^\d+$/.test(days.trim()) || n < 1 || n > expiryMax)
      found.expiresInDays = t('errors.expiry', { max: expiryMax });
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await form.submit({
      local: check(),
      send: () =>
        createApiToken({
          businessId,
          name: name.trim(),
          scope,
          expiresInDays: Number(days),
          clientGroupIds: groupIds,
        }),
      succeeded: (payload) => payload.userErrors.length === 0,
      onSuccess: (payload) => {
        form.clear();
        setName('');
        setGroupIds([]);
        if (payload.secret) onCreated(payload.secret);
      },
    });
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)} aria-labelledby="create-title">
      <GcdsHeading tag="h2" id="create-title">
        {t('create.title')}
      </GcdsHeading>
      <FormErrorSummary errors={errors} fields={fields} focusKey={focusKey} />
      <TextField
        name="name"
        label={t('create.name')}
        hint={t('create.nameHint', { max: nameMax })}
        required
        value={name}
        onChange={setName}
        error={errors.name}
      />
      <RadioField
        name="scope"
        label={t('create.scope')}
        required
        value={scope}
        onChange={(value) => setScope(value === 'READ_WRITE' ? 'READ_WRITE' : 'READ')}
        error={errors.scope}
        options={[
          { value: 'READ', label: t('scope.READ'), hint: t('scope.READHint') },
          { value: 'READ_WRITE', label: t('scope.READ_WRITE'), hint: t('scope.READ_WRITEHint') },
        ]}
      />
      <TextField
        name="expiresInDays"
        label={t('create.expiry')}
        hint={t('create.expiryHint', { max: expiryMax })}
        required
        inputmode="numeric"
        size={4}
        value={days}
        onChange={setDays}
        error={errors.expiresInDays}
      />
      {groups.length ? (
        <ChecklistField
          name="clientGroupIds"
          label={t('create.groups')}
          hint={t('create.groupsHint')}
          options={groups.map((group) => ({ value: group.id, label: group.name }))}
          values={groupIds}
          onChange={setGroupIds}
          error={errors.clientGroupIds}
        />
      ) : null}
      <GcdsButton type="submit" disabled={loading}>
        {t('create.submit')}
      </GcdsButton>
    </form>
  );
}
