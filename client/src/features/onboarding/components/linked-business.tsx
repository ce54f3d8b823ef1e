import { useApolloClient } from '@apollo/client/react';
import { GcdsLink, GcdsNotice, GcdsText } from '@cdssnc/gcds-components-react';
import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../lib/use-language';

/**
 * After a person became the Business Account Manager of a business (registration or activation key): every
 * query on screen (the header's person and business, above all) asks the server again. A query cut short is
 * not a failure of what just succeeded.
 */
export function useRefreshAfterLink(): () => Promise<void> {
  const client = useApolloClient();
  return useCallback(async () => {
    await Promise.resolve(client.refetchQueries({ include: 'active' })).catch(() => undefined);
  }, [client]);
}

interface LinkedBusinessNoticeProps {
  title: string;
  /** The business as the portal names it (operating name, else legal name). */
  /** Guarded fields are nullable in the API; the new BAM of a business always gets them. */
  business: { name?: string | null; businessNumber?: string | null };
  /** The legal name the person confirmed, shown when the portal's name differs from it. */
  legalName?: string;
}

/**
 * The confirmation that the person is now the BAM of a business, with the business's pages. Focus moves to
 * it when it appears: it replaces the form the person just sent.
 */
export function LinkedBusinessNotice({ title, business, legalName }: LinkedBusinessNoticeProps) {
  const { t } = useTranslation('onboarding');
  const language = useLanguage();
  const top = useRef<HTMLDivElement>(null);
  useEffect(() => top.current?.focus(), []);
  return (
    <div ref={top} tabIndex={-1} className="step-top">
      <GcdsNotice type="success" noticeTitleTag="h2" noticeTitle={title} role="status">
        <GcdsText>
          {t('linked.bam', {
            business: t('businessName', {
              name: business.name ?? '',
              businessNumber: business.businessNumber ?? '',
            }),
          })}
        </GcdsText>
        {legalName && legalName !== business.name ? (
          <GcdsText>{t('linked.legalName', { legalName })}</GcdsText>
        ) : null}
      </GcdsNotice>
      <ul>
        <li>
          <GcdsLink href={`/${language}/business`}>{t('linked.profileLink')}</GcdsLink>
        </li>
        <li>
          <GcdsLink href={`/${language}/business/program-accounts`}>{t('linked.accountsLink')}</GcdsLink>
        </li>
        <li>
          <GcdsLink href={`/${language}/setup`}>{t('linked.setupLink')}</GcdsLink>
        </li>
      </ul>
    </div>
  );
}
