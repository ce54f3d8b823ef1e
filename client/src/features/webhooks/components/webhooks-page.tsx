import { GcdsButton, GcdsHeading, GcdsNotice, GcdsText } from '@cdssnc/gcds-components-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NoActiveBusiness } from '../../../components/business/business-parts';
import { ChecklistField, TextField } from '../../../components/forms/fields';
import { FormErrorSummary } from '../../../components/forms/form-error-summary';
import { useMutationForm } from '../../../components/forms/use-mutation-form';
import { PageLoadError, PageLoading } from '../../../components/layout/page-status';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import { type WebhooksDataQuery, useWebhooksDataQuery } from '../../../generated/graphql';
import { formatDateTime } from '../../../lib/date-time';
import { useLanguage } from '../../../lib/use-language';
import { type FieldErrors, fieldErrorsOf } from '../../../lib/user-errors';
import { useCreateWebhookEndpoint } from '../hooks/use-create-webhook-endpoint';
import { useWebhookDeliveries } from '../hooks/use-webhook-deliveries';
import './webhooks.css';

type Business = NonNullable<NonNullable<WebhooksDataQuery['me']>['activeBusiness']>;
type Endpoint = NonNullable<Business['webhookEndpoints']>[number];

const fields = ['url', 'description', 'eventTypes'] as const;
const urlMax = 2000;
const descriptionMax = 100;

/**
 * The business's webhook endpoints (docs/api.md "Events"), for its business account managers: each
 * endpoint with its recent deliveries (resend one, send a test event), and a form that registers one and
 * shows its signing secret once. Deliveries are sent by the server's worker a moment later: "Refresh"
 * reads them again, and the page polls while one is pending.
 */
