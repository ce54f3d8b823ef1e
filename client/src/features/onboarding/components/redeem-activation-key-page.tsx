import { GcdsButton, GcdsHeading, GcdsText } from '@cdssnc/gcds-components-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/forms/fields';
import { FormErrorSummary } from '../../../components/forms/form-error-summary';
import { useFormErrors } from '../../../components/forms/use-form-errors';
import { PageLoadError } from '../../../components/layout/page-status';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import { useOnboardingRedeemActivationKeyMutation } from '../../../generated/graphql';
import { useLanguage } from '../../../lib/use-language';
import { fieldErrorsOf } from '../../../lib/user-errors';
import { LinkedBusinessNotice, useRefreshAfterLink } from './linked-business';

const fields = ['key'] as const;

/**
 * An activation key from an agency officer (seed 000): one use, 14 days, and the person becomes the
 * business's Business Account Manager (the business is registered first if it was not). Unknown, used and
 * expired keys each get the server's own message beside the field.
 */
export function RedeemActivationKeyPage() {
  const { t } = useTranslation('onboarding');
  const { t: tc } = useTranslation('common');
  const language = useLanguage();
  const refresh = useRefreshAfterLink();
  useDocumentTitle(tc('documentTitle', { page: t('activationKey.title') }));
  const [key, setKey] = useState('');
  const [unsent, setUnsent] = useState(false);
  const [business, setBusiness] = useState<{ name?: string | null; businessNumber?: string | null } | null>(
    null,
  );
  const [redeem, { loading }] = useOnboardingRedeemActivationKeyMutation();
  const { errors, refuse, focusKey } = useFormErrors();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setUnsent(false);
    if (!key.trim()) return refuse({ key: t('errors.key.REQUIRED') });
    try {
      const { data } = await redeem({ variables: { key: key.trim() } });
      const payload = data?.redeemActivationKey;
      if (payload?.business) {
        setBusiness(payload.business);
        await refresh();
        return;
      }
      refuse(fieldErrorsOf(payload?.userErrors ?? [], fields));
    } catch {
      setUnsent(true);
    }
  };

  return (
    <>
      <GcdsHeading tag="h1">{t('activationKey.title')}</GcdsHeading>
      {business ? (
        <LinkedBusinessNotice title={t('activationKey.done.title')} business={business} />
      ) : (
        <form noValidate onSubmit={(event) => void submit(event)}>
          <FormErrorSummary errors={errors} fields={fields} focusKey={focusKey} />
          {unsent ? <PageLoadError kind="submit" /> : null}
          <GcdsText>{t('activationKey.intro')}</GcdsText>
          <TextField
            name="key"
            label={t('activationKey.key')}
            hint={t('activationKey.keyHint')}
            autocomplete="off"
            size={45}
            required
            value={key}
            onChange={setKey}
            error={errors.key}
          />
          <div className="button-group">
            <GcdsButton type="submit" disabled={loading}>
              {t('activationKey.submit')}
            </GcdsButton>
            <GcdsButton type="link" buttonRole="secondary" href={`/${language}/setup`}>
              {t('activationKey.cancel')}
            </GcdsButton>
          </div>
        </form>
      )}
    </>
  );
}
