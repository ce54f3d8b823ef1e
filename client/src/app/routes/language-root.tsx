import { createElement, Suspense, useEffect, useState } from 'react';
import { Outlet, ScrollRestoration, useLocation, useMatches, useParams } from 'react-router';
import { AppLayout, mainContentId } from '../../components/layout/app-layout';
import { AssistantPanel, showsAssistantPanel } from '../../components/layout/assistant-panel';
import { PageFocus } from '../../components/layout/page-focus';
import { PageLoading } from '../../components/layout/page-status';
import { loadedInactivityDialog, loadedSignedInMenu, loadSignedInMenu } from '../layout/load-signed-in-menu';
import { useBootQuery, viewerQuery } from '../../lib/boot-query';
import { isLanguage, otherLanguage, switchLanguagePath } from '../../lib/language';
import { BilingualNotFoundRoute } from './bilingual-not-found-route';
import { type RouteHandle } from './route-handle';

/**
 * Whether someone is signed in, and the signed-in chunk (menu, inactivity dialog) loaded once they are:
 * neither its code nor its translations (business, finance...) are loaded for a visitor
 * (docs/decisions/0024, 0036, 0050). The pages behind sign-in load it beforehand (router.tsx), so there
 * it renders with the page; elsewhere it comes on its own, without holding up the page.
 */
function useSignedInChunk(): { signedIn: boolean; loading: boolean } {
  const { data, loading } = useBootQuery(viewerQuery);
  const signedIn = Boolean(data?.me);
  const ready = loadedSignedInMenu() !== undefined;
  const [, setLoaded] = useState(false);
  useEffect(() => {
    if (signedIn && !ready)
      void loadSignedInMenu()
        .then(() => setLoaded(true))
        .catch(() => undefined);
  }, [signedIn, ready]);
  return { signedIn, loading };
}

/** The signed-in menu, for a signed-in person only. */
function MenuWhenSignedIn() {
  const { signedIn, loading } = useSignedInChunk();
  const menu = loadedSignedInMenu();
  // On a page behind sign-in, the bar's place is kept until the menu shows (see .signed-in-menu).
  const behindSignIn = useMatches().some((match) => (match.handle as RouteHandle | undefined)?.signedIn);
  if (!menu || !signedIn) {
    return behindSignIn && (loading || signedIn) ? (
      <div slot="menu" className="signed-in-menu" aria-hidden="true" />
    ) : null;
  }
  return (
    // The menu's component is one for the life of the page (load-signed-in-menu.ts), never made here.
    <Suspense fallback={null}>{createElement(menu)}</Suspense>
  );
}

/** The inactivity warning, for a signed-in person only: a visitor has no session to time out. */
function InactivityDialogWhenSignedIn() {
  const { signedIn } = useSignedInChunk();
  const dialog = loadedInactivityDialog();
  return signedIn && dialog ? createElement(dialog) : null;
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
      {showsAssistantPanel(location.pathname) ? <AssistantPanel /> : null}
      <PageFocus within={mainContentId} />
      <InactivityDialogWhenSignedIn />
    </AppLayout>
  );
}
