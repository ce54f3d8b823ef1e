import { GcdsNotice, GcdsText } from '@cdssnc/gcds-components-react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { type FlashKey, flashOf } from '../../lib/flash';

const noticeType: Record<FlashKey, 'info' | 'success' | 'warning'> = {
  signedOut: 'success',
  signedOutEverywhere: 'success',
  sessionEnded: 'warning',
  termsDeclined: 'info',
  credentialRevoked: 'info',
  passwordChanged: 'success',
  recoveryChanged: 'success',
  profileSaved: 'success',
};

/** The one-time message an action left for this page (see lib/flash.ts), if any. */
export function FlashNotice() {
  const { t } = useTranslation('common');
  const flash = flashOf(useLocation().state);
  if (!flash) return null;
  return (
    <GcdsNotice type={noticeType[flash]} noticeTitleTag="h2" noticeTitle={t(`flash.${flash}.title`)}>
      <GcdsText>{t(`flash.${flash}.body`)}</GcdsText>
    </GcdsNotice>
  );
}
