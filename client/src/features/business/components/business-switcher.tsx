import './business-switcher.css';
import { GcdsButton, GcdsSelect } from '@cdssnc/gcds-components-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutationForm } from '../../../components/forms/use-mutation-form';
import { type HeaderBusinessQuery } from '../../../generated/graphql';
import { type NodeOf } from '../../../lib/connections';
import { useSwitchBusiness } from '../hooks/use-switch-business';

type HeaderMe = NonNullable<HeaderBusinessQuery['me']>;

interface BusinessSwitcherProps {
  memberships: NodeOf<HeaderMe['membershipsConnection']>[];
  activeId: string;
}

/** Chooses the business the session acts for; every page on screen then asks the server again. */
export function BusinessSwitcher({ memberships, activeId }: BusinessSwitcherProps) {
  const { t } = useTranslation('header');
  const [choice, setChoice] = useState<string>();
  // Any refusal, and a failed request, is one message beside the list.
  const form = useMutationForm({
    fields: [],
    mapErrors: () => ({ businessId: t('switchFailed') }),
    failedMessage: t('switchFailed'),
    failedAt: 'businessId',
  });
  const { switchBusiness } = useSwitchBusiness();
  const selected = choice ?? activeId;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    form.clear();
    if (selected === activeId) return;
    const sent = selected;
    await form.submit({
      send: () => switchBusiness(sent),
      succeeded: (payload) => Boolean(payload.business),
      // The header shows the new business before this switch ends (its refetch lands first): a business
      // chosen since then is the person's next switch, not to be put back to the active one.
      onSuccess: () => setChoice((current) => (current === sent ? undefined : current)),
    });
  };

  return (
    <form className="business-switcher" noValidate onSubmit={(event) => void submit(event)}>
      <GcdsSelect
        selectId="business-switcher"
        name="businessId"
        label={t('switchLabel')}
        value={selected}
        validateOn="other"
        errorMessage={form.errors.businessId ?? ''}
        onGcdsChange={(event) => setChoice(event.detail ?? activeId)}
      >
        {memberships.map((membership) => (
          <option key={membership.business.id} value={membership.business.id}>
            {`${membership.business.name} (${membership.business.businessNumber})`}
          </option>
        ))}
      </GcdsSelect>
      <GcdsButton type="submit" buttonRole="secondary" size="small" disabled={form.pending}>
        {t('switch')}
      </GcdsButton>
    </form>
  );
}
