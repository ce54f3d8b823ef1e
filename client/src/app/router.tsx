import { type ComponentType } from 'react';
import {
  createBrowserRouter,
  type LoaderFunctionArgs,
  Navigate,
  type RouteObject,
  useLocation,
} from 'react-router';
import { LandingPage } from '../features/landing/components/landing-page';
import { loadApollo } from '../lib/apollo-loader';
import { type Namespace, loadCatalogs, loadLanguage } from '../lib/i18n';
import { isLanguage, preferredLanguage } from '../lib/language';
import { loadSignedInMenu } from './layout/load-signed-in-menu';
import { LanguageRoot } from './routes/language-root';
import { type RouteHandle } from './routes/route-handle';
import { NotFoundRoute } from './routes/not-found-route';
import { RequireViewer } from './routes/require-viewer';
import { at } from './route-table';

/** A loader that loads these translation namespaces in the language of the URL (common comes with :lang). */
function catalogs(namespaces: readonly Namespace[]) {
  return async ({ params }: LoaderFunctionArgs) => {
    await loadCatalogs(isLanguage(params.lang) ? params.lang : 'en', namespaces);
    return null;
  };
}

/**
 * A page in its own chunk, with the translation namespaces it uses besides common: the router fetches the
 * chunk and the namespaces (in the URL's language only) at once, and renders the page when both are
 * there, so nothing flashes and no text shows as a key (docs/decisions/0024). The entry chunk holds the
 * frame (layout, router, i18next) and the landing page only; Apollo Client comes with the first other page
 * (docs/decisions/0061).
 */
function page<K extends string, M extends Record<K, ComponentType>>(
  load: () => Promise<M>,
  name: K,
  namespaces: readonly Namespace[],
) {
  return {
    // A static loader runs beside `lazy`, not after it.
    loader: catalogs(namespaces),
    // Every page but the landing page renders under Apollo Client, whose chunk comes beside the page's.
    lazy: async () => {
      const [module, apollo] = await Promise.all([load(), loadApollo()]);
      return { Component: apollo.withApollo(module[name]) };
    },
  };
}

/** The signed-in menu under the header (app/layout/signed-in-menu.tsx) speaks this one (docs/decisions/0036). */
const menuNamespaces: readonly Namespace[] = ['header'];

/**
 * The pages behind sign-in past the first ones (terms, welcome, the credential's pages, which declare
 * every namespace they use) have long had these from their group's loader, beside the menu's.
 */
const signedInAreaNamespaces: readonly Namespace[] = [
  ...menuNamespaces,
  'business',
  'claims',
  'documents',
  'finance',
  'hubs',
  'messaging',
  'notices',
];

/** The pages behind sign-in: the signed-in menu's words and code come with the page (docs/decisions/0036). */
function signedInFrame(namespaces: readonly Namespace[]) {
  const words = catalogs(namespaces);
  return async (args: LoaderFunctionArgs) => {
    await Promise.all([words(args), loadSignedInMenu()]);
    return null;
  };
}

const signedInHandle: RouteHandle = { signedIn: true };

/** `/:lang/sign-in` (where the API contract sends partner errors) is the partner page, query kept. */
function SignInRedirect() {
  const { pathname, search } = useLocation();
  return <Navigate replace to={`${pathname.replace(/\/$/, '')}/partner${search}`} />;
}

/**
 * Every page lives under /en/... or /fr/.... The language loader runs before the pages render, so
 * i18next and `<html lang>` already match the URL when the GCDS components load.
 */