export function WebhooksPage() {
  const { t } = useTranslation('webhooks');
  const { t: tc } = useTranslation('common');
  useDocumentTitle(tc('documentTitle', { page: t('title') }));
  const { data, loading, error, refetch } = useWebhooksDataQuery({
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
      {business && isBam ? (
        <Endpoints
          business={business}
          types={(data?.webhookEventTypes ?? []).map((e) => e.type)}
          onRefresh={() => void refetch()}
        />
      ) : null}
    </>
  );
}

function Endpoints({
  business,
  types,
  onRefresh,
}: {
  business: Business;
  types: string[];
  onRefresh: () => void;
}) {
  const { t } = useTranslation('webhooks');
  const language = useLanguage();
  const [secret, setSecret] = useState<string>();
  const [message, setMessage] = useState<string>();
  const [failure, setFailure] = useState<string>();
  const { sendTestEvent, resendDelivery, testing, resending } = useWebhookDeliveries();
  const endpoints = business.webhookEndpoints ?? [];
  const when = (iso: string | null | undefined) => (iso ? formatDateTime(iso, language) : '—');

  const run = async (action: () => Promise<{ message: string }[] | undefined>, done: string) => {
    setMessage(undefined);
    setFailure(undefined);
    try {
      const problems = (await action()) ?? [];
      if (problems.length) setFailure(problems.map((p) => p.message).join(' '));
      else setMessage(done);
    } catch {
      setFailure(t('failed'));
    }
  };

  return (
    <>
      {secret ? <SecretPanel secret={secret} onDone={() => setSecret(undefined)} /> : null}
      <div role="status">
        {message ? (
          <GcdsNotice type="success" noticeTitleTag="h2" noticeTitle={message}>
            <GcdsText>{t('queuedBody')}</GcdsText>
          </GcdsNotice>
        ) : null}
      </div>
      <div role="alert">
        {failure ? (
          <GcdsNotice type="danger" noticeTitleTag="h2" noticeTitle={t('failedTitle')}>
            <GcdsText>{failure}</GcdsText>
          </GcdsNotice>
        ) : null}
      </div>
      <GcdsHeading tag="h2">{t('list.title')}</GcdsHeading>
      {endpoints.length === 0 ? <GcdsText>{t('list.empty')}</GcdsText> : null}
      {endpoints.length ? (
        <GcdsButton type="button" buttonRole="secondary" onClick={onRefresh}>
          {t('list.refresh')}
        </GcdsButton>
      ) : null}
      {endpoints.map((endpoint, index) => (
        <section key={endpoint.id} aria-labelledby={`endpoint-${index}`} className="webhooks-endpoint">
          <GcdsHeading tag="h3" id={`endpoint-${index}`}>
            {endpoint.description || endpoint.url}
          </GcdsHeading>
          <dl className="webhooks-facts">
            <dt>{t('list.url')}</dt>
            <dd>
              <code>{endpoint.url}</code>
            </dd>
            <dt>{t('list.status')}</dt>
            <dd>
              {endpoint.enabled
                ? t('status.enabled')
                : endpoint.disabledReason === 'FAILING'
                  ? t('status.disabledFailing')
                  : t('status.disabled')}
            </dd>
            <dt>{t('list.types')}</dt>
            <dd>{endpoint.eventTypes.join(', ')}</dd>
          </dl>
          {endpoint.enabled ? (
            <GcdsButton
              type="button"
              disabled={testing}
              onClick={() => void run(() => sendTestEvent(endpoint.id), t('test.queued'))}
            >
              {t('test.button', { name: endpoint.description || endpoint.url })}
            </GcdsButton>
          ) : null}
          <Deliveries
            endpoint={endpoint}
            when={when}
            resending={resending}
            onResend={(deliveryId) => void run(() => resendDelivery(deliveryId), t('resend.queued'))}
          />
        </section>
      ))}
      <CreateForm businessId={business.id} types={types} onCreated={setSecret} />
    </>
  );
}

function Deliveries({
  endpoint,
  when,
  resending,
  onResend,
}: {
  endpoint: Endpoint;
  when: (iso: string | null | undefined) => string;
  resending: boolean;
  onResend: (deliveryId: string) => void;
}) {
  const { t } = useTranslation('webhooks');
  if (endpoint.recentDeliveries.length === 0) return <GcdsText>{t('deliveries.empty')}</GcdsText>;
  return (
    <table className="webhooks-table">
      <caption>{t('deliveries.caption', { count: endpoint.recentDeliveries.length })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('deliveries.event')}</th>
          <th scope="col">{t('deliveries.status')}</th>
          <th scope="col">{t('deliveries.time')}</th>
          <th scope="col">{t('deliveries.response')}</th>
          <th scope="col">{t('deliveries.attempts')}</th>
          <th scope="col">{t('deliveries.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {endpoint.recentDeliveries.map((delivery) => (
          <tr key={delivery.id}>
            <th scope="row">
              <code>{delivery.eventType}</code>
            </th>
            <td>{t(`deliveryStatus.${delivery.status as 'PENDING'}`, { defaultValue: delivery.status })}</td>
            <td>{when(delivery.lastAttemptAt ?? delivery.createdAt)}</td>
            <td>{delivery.responseStatus ?? delivery.lastError ?? '—'}</td>
            <td>{delivery.attempts}</td>
            <td>
              {endpoint.enabled ? (
                <GcdsButton
                  type="button"
                  buttonRole="secondary"
                  size="small"
                  disabled={resending}
                  onClick={() => onResend(delivery.id)}
                >
                  {t('resend.button', { type: delivery.eventType, time: when(delivery.createdAt) })}
                </GcdsButton>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SecretPanel({ secret, onDone }: { secret: string; onDone: () => void }) {
  const { t } = useTranslation('webhooks');
  return (
    <section aria-labelledby="webhook-secret-title" className="webhooks-panel">
      <GcdsNotice type="warning" noticeTitleTag="h2" noticeTitle={t('secret.title')}>
        <GcdsText>{t('secret.body')}</GcdsText>
      </GcdsNotice>
      <h2 id="webhook-secret-title" className="webhooks-visually-hidden">
        {t('secret.label')}
      </h2>
      <p>
        <code data-testid="webhook-secret">{secret}</code>
      </p>
      <GcdsButton type="button" buttonRole="secondary" onClick={onDone}>
        {t('secret.done')}
      </GcdsButton>
    </section>
  );
}

function CreateForm({
  businessId,
  types,
  onCreated,
}: {
  businessId: string;
  types: string[];
  onCreated: (secret: string) => void;
}) {
  const { t } = useTranslation('webhooks');
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [eventTypes, setEventTypes] = useState<string[]>([]);
  // A refusal about no field of the form, and a failed request, go beside the URL.
  const form = useMutationForm({
    fields,
    mapErrors: (userErrors) => fieldErrorsOf(userErrors, fields, 'url'),
    failedMessage: t('failed'),
    failedAt: 'url',
  });
  const { errors, focusKey } = form;
  const { createWebhookEndpoint } = useCreateWebhookEndpoint();

  const check = (): FieldErrors => {
    const found: FieldErrors = {};
    if (!url.trim()) found.url = t('errors.urlRequired');
    else if (url.trim().length > urlMax) found.url = t('errors.urlTooLong', { max: urlMax });
    if (description.trim().length > descriptionMax)
      found.description = t('errors.descriptionTooLong', { max: descriptionMax });
    if (eventTypes.length === 0) found.eventTypes = t('errors.typesRequired');
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await form.submit({
      local: check(),
      send: () =>
        createWebhookEndpoint({ businessId, url: url.trim(), description: description.trim(), eventTypes }),
      succeeded: (payload) => payload.userErrors.length === 0,
      onSuccess: (payload) => {
        form.clear();
        setUrl('');
        setDescription('');
        setEventTypes([]);
        if (payload.secret) onCreated(payload.secret);
      },
    });
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)} aria-labelledby="webhook-create-title">
      <GcdsHeading tag="h2" id="webhook-create-title">
        {t('create.title')}
      </GcdsHeading>
      <FormErrorSummary errors={errors} fields={fields} focusKey={focusKey} />
      <TextField
        name="url"
        label={t('create.url')}
        hint={t('create.urlHint')}
        required
        value={url}
        onChange={setUrl}
        error={errors.url}
      />
      <TextField
        name="description"
        label={t('create.description')}
        hint={t('create.descriptionHint', { max: descriptionMax })}
        value={description}
        onChange={setDescription}
        error={errors.description}
      />
      <ChecklistField
        name="eventTypes"
        label={t('create.types')}
        hint={t('create.typesHint')}
        required
        options={types.map((type) => ({ value: type, label: type }))}
        values={eventTypes}
        onChange={setEventTypes}
        error={errors.eventTypes}
      />
      <GcdsButton type="submit" disabled={form.pending}>
        {t('create.submit')}
      </GcdsButton>
    </form>
  );
}
