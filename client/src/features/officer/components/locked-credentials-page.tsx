import { GcdsButton, GcdsHeading, GcdsNotice, GcdsText } from '@cdssnc/gcds-components-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoadError, PageLoading } from '../../../components/layout/page-status';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import { useLockedCredentialsQuery, useUnlockCredentialMutation } from '../../../generated/graphql';
import { formatDateTime } from '../../../lib/date-time';
import { useLanguage } from '../../../lib/use-language';
import { OfficerNav } from './officer-nav';
import { nodes } from '../../../lib/connections';

type Outcome = { kind: 'unlocked' | 'failed'; username: string; message?: string };

/** For officers: the GCKey credentials locked after failed attempts, each with an Unlock button. */
export function LockedCredentialsPage() {
  const { t } = useTranslation('officer');
  const { t: tc } = useTranslation('common');
  const language = useLanguage();
  const { data, loading, error, refetch } = useLockedCredentialsQuery({ fetchPolicy: 'cache-and-network' });
  const [unlock] = useUnlockCredentialMutation();
  const [pending, setPending] = useState<string>();
  const [outcome, setOutcome] = useState<Outcome>();
  useDocumentTitle(tc('documentTitle', { page: t('title') }));

  const onUnlock = async (userId: string, username: string) => {
    setPending(userId);
    setOutcome(undefined);
    try {
      const { data: result } = await unlock({ variables: { userId } });
      const payload = result?.unlockCredential;
      if (payload?.unlocked) {
        setOutcome({ kind: 'unlocked', username });
        await refetch();
      } else {
        setOutcome({
          kind: 'failed',
          username,
          ...(payload?.userErrors[0] ? { message: payload.userErrors[0].message } : {}),
        });
      }
    } catch {
      setOutcome({ kind: 'failed', username });
    } finally {
      setPending(undefined);
    }
  };

  const locked = nodes(data?.lockedCredentialsConnection);
  return (
    <>
      <OfficerNav current="lockedCredentials" />
      <GcdsHeading tag="h1">{t('title')}</GcdsHeading>
      <GcdsText>{t('lead')}</GcdsText>
      {/* Announced politely: the table under it changes at the same time. */}
      <div role="status">
        {outcome ? (
          <GcdsNotice
            type={outcome.kind === 'unlocked' ? 'success' : 'danger'}
            noticeTitleTag="h2"
            noticeTitle={t(`outcome.${outcome.kind}.title`, { username: outcome.username })}
          >
            <GcdsText>
              {outcome.message ?? t(`outcome.${outcome.kind}.body`, { username: outcome.username })}
            </GcdsText>
          </GcdsNotice>
        ) : null}
      </div>
      {!data && loading ? <PageLoading /> : null}
      {!data && error ? <PageLoadError /> : null}
      {data && locked.length === 0 ? <GcdsText>{t('none')}</GcdsText> : null}
      {locked.length > 0 ? (
        <table className="data-table">
          <caption>{t('caption', { total: locked.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('columns.username')}</th>
              <th scope="col">{t('columns.lockedUntil')}</th>
              <th scope="col">{t('columns.failedAttempts')}</th>
              <th scope="col">{t('columns.action')}</th>
            </tr>
          </thead>
          <tbody>
            {locked.map((credential) => (
              <tr key={credential.userId}>
                <th scope="row">{credential.username}</th>
                <td>{formatDateTime(credential.lockedUntil, language)}</td>
                <td>{credential.failedAttempts}</td>
                <td>
                  <GcdsButton
                    type="button"
                    size="small"
                    buttonRole="secondary"
                    disabled={pending !== undefined}
                    onClick={() => void onUnlock(credential.userId, credential.username)}
                    aria-label={t('unlockLabel', { username: credential.username })}
                  >
                    {t('unlock')}
                  </GcdsButton>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
