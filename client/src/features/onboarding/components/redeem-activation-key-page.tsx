import { GcdsButton, GcdsHeading, GcdsText } from '@cdssnc/gcds-components-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/forms/fields';
import { FormErrorSummary } from '../../../components/forms/form-error-summary';
import { useMutationForm } from '../../../components/forms/use-mutation-form';
import { PageLoadError } from '../../../components/layout/page-status';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import { useLanguage } from '../../../lib/use-language';
import { fieldErrorsOf } from '../../../lib/user-errors';
import { useRedeemActivationKey } from '../hooks/use-redeem-activation-key';
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
  const [business, setBusiness] = useState<{ name?: string | null; businessNumber?: string | null } | null>(
    null,
  );
  const { redeemActivationKey, loading } = useRedeemActivationKey();
  const form = useMutationForm({ fields, mapErrors: (userErrors) => fieldErrorsOf(userErrors, fields) });
  const { errors, focusKey, unsent } = form;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await form.submit({
      local: key.trim() ? {} : { key: t('errors.key.REQUIRED') },
      send: () => redeemActivationKey(key.trim()),
      succeeded: (payload) => Boolean(payload.business),
      onSuccess: async (payload) => {
        setBusiness(payload.business ?? null);
        await refresh();
      },
    });
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
