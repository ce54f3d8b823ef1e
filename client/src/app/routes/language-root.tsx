import { Suspense, useEffect, useState } from 'react';
import { Outlet, ScrollRestoration, useLocation, useParams } from 'react-router';
import { AppLayout, mainContentId } from '../../components/layout/app-layout';
import { PageFocus } from '../../components/layout/page-focus';
import { PageLoading } from '../../components/layout/page-status';
import { loadedSignedInMenu, loadSignedInMenu } from '../layout/load-signed-in-menu';
import { InactivityDialog } from '../../components/session/inactivity-dialog';
import { useViewerQuery } from '../../generated/graphql';
import { isLanguage, otherLanguage, switchLanguagePath } from '../../lib/language';
import { BilingualNotFoundRoute } from './bilingual-not-found-route';

/**
 * The signed-in menu, for a signed-in person only: neither its code nor its translations (business,
 * finance...) are loaded for a visitor (docs/decisions/0024, 0036). The pages behind sign-in load both
 * beforehand (router.tsx), so there it renders with the page; elsewhere it comes on its own, without
 * holding up the page.
 */
function MenuWhenSignedIn() {
  const { data } = useViewerQuery();
  const signedIn = Boolean(data?.me);
  const SignedInMenu = loadedSignedInMenu();
  const [, setLoaded] = useState(false);
  useEffect(() => {
    if (signedIn && !SignedInMenu)
      void loadSignedInMenu()
        .then(() => setLoaded(true))
        .catch(() => undefined);
  }, [signedIn, SignedInMenu]);
  if (!signedIn || !SignedInMenu) return null;
  return (
    <Suspense fallback={null}>
      <SignedInMenu />
    </Suspense>
  );
}

/** Frame of every /en/... and /fr/... page; anything else under the root is a bilingual 404. */
export function LanguageRoot() {
  const { lang } = useParams();
  const location = useLocation();
  if (!isLanguage(lang)) return <BilingualNotFoundRoute />;
  return (
    <AppLayout
      key={lang}
      languageHref={switchLanguagePath(location, otherLanguage(lang))}
      menu={<MenuWhenSignedIn />}
    >
      <ScrollRestoration />
      {/* Only for a namespace a route forgot to declare (router.tsx): the page waits for it here. */}
      <Suspense fallback={<PageLoading />}>
        <Outlet />
      </Suspense>
      <PageFocus within={mainContentId} />
      <InactivityDialog />
    </AppLayout>
  );
}
