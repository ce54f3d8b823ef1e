import './business.css';
import { GcdsHeading, GcdsLink, GcdsNotice, GcdsText } from '@cdssnc/gcds-components-react';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../lib/use-language';
import { codeLabel, countryName } from './business-labels';

/** What the business pages show when the person acts for no business yet: a way to link one. */
export function NoActiveBusiness() {
  const { t } = useTranslation('business');
  const language = useLanguage();
  return (
    <GcdsNotice type="info" noticeTitleTag="h2" noticeTitle={t('noBusiness.title')}>
      <GcdsText>{t('noBusiness.body')}</GcdsText>
      <GcdsText>
        <GcdsLink href={`/${language}/setup`}>{t('noBusiness.link')}</GcdsLink>
      </GcdsText>
    </GcdsNotice>
  );
}

/** Label / value pairs, as the review step of a registration shows them. */
export function Facts({ items }: { items: ReadonlyArray<readonly [string, ReactNode]> }) {
  return (
    <dl className="review-list">
      {items.map(([term, value]) => (
        <Fragment key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

export interface AddressValues {
  addressType: string;
  line1: string;
  line2?: string | null | undefined;
  poBoxOrRuralRoute?: string | null | undefined;
  city?: string | null | undefined;
  provinceOrState?: string | null | undefined;
  postalCode?: string | null | undefined;
  country: string;
}

/** Each address under its own heading (its type), its lines as a postal address reads. */
export function AddressList({
  addresses,
  headingTag = 'h3',
  empty,
}: {
  addresses: readonly AddressValues[];
  headingTag?: 'h3' | 'h4';
  empty: string;
}) {
  const { t } = useTranslation('business');
  const language = useLanguage();
  if (addresses.length === 0) return <GcdsText>{empty}</GcdsText>;
  return (
    <>
      {addresses.map((address, index) => {
        const locality = [address.city, address.provinceOrState, address.postalCode]
          .filter(Boolean)
          .join(' ');
        const lines = [
          address.line1,
          address.line2,
          address.poBoxOrRuralRoute,
          locality,
          countryName(address.country, language),
        ].filter((line): line is string => Boolean(line));
        return (
          <Fragment key={`${address.addressType}-${index}`}>
            <GcdsHeading tag={headingTag}>{codeLabel(t, 'addressTypes', address.addressType)}</GcdsHeading>
            <GcdsText>
              {lines.map((line, lineIndex) => (
                <Fragment key={lineIndex}>
                  {lineIndex > 0 ? <br /> : null}
                  {line}
                </Fragment>
              ))}
            </GcdsText>
          </Fragment>
        );
      })}
    </>
  );
}

export interface ContactValues {
  name: string;
  title?: string | null | undefined;
  phone?: string | null | undefined;
  email?: string | null | undefined;
}

/** Contacts as a table (name, title, phone, email). */
export function ContactsTable({
  contacts,
  caption,
}: {
  contacts: readonly ContactValues[];
  caption: string;
}) {
  const { t } = useTranslation('business');
  if (contacts.length === 0) return <GcdsText>{t('contacts.none')}</GcdsText>;
  return (
    <table className="data-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('contacts.name')}</th>
          <th scope="col">{t('contacts.title')}</th>
          <th scope="col">{t('contacts.phone')}</th>
          <th scope="col">{t('contacts.email')}</th>
        </tr>
      </thead>
      <tbody>
        {contacts.map((contact, index) => (
          <tr key={`${contact.name}-${index}`}>
            <th scope="row">{contact.name}</th>
            <td>{contact.title ?? ''}</td>
            <td>{contact.phone ?? ''}</td>
            <td>{contact.email ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
