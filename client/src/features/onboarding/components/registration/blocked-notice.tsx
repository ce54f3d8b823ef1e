import { GcdsLink, GcdsNotice, GcdsText } from '@cdssnc/gcds-components-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { usePortalInfoQuery } from '../../../../generated/graphql';
import { useLanguage } from '../../../../lib/use-language';

export type Blocked = 'REGISTRATION_LOCKED' | 'ALREADY_REGISTERED';

export function isBlocked(code: string): code is Blocked {
  return code === 'REGISTRATION_LOCKED' || code === 'ALREADY_REGISTERED';
}

interface BlockedNoticeProps {
  reason: Blocked;
  businessNumber: string;
}

/**
 * Why the registration cannot go on, and what to do instead: an officer must unlock a locked registration
 * (or the person uses an activation key); a registered business gives access through its BAM. Focus moves
 * here: it replaces the step's form.
 */
export function BlockedNotice({ reason, businessNumber }: BlockedNoticeProps) {
  const { t } = useTranslation('onboarding');
  const language = useLanguage();
  const portal = usePortalInfoQuery({ skip: reason !== 'REGISTRATION_LOCKED' });
  const phone = portal.data?.portalInfo.agencyPhone;
  const top = useRef<HTMLDivElement>(null);
  useEffect(() => top.current?.focus(), [reason]);
  return (
    <div ref={top} tabIndex={-1} className="step-top">
      {reason === 'REGISTRATION_LOCKED' ? (
        <GcdsNotice type="danger" noticeTitleTag="h2" noticeTitle={t('register.locked.title')} role="alert">
          <GcdsText>{t('register.locked.body')}</GcdsText>
          {phone ? <GcdsText>{t('register.locked.phone', { phone })}</GcdsText> : null}
          <GcdsText>
            {t('register.locked.activationKey')}{' '}
            <GcdsLink href={`/${language}/setup/activation-key`}>
              {t('register.locked.activationKeyLink')}
            </GcdsLink>
          </GcdsText>
        </GcdsNotice>
      ) : (
        <GcdsNotice
          type="warning"
          noticeTitleTag="h2"
          noticeTitle={t('register.alreadyRegistered.title')}
          role="alert"
        >
          <GcdsText>{t('register.alreadyRegistered.body')}</GcdsText>
          <GcdsText>
            <GcdsLink
              href={`/${language}/setup/request-access?businessNumber=${encodeURIComponent(businessNumber)}`}
            >
              {t('register.alreadyRegistered.link')}
            </GcdsLink>
          </GcdsText>
        </GcdsNotice>
      )}
    </div>
  );
}
