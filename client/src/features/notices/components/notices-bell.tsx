import { GcdsLink, GcdsText } from '@cdssnc/gcds-components-react';
import { useTranslation } from 'react-i18next';
import { useUnreadNoticeCountQuery } from '../../../generated/graphql';
import { useLanguage } from '../../../lib/use-language';
import { useLiveBell } from './use-live-bell';

/** How often the bell asks for the unread count while a page stays open and the live stream is not. */
export const bellPollMs = 30_000;
/**
 * While the live stream is open the bell still asks now and then: a notice reaching someone other than its
 * addressees (a provider reading a client's notice) signals no stream (docs/notices.md "Live bell").
 */
export const bellLivePollMs = 5 * 60_000;

/** The most the bell shows as a number; the server counts up to one more, shown "99+" (docs/notices.md). */
export const bellCountMax = 99;

/**
 * The header's bell: a link to the notices with the unread count in its text (never colour only),
 * kept current by the live stream (use-live-bell.ts), or by polling while the stream is not open; opening a
 * notice refetches it too.
 */
export function NoticesBell() {
  const { t } = useTranslation('header');
  const language = useLanguage();
  const live = useLiveBell();
  const { data } = useUnreadNoticeCountQuery({
    pollInterval: live ? bellLivePollMs : bellPollMs,
    fetchPolicy: 'cache-and-network',
  });
  const count = data?.unreadNoticeCount ?? 0;
  const label =
    count > bellCountMax
      ? t('bellUnreadMore', { max: bellCountMax })
      : count > 0
        ? t('bellUnread', { count })
        : t('bell');
  return (
    <GcdsText marginBottom="0">
      <GcdsLink href={`/${language}/notices`}>
        <BellIcon />
        {label}
      </GcdsLink>
    </GcdsText>
  );
}

/**
 * The GC Design System's icon font has no bell (its 14 icons: checkmark, chevrons, close, download, email,
 * exclamation, external, info, phone, search, warning), and an emoji shows as a blank box where no emoji font
 * is installed (portal issue, defect 13). So the bell is drawn here, in the link's colour, at the text's size.
 */
function BellIcon() {
  return (
    <svg
      className="notices-bell-icon"
      aria-hidden="true"
      focusable="false"
      width="1em"
      height="1em"
      viewBox="0 0 24 24"
      fill="currentColor"
      data-testid="bell-icon"
    >
      <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
    </svg>
  );
}