export const routes: RouteObject[] = [
  {
    // The server redirects `/` by Accept-Language; this covers the Vite dev server and old links.
    path: '/',
    Component: () => <Navigate replace to={`/${preferredLanguage()}`} />,
  },
  {
    path: ':lang',
    loader: async ({ params }) => {
      // The landing page's words come with the language: the landing page is in the entry chunk, and a
      // route with a loader of its own would be a pause before it, where a signed-in page that is being
      // left (sign-out, terms declined) sees nobody signed in and sends the person to the sign-in page.
      if (isLanguage(params.lang))
        await Promise.all([loadCatalogs(params.lang, ['landing']), loadLanguage(params.lang)]);
      else {
        // The bilingual "page not found" speaks both languages.
        await loadCatalogs('fr', ['common']);
        await loadLanguage('en');
      }
      return null;
    },
    // Until the language's catalogs are there (one small request on the first visit), nothing to show.
    HydrateFallback: () => null,
    element: <LanguageRoot />,
    children: [
      // In the entry chunk: the first page most visitors see comes without a second round trip.
      { index: true, element: <LandingPage /> },
      { path: at('sign-in'), element: <SignInRedirect /> },
      {
        path: at('sign-in/gckey'),
        ...page(() => import('../features/auth/components/gckey-sign-in-page'), 'GckeySignInPage', ['auth']),
      },
      {
        path: at('sign-in/partner'),
        ...page(() => import('../features/auth/components/partner-sign-in-page'), 'PartnerSignInPage', [
          'auth',
        ]),
      },
      {
        path: at('register'),
        ...page(
          () => import('../features/auth/components/registration/registration-wizard'),
          'RegistrationWizard',
          ['auth', 'credentials'],
        ),
      },
      {
        path: at('forgot-password'),
        ...page(() => import('../features/auth/components/forgot-password-page'), 'ForgotPasswordPage', [
          'auth',
          'credentials',
        ]),
      },
      // Public resources linked from the landing page (seed 003 §1.2).
      {
        path: at('onboarding'),
        ...page(() => import('../features/resources/components/onboarding-page'), 'OnboardingPage', [
          'resources',
        ]),
      },
      {
        path: at('bulletins'),
        ...page(() => import('../features/resources/components/bulletins-page'), 'BulletinsPage', [
          'resources',
        ]),
      },
      {
        path: at('customs-brokers'),
        ...page(() => import('../features/resources/components/customs-brokers-page'), 'CustomsBrokersPage', [
          'resources',
        ]),
      },
      {
        path: at('api-catalogue'),
        ...page(() => import('../features/resources/components/api-catalogue-page'), 'ApiCataloguePage', [
          'resources',
        ]),
      },
      {
        path: at('faq'),
        ...page(() => import('../features/resources/components/faq-page'), 'FaqPage', ['resources']),
      },
      {
        path: at('assistant'),
        ...page(() => import('../features/assistant/components/assistant-page'), 'AssistantPage', [
          'assistant',
        ]),
      },
      {
        // Signed in, terms of use not necessarily accepted yet.
        element: <RequireViewer terms={false} />,
        loader: signedInFrame(menuNamespaces),
        handle: signedInHandle,
        // The credential's welcome page and its links come before the portal's terms (seed 003 §2.1).
        children: [
          {
            path: at('terms'),
            ...page(() => import('../features/auth/components/terms-of-use-page'), 'TermsOfUsePage', [
              'auth',
            ]),
          },
          {
            path: at('welcome'),
            ...page(() => import('./routes/welcome-route'), 'WelcomeRoute', [
              'account',
              'claims',
              'finance',
              'onboarding',
              'rulings',
            ]),
          },
          {
            path: at('account/password'),
            ...page(
              () => import('../features/account/components/change-password-page'),
              'ChangePasswordPage',
              ['account', 'credentials'],
            ),
          },
          {
            path: at('account/recovery'),
            ...page(
              () => import('../features/account/components/change-recovery-page'),
              'ChangeRecoveryPage',
              ['account', 'credentials'],
            ),
          },
          {
            path: at('account/revoke'),
            ...page(
              () => import('../features/account/components/revoke-credential-page'),
              'RevokeCredentialPage',
              ['account', 'credentials'],
            ),
          },
        ],
      },
      {
        element: <RequireViewer />,
        loader: signedInFrame(signedInAreaNamespaces),
        handle: signedInHandle,
        children: [
          {
            path: at('profile'),
            ...page(() => import('../features/profile/components/profile-page'), 'ProfilePage', ['profile']),
          },
          // The MENU and its hubs (seed 003 §2.2).
          {
            path: at('menu'),
            ...page(() => import('../features/hubs/components/hub-pages'), 'MenuPage', ['hubs']),
          },
          {
            path: at('menu/configure'),
            ...page(() => import('../features/hubs/components/hub-pages'), 'ConfigureHubPage', ['hubs']),
          },
          {
            path: at('menu/accounts'),
            ...page(() => import('../features/hubs/components/hub-pages'), 'AccountsHubPage', ['hubs']),
          },
          {
            path: at('menu/finance'),
            ...page(() => import('../features/hubs/components/hub-pages'), 'FinanceHubPage', ['hubs']),
          },
          {
            path: at('menu/payments'),
            ...page(() => import('../features/hubs/components/hub-pages'), 'PaymentsHubPage', ['hubs']),
          },
          {
            path: at('menu/declarations'),
            ...page(() => import('../features/hubs/components/hub-pages'), 'DeclarationsHubPage', ['hubs']),
          },
          {
            path: at('menu/rulings'),
            ...page(() => import('../features/hubs/components/hub-pages'), 'RulingsHubPage', ['hubs']),
          },
          // First setup (seed 003 §1.7): link the person to a business.
          {
            path: at('setup'),
            ...page(() => import('../features/onboarding/components/first-setup-page'), 'FirstSetupPage', [
              'onboarding',
            ]),
          },
          {
            path: at('setup/register'),
            ...page(
              () => import('../features/onboarding/components/register-business-page'),
              'RegisterBusinessPage',
              ['onboarding'],
            ),
          },
          {
            path: at('setup/request-access'),
            ...page(
              () => import('../features/onboarding/components/request-access-page'),
              'RequestAccessPage',
              ['onboarding'],
            ),
          },
          {
            path: at('setup/activation-key'),
            ...page(
              () => import('../features/onboarding/components/redeem-activation-key-page'),
              'RedeemActivationKeyPage',
              ['onboarding'],
            ),
          },
          // Configure my portal, accounts and profiles (seed 003 §2.2) for the active business.
          {
            path: at('business'),
            ...page(
              () => import('../features/business/components/business-profile-page'),
              'BusinessProfilePage',
              ['api-tokens', 'business', 'webhooks'],
            ),
          },
          {
            path: at('business/program-accounts'),
            ...page(
              () => import('../features/business/components/program-account-list-page'),
              'ProgramAccountListPage',
              ['business'],
            ),
          },
          {
            path: at('business/program-accounts/:accountId'),
            ...page(() => import('./routes/program-account-route'), 'ProgramAccountRoute', [
              'business',
              'finance',
            ]),
          },
          {
            path: at('business/employees'),
            ...page(
              () => import('../features/business/components/manage-employees-page'),
              'ManageEmployeesPage',
              ['business'],
            ),
          },
          // Business relationships and the provider side (seed 003 §3.2).
          {
            path: at('business/relationships'),
            ...page(
              () => import('../features/relationships/components/relationships-page'),
              'RelationshipsPage',
              ['business', 'relationships'],
            ),
          },
          {
            path: at('business/relationships/:relationshipId'),
            ...page(
              () => import('../features/relationships/components/relationship-page'),
              'RelationshipPage',
              ['business', 'relationships'],
            ),
          },
          {
            path: at('business/client-groups'),
            ...page(
              () => import('../features/relationships/components/client-groups-page'),
              'ClientGroupsPage',
              ['business', 'relationships'],
            ),
          },
          // Rulings, document upload and the duties calculator (seed 003 §2.2, §2.5).
          {
            path: at('rulings'),
            ...page(() => import('../features/rulings/components/rulings-page'), 'RulingsPage', ['rulings']),
          },
          {
            path: at('rulings/new'),
            ...page(() => import('../features/rulings/components/request-ruling-page'), 'RequestRulingPage', [
              'rulings',
            ]),
          },
          {
            path: at('rulings/:rulingId'),
            ...page(() => import('../features/rulings/components/ruling-page'), 'RulingPage', [
              'documents',
              'rulings',
            ]),
          },
          // Claims and repayments (issue 16, docs/claims.md).
          {
            path: at('claims'),
            ...page(() => import('../features/claims/components/claims-page'), 'ClaimsPage', ['claims']),
          },
          {
            path: at('claims/new'),
            ...page(() => import('../features/claims/components/file-claim-page'), 'FileClaimPage', [
              'claims',
            ]),
          },
          {
            path: at('claims/accounts/:accountId'),
            ...page(
              () => import('../features/claims/components/account-repayments-page'),
              'AccountRepaymentsPage',
              ['claims'],
            ),
          },
          {
            path: at('claims/:claimId'),
            ...page(() => import('../features/claims/components/claim-page'), 'ClaimPage', ['claims']),
          },
          // Finances (seed 003 §2.2).
          {
            path: at('finance'),
            ...page(
              () => import('../features/finance/components/financial-information-page'),
              'FinancialInformationPage',
              ['finance'],
            ),
          },
          {
            path: at('finance/payments'),
            ...page(() => import('../features/finance/components/apply-credit-page'), 'ApplyCreditPage', [
              'finance',
            ]),
          },
          {
            path: at('finance/security'),
            ...page(
              () => import('../features/finance/components/financial-security-page'),
              'FinancialSecurityPage',
              ['finance'],
            ),
          },
          {
            path: at('finance/pad'),
            ...page(() => import('../features/finance/components/pad-agreements-page'), 'PadAgreementsPage', [
              'finance',
            ]),
          },
          {
            path: at('documents/upload'),
            ...page(
              () => import('../features/documents/components/document-upload-page'),
              'DocumentUploadPage',
              ['documents'],
            ),
          },
          {
            path: at('calculator'),
            ...page(
              () => import('../features/calculator/components/duties-calculator-page'),
              'DutiesCalculatorPage',
              ['calculator'],
            ),
          },
          // Notices (seed 003 §2.4); email links point to /{lang}/notices/{id}.
          {
            path: at('notices'),
            ...page(() => import('../features/notices/components/notices-page'), 'NoticesPage', ['notices']),
          },
          {
            path: at('notices/:noticeId'),
            ...page(() => import('../features/notices/components/notice-page'), 'NoticePage', ['notices']),
          },
          // Bulk exports of the signed-in person (docs/api.md "Bulk exports").
          // Secure messaging and correspondence (seed 000; issue 15).
          {
            path: at('messages'),
            ...page(() => import('../features/messaging/components/messages-page'), 'MessagesPage', [
              'messaging',
            ]),
          },
          {
            path: at('messages/new'),
            ...page(() => import('../features/messaging/components/new-thread-page'), 'NewThreadPage', [
              'messaging',
            ]),
          },
          {
            path: at('messages/:threadId'),
            ...page(() => import('../features/messaging/components/thread-page'), 'ThreadPage', [
              'messaging',
            ]),
          },
          {
            path: at('correspondence'),
            ...page(
              () => import('../features/messaging/components/correspondence-page'),
              'CorrespondencePage',
              ['messaging'],
            ),
          },
          {
            path: at('correspondence/:letterId'),
            ...page(() => import('../features/messaging/components/correspondence-page'), 'LetterPage', [
              'messaging',
            ]),
          },
          {
            path: at('exports'),
            ...page(() => import('../features/exports/components/exports-page'), 'ExportsPage', ['exports']),
          },
          {
            path: at('business/webhooks'),
            ...page(() => import('../features/webhooks/components/webhooks-page'), 'WebhooksPage', [
              'webhooks',
            ]),
          },
          {
            path: at('business/api-tokens'),
            ...page(() => import('../features/api-tokens/components/api-tokens-page'), 'ApiTokensPage', [
              'api-tokens',
              'business',
            ]),
          },
          {
            path: at('clients'),
            ...page(() => import('../features/relationships/components/clients-page'), 'ClientsPage', [
              'relationships',
            ]),
          },
          {
            path: at('clients/:businessId'),
            ...page(() => import('../features/relationships/components/client-page'), 'ClientPage', [
              'business',
              'relationships',
            ]),
          },
        ],
      },
      {
        element: <RequireViewer role="OFFICER" />,
        loader: signedInFrame(signedInAreaNamespaces),
        handle: signedInHandle,
        children: [
          {
            path: at('officer'),
            ...page(
              () => import('../features/officer/components/locked-credentials-page'),
              'LockedCredentialsPage',
              ['officer'],
            ),
          },
          {
            path: at('officer/businesses'),
            ...page(
              () => import('../features/officer/components/officer-business-search-page'),
              'OfficerBusinessSearchPage',
              ['officer'],
            ),
          },
          {
            path: at('officer/notices'),
            ...page(() => import('../features/officer/components/post-notice-page'), 'PostNoticePage', [
              'officer',
            ]),
          },
          {
            path: at('officer/bulletins'),
            ...page(() => import('../features/officer/components/post-bulletin-page'), 'PostBulletinPage', [
              'officer',
            ]),
          },
          {
            path: at('officer/messages'),
            ...page(() => import('../features/messaging/components/officer-inbox-page'), 'OfficerInboxPage', [
              'messaging',
              'officer',
            ]),
          },
          {
            path: at('officer/messages/:threadId'),
            ...page(
              () => import('../features/messaging/components/officer-inbox-page'),
              'OfficerThreadPage',
              ['messaging', 'officer'],
            ),
          },
          {
            path: at('officer/mail'),
            ...page(
              () => import('../features/officer/components/mail-dead-letters-page'),
              'MailDeadLettersPage',
              ['officer'],
            ),
          },
          {
            path: at('officer/claims'),
            ...page(
              () => import('../features/claims/components/officer-claims-queue-page'),
              'OfficerClaimsQueuePage',
              ['claims', 'officer'],
            ),
          },
          {
            path: at('officer/claims/:claimId'),
            ...page(() => import('../features/claims/components/officer-claim-page'), 'OfficerClaimPage', [
              'claims',
              'officer',
            ]),
          },
          {
            path: at('officer/rulings'),
            ...page(
              () => import('../features/rulings/components/officer-rulings-queue-page'),
              'OfficerRulingsQueuePage',
              ['rulings', 'officer'],
            ),
          },
          {
            path: at('officer/rulings/:rulingId'),
            ...page(() => import('../features/rulings/components/officer-ruling-page'), 'OfficerRulingPage', [
              'rulings',
              'officer',
            ]),
          },
          {
            path: at('officer/businesses/:businessNumber'),
            ...page(
              () => import('../features/officer/components/officer-business-page'),
              'OfficerBusinessPage',
              ['officer'],
            ),
          },
        ],
      },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
