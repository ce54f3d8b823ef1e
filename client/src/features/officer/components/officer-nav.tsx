import './officer.css';
import { GcdsLink } from '@cdssnc/gcds-components-react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../lib/use-language';

export type OfficerSection =
  | 'lockedCredentials'
  | 'businesses'
  | 'messages'
  | 'claims'
  | 'rulings'
  | 'postNotice'
  | 'postBulletin'
  | 'deadLetters';

/**
 * The officer console's own navigation, at the top of each officer page: one link per console page.
 * The page the officer is on is named, not linked, and marked as the current page for screen readers.
 * `current` is left out on a page below a section (a business's page), so every entry is a link.
 */
export function OfficerNav({ current }: { current?: OfficerSection }) {
  const { t } = useTranslation('officer');
  const language = useLanguage();
  const entries: ReadonlyArray<{ section: OfficerSection; href: string }> = [
    { section: 'lockedCredentials', href: `/${language}/officer` },
    { section: 'businesses', href: `/${language}/officer/businesses` },
    { section: 'messages', href: `/${language}/officer/messages` },
    { section: 'postNotice', href: `/${language}/officer/notices` },
    { section: 'postBulletin', href: `/${language}/officer/bulletins` },
    { section: 'deadLetters', href: `/${language}/officer/mail` },
    { section: 'claims', href: `/${language}/officer/claims` },
    { section: 'rulings', href: `/${language}/officer/rulings` },
  ];
  return (
    <nav aria-label={t('nav.label')} className="officer-nav">
      <ul>
        {entries.map(({ section, href }) => (
          <li key={section}>
            {section === current ? (
              <strong aria-current="page">{t(`nav.${section}`)}</strong>
            ) : (
              <GcdsLink href={href}>{t(`nav.${section}`)}</GcdsLink>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
