import { GcdsHeading, GcdsLink, GcdsNotice, GcdsText } from '@cdssnc/gcds-components-react';
import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoadError, PageLoading } from '../../../components/layout/page-status';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import { type AccountCredentialQuery, useAccountCredentialQuery } from '../../../generated/graphql';
import { useLanguage } from '../../../lib/use-language';

type Viewer = NonNullable<AccountCredentialQuery['me']>;

interface AccountPageFrameProps {
  title: string;
  /** Password pages only make sense for a GCKey: a Sign-In Partner keeps its own. */
  localOnly?: boolean;
  children: (viewer: Viewer) => ReactNode;
}

/** Title, loading and error states shared by the credential pages under /account. */
export function AccountPageFrame({ title, localOnly = false, children }: AccountPageFrameProps) {
  const { t } = useTranslation('account');
  const { t: tc } = useTranslation('common');
  const language = useLanguage();
  const { data, loading, error } = useAccountCredentialQuery();
  useDocumentTitle(tc('documentTitle', { page: title }));
  const me = data?.me;
  return (
    <>
      <GcdsHeading tag="h1">{title}</GcdsHeading>
      {!me && loading ? <PageLoading /> : null}
      {!me && error ? <PageLoadError /> : null}
      {me && localOnly && me.credentialKind !== 'LOCAL' ? (
        <GcdsNotice type="info" noticeTitleTag="h2" noticeTitle={t('partnerOnly.title')}>
          <GcdsText>{t('partnerOnly.body')}</GcdsText>
        </GcdsNotice>
      ) : me ? (
        children(me)
      ) : null}
      <GcdsText marginTop="500">
        <GcdsLink href={`/${language}/welcome`}>{t('backToWelcome')}</GcdsLink>
      </GcdsText>
    </>
  );
}
