import './business-switcher.css';
import { GcdsButton, GcdsSelect } from '@cdssnc/gcds-components-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type HeaderBusinessQuery, useSwitchBusinessMutation } from '../../../generated/graphql';
import { type NodeOf } from '../../../lib/connections';

type HeaderMe = NonNullable<HeaderBusinessQuery['me']>;

interface BusinessSwitcherProps {
  memberships: NodeOf<HeaderMe['membershipsConnection']>[];
  activeId: string;
}

/** Chooses the business the session acts for; every page on screen then asks the server again. */
export function BusinessSwitcher({ memberships, activeId }: BusinessSwitcherProps) {
  const { t } = useTranslation('header');
  const [choice, setChoice] = useState<string>();
  const [failed, setFailed] = useState(false);
  const [switchBusiness, { loading }] = useSwitchBusinessMutation();
  const selected = choice ?? activeId;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailed(false);
    if (selected === activeId) return;
    const sent = selected;
    try {
      const { data } = await switchBusiness({
        variables: { businessId: sent },
        refetchQueries: 'active',
        awaitRefetchQueries: true,
      });
      if (!data?.switchBusiness.business) setFailed(true);
      // The header shows the new business before this switch ends (its refetch lands first): a business
      // chosen since then is the person's next switch, not to be put back to the active one.
      else setChoice((current) => (current === sent ? undefined : current));
    } catch {
      setFailed(true);
    }
  };

  return (
    <form className="business-switcher" noValidate onSubmit={(event) => void submit(event)}>
      <GcdsSelect
        selectId="business-switcher"
        name="businessId"
        label={t('switchLabel')}
        value={selected}
        validateOn="other"
        errorMessage={failed ? t('switchFailed') : ''}
        onGcdsChange={(event) => setChoice(event.detail ?? activeId)}
      >
        {memberships.map((membership) => (
          <option key={membership.business.id} value={membership.business.id}>
            {`${membership.business.name} (${membership.business.businessNumber})`}
          </option>
        ))}
      </GcdsSelect>
      <GcdsButton type="submit" buttonRole="secondary" size="small" disabled={loading}>
        {t('switch')}
      </GcdsButton>
    </form>
  );
}
