import { GcdsHeading, GcdsLink, GcdsText } from '@cdssnc/gcds-components-react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import { useLanguage } from '../../../lib/use-language';
import { type HubKey, hubKeys, hubLinkPaths, hubs } from './hub-data';

/** The MENU (seed 003 §2.2): the six areas of the portal, each with what it is for, linking to its hub. */
export function MenuPage() {
  const { t } = useTranslation('hubs');
  const { t: tc } = useTranslation('common');
  const language = useLanguage();
  useDocumentTitle(tc('documentTitle', { page: t('menu.title') }));
  return (
    <>
      <GcdsHeading tag="h1">{t('menu.title')}</GcdsHeading>
      <GcdsText>{t('menu.lead')}</GcdsText>
      <ul>
        {hubKeys.map((hub) => (
          <li key={hub}>
            <GcdsHeading tag="h2" characterLimit={false}>
              <GcdsLink href={`/${language}/menu/${hub}`}>{t(`hubs.${hub}.title`)}</GcdsLink>
            </GcdsHeading>
            <GcdsText>{t(`hubs.${hub}.description`)}</GcdsText>
          </li>
        ))}
      </ul>
    </>
  );
}

/** One area's hub: its links, each with a line on what it does, as the seed's screens show. */
function HubPage({ hub }: { hub: HubKey }) {
  const { t } = useTranslation('hubs');
  const { t: tc } = useTranslation('common');
  const language = useLanguage();
  const title = t(`hubs.${hub}.title`);
  useDocumentTitle(tc('documentTitle', { page: title }));
  return (
    <>
      <GcdsHeading tag="h1">{title}</GcdsHeading>
      <GcdsText>{t(`hubs.${hub}.description`)}</GcdsText>
      <GcdsHeading tag="h2">{t('servicesHeading')}</GcdsHeading>
      <ul>
        {hubs[hub].map((link) => (
          <li key={link}>
            <GcdsText marginBottom="0">
              <GcdsLink href={`/${language}/${hubLinkPaths[link]}`}>{t(`links.${link}.title`)}</GcdsLink>
            </GcdsText>
            <GcdsText size="small">{t(`links.${link}.description`)}</GcdsText>
          </li>
        ))}
      </ul>
      <GcdsText>
        <GcdsLink href={`/${language}/menu`}>{t('backToMenu')}</GcdsLink>
      </GcdsText>
    </>
  );
}

export const ConfigureHubPage = () => <HubPage hub="configure" />;
export const AccountsHubPage = () => <HubPage hub="accounts" />;
export const FinanceHubPage = () => <HubPage hub="finance" />;
export const PaymentsHubPage = () => <HubPage hub="payments" />;
export const DeclarationsHubPage = () => <HubPage hub="declarations" />;
export const RulingsHubPage = () => <HubPage hub="rulings" />;
