import { GcdsNotice, GcdsText } from '@cdssnc/gcds-components-react';
import { useTranslation } from 'react-i18next';

/** What a page shows while its data loads. */
export function PageLoading() {
  const { t } = useTranslation('common');
  return <GcdsText role="status">{t('status.loading')}</GcdsText>;
}

/** What a page shows when its data could not be loaded, or a form could not be sent. */
export function PageLoadError({ kind = 'load' }: { kind?: 'load' | 'submit' }) {
  const { t } = useTranslation('common');
  return (
    <GcdsNotice type="danger" noticeTitleTag="h2" noticeTitle={t(`status.${kind}Error.title`)} role="alert">
      <GcdsText>{t(`status.${kind}Error.body`)}</GcdsText>
    </GcdsNotice>
  );
}
