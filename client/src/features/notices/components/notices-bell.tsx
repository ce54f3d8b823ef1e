import { GcdsLink, GcdsText } from '@cdssnc/gcds-components-react';
import { useTranslation } from 'react-i18next';
import { useUnreadNoticeCountQuery } from '../../../generated/graphql';
import { useLanguage } from '../../../lib/use-language';

/** How often the bell asks for the unread count while a page stays open. */
export const bellPollMs = 30_000;

/** The most the bell shows as a number; the server counts up to one more, shown "99+" (docs/notices.md). */
export const bellCountMax = 99;

/**
 * The header's bell: a link to the notices with the unread count in its text (never colour only),
 * kept current by polling; opening a notice refetches it too.
 */
export function NoticesBell() {
  const { t } = useTranslation('notices');
  const language = useLanguage();
  const { data } = useUnreadNoticeCountQuery({ pollInterval: bellPollMs, fetchPolicy: 'cache-and-network' });
  const count = data?.unreadNoticeCount ?? 0;
  const label =
    count > bellCountMax
      ? t('header.bellUnreadMore', { max: bellCountMax })
      : count > 0
        ? t('header.bellUnread', { count })
        : t('header.bell');
  return (
    <GcdsText marginBottom="0">
      <GcdsLink href={`/${language}/notices`}>
        <span aria-hidden="true">🔔 </span>
        {label}
      </GcdsLink>
    </GcdsText>
  );
}
