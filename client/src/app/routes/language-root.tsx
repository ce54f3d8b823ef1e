import { Suspense } from 'react';
import { Outlet, ScrollRestoration, useLocation, useParams } from 'react-router';
import { AppLayout, mainContentId } from '../../components/layout/app-layout';
import { AssistantPanel, showsAssistantPanel } from '../../components/layout/assistant-panel';
import { PageFocus } from '../../components/layout/page-focus';
import { PageLoading } from '../../components/layout/page-status';
import { SignedInMenu } from '../layout/signed-in-menu';
import { InactivityDialog } from '../../components/session/inactivity-dialog';
import { useViewerQuery } from '../../generated/graphql';
import { isLanguage, otherLanguage, switchLanguagePath } from '../../lib/language';
import { BilingualNotFoundRoute } from './bilingual-not-found-route';

/**
 * The signed-in menu, for a signed-in person only: its translations (business, finance...) are not
 * loaded for a visitor (docs/decisions/0024). The pages behind sign-in load them beforehand (router.tsx);
 * elsewhere the menu waits for them on its own, without holding up the page.
 */
function MenuWhenSignedIn() {
  const { data } = useViewerQuery();
  if (!data?.me) return null;
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
      {showsAssistantPanel(location.pathname) ? <AssistantPanel /> : null}
      <PageFocus within={mainContentId} />
      <InactivityDialog />
    </AppLayout>
  );
}
