import {
  GcdsButton,
  GcdsGrid,
  GcdsHeading,
  GcdsLink,
  GcdsNotice,
  GcdsText,
} from '@cdssnc/gcds-components-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoadError, PageLoading } from '../../../components/layout/page-status';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import {
  type OnboardingAccessRequestFragment,
  type OnboardingFirstSetupQuery,
  useOnboardingCancelAccessRequestMutation,
  useOnboardingFirstSetupQuery,
} from '../../../generated/graphql';
import { formatDateTime } from '../../../lib/date-time';
import { useLanguage } from '../../../lib/use-language';
import { nodes } from '../../../lib/connections';

type Viewer = NonNullable<OnboardingFirstSetupQuery['me']>;

/**
 * First setup (seed 003 §1.7, seed 000): how a person links their account to a business — request access
 * to their employer, register their business, or redeem an activation key. Also the person's businesses
 * (a consultant can have several, and add more), a registration to resume, and their access requests, the
 * pending ones with a Cancel button.
 */
export function FirstSetupPage() {
  const { t } = useTranslation('onboarding');
  const { t: tc } = useTranslation('common');
  // Requests are decided elsewhere: every visit shows where they stand now.
  const { data, loading, error } = useOnboardingFirstSetupQuery({ fetchPolicy: 'cache-and-network' });
  useDocumentTitle(tc('documentTitle', { page: t('setup.title') }));
  const me = data?.me;
  return (
    <>
      <GcdsHeading tag="h1">{t('setup.title')}</GcdsHeading>
      {!me && loading ? <PageLoading /> : null}
      {!me && !loading && error ? <PageLoadError /> : null}
      {me ? <FirstSetup me={me} /> : null}
    </>
  );
}

function FirstSetup({ me }: { me: Viewer }) {
  const { t } = useTranslation('onboarding');
  const language = useLanguage();
  const page = (path: string) => `/${language}/${path}`;
  const registration = me.businessRegistration;
  const stepDone = registration?.step === 'VALIDATE_BUSINESS' ? 3 : 2;

  return (
    <>
      <GcdsText>{t('setup.lead')}</GcdsText>

      {me.membershipsConnection.edges.length > 0 ? (
        <section aria-labelledby="setup-memberships">
          <GcdsHeading tag="h2" id="setup-memberships">
            {t('setup.memberships.heading')}
          </GcdsHeading>
          <ul>
            {nodes(me.membershipsConnection).map((membership) => (
              <li key={membership.id}>
                {t('setup.memberships.item', {
                  business: t('businessName', {
                    name: membership.business.name,
                    businessNumber: membership.business.businessNumber,
                  }),
                  role: t(`roles.${membership.role}`),
                })}
              </li>
            ))}
          </ul>
          <GcdsText>{t('setup.memberships.more')}</GcdsText>
        </section>
      ) : null}

      {registration ? (
        <GcdsNotice type="info" noticeTitleTag="h2" noticeTitle={t('setup.resume.title')}>
          <GcdsText>
            {t('setup.resume.body', { businessNumber: registration.businessNumber, step: stepDone })}
          </GcdsText>
          <GcdsText>
            <GcdsLink href={page('setup/register')}>{t('setup.resume.link')}</GcdsLink>
          </GcdsText>
        </GcdsNotice>
      ) : null}

      <section aria-labelledby="setup-choices">
        <GcdsHeading tag="h2" id="setup-choices">
          {t('setup.choices.heading')}
        </GcdsHeading>
        <GcdsGrid columns="1fr" columnsDesktop="1fr 1fr 1fr" gap="400">
          {(
            [
              ['requestAccess', 'setup/request-access'],
              ['register', 'setup/register'],
              ['activationKey', 'setup/activation-key'],
            ] as const
          ).map(([choice, path]) => (
            <section key={choice} aria-labelledby={`setup-${choice}`}>
              <GcdsHeading tag="h3" id={`setup-${choice}`}>
                {t(`setup.choices.${choice}.heading`)}
              </GcdsHeading>
              <GcdsText>{t(`setup.choices.${choice}.body`)}</GcdsText>
              <GcdsButton
                type="link"
                buttonRole={choice === 'register' ? 'primary' : 'secondary'}
                href={page(path)}
              >
                {t(`setup.choices.${choice}.link`)}
              </GcdsButton>
            </section>
          ))}
        </GcdsGrid>
      </section>

      {me.accessRequestsConnection.edges.length > 0 ? (
        <AccessRequests requests={nodes(me.accessRequestsConnection)} />
      ) : null}
    </>
  );
}

function AccessRequests({ requests }: { requests: readonly OnboardingAccessRequestFragment[] }) {
  const { t } = useTranslation('onboarding');
  const { t: tc } = useTranslation('common');
  const language = useLanguage();
  const [cancel] = useOnboardingCancelAccessRequestMutation();
  const [pending, setPending] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  const onCancel = async (request: OnboardingAccessRequestFragment) => {
    setPending(request.id);
    setOutcome(null);
    try {
      // The answer carries the request's new status: the cache updates its row.
      const { data } = await cancel({ variables: { requestId: request.id } });
      const payload = data?.cancelAccessRequest;
      if (payload?.accessRequest) {
        setOutcome({ ok: true, text: t('setup.requests.cancelled', { name: request.business.name }) });
      } else {
        setOutcome({ ok: false, text: payload?.userErrors[0]?.message ?? '' });
      }
    } catch {
      setOutcome({ ok: false, text: '' });
    } finally {
      setPending(undefined);
    }
  };

  return (
    <section aria-labelledby="setup-requests">
      <GcdsHeading tag="h2" id="setup-requests">
        {t('setup.requests.heading')}
      </GcdsHeading>
      {outcome?.ok ? (
        <GcdsNotice
          type="success"
          noticeTitleTag="h3"
          noticeTitle={t('setup.requests.cancelledTitle')}
          role="status"
        >
          <GcdsText>{outcome.text}</GcdsText>
        </GcdsNotice>
      ) : null}
      {outcome && !outcome.ok ? (
        <GcdsNotice
          type="danger"
          noticeTitleTag="h3"
          noticeTitle={t('setup.requests.cancelFailedTitle')}
          role="alert"
        >
          <GcdsText>{outcome.text || tc('status.submitError.body')}</GcdsText>
        </GcdsNotice>
      ) : null}
      <table className="data-table">
        <caption className="visually-hidden">{t('setup.requests.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('setup.requests.business')}</th>
            <th scope="col">{t('setup.requests.status')}</th>
            <th scope="col">{t('setup.requests.requestedAt')}</th>
            <th scope="col">{t('setup.requests.action')}</th>
          </tr>
        </thead>
        <tbody>
          {requests.map((request) => (
            <tr key={request.id}>
              <th scope="row">
                {t('businessName', {
                  name: request.business.name,
                  businessNumber: request.business.businessNumber,
                })}
              </th>
              <td>{t(`requestStatus.${request.status}`)}</td>
              <td>{formatDateTime(request.requestedAt, language)}</td>
              <td>
                {request.status === 'PENDING' ? (
                  <GcdsButton
                    type="button"
                    size="small"
                    buttonRole="secondary"
                    disabled={pending !== undefined}
                    onClick={() => void onCancel(request)}
                    aria-label={t('setup.requests.cancelLabel', { name: request.business.name })}
                  >
                    {t('setup.requests.cancel')}
                  </GcdsButton>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
