import { Outlet, ScrollRestoration, useLocation, useParams } from 'react-router';
import { AppLayout, mainContentId } from '../../components/layout/app-layout';
import { PageFocus } from '../../components/layout/page-focus';
import { SignedInMenu } from '../layout/signed-in-menu';
import { InactivityDialog } from '../../components/session/inactivity-dialog';
import { isLanguage, otherLanguage, switchLanguagePath } from '../../lib/language';
import { BilingualNotFoundRoute } from './bilingual-not-found-route';

/** Frame of every /en/... and /fr/... page; anything else under the root is a bilingual 404. */
export function LanguageRoot() {
  const { lang } = useParams();
  const location = useLocation();
  if (!isLanguage(lang)) return <BilingualNotFoundRoute />;
  return (
    <AppLayout
      key={lang}
      languageHref={switchLanguagePath(location, otherLanguage(lang))}
      menu={<SignedInMenu />}
    >
      <ScrollRestoration />
      <Outlet />
      <PageFocus within={mainContentId} />
      <InactivityDialog />
    </AppLayout>
  );
}
