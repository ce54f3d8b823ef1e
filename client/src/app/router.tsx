import { type ComponentType } from 'react';
import { createBrowserRouter, Navigate, type RouteObject, useLocation } from 'react-router';
import { LandingPage } from '../features/landing/components/landing-page';
import { applyLanguage } from '../lib/i18n';
import { isLanguage, preferredLanguage } from '../lib/language';
import { LanguageRoot } from './routes/language-root';
import { NotFoundRoute } from './routes/not-found-route';
import { RequireViewer } from './routes/require-viewer';

/**
 * A page loaded on first visit, in its own chunk: the landing page and the layout stay in the entry chunk,
 * every feature page comes when a route needs it (the router waits for it, so nothing flashes).
 */
function page<K extends string, M extends Record<K, ComponentType>>(load: () => Promise<M>, name: K) {
  return async () => ({ Component: (await load())[name] });
}

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
    loader: ({ params }) => {
      applyLanguage(isLanguage(params.lang) ? params.lang : 'en');
      return null;
    },
    // The loader is synchronous: nothing worth showing while it runs.
    HydrateFallback: () => null,
    element: <LanguageRoot />,
    children: [
      { index: true, element: <LandingPage /> },
      { path: 'sign-in', element: <SignInRedirect /> },
      {
        path: 'sign-in/gckey',
        lazy: page(() => import('../features/auth/components/gckey-sign-in-page'), 'GckeySignInPage'),
      },
      {
        path: 'sign-in/partner',
        lazy: page(() => import('../features/auth/components/partner-sign-in-page'), 'PartnerSignInPage'),
      },
      {
        path: 'register',
        lazy: page(
          () => import('../features/auth/components/registration/registration-wizard'),
          'RegistrationWizard',
        ),
      },
      {
        path: 'forgot-password',
        lazy: page(() => import('../features/auth/components/forgot-password-page'), 'ForgotPasswordPage'),
      },
      {
        // Signed in, terms of use not necessarily accepted yet.
        element: <RequireViewer terms={false} />,
        // The credential's welcome page and its links come before the portal's terms (seed 003 §2.1).
        children: [
          {
            path: 'terms',
            lazy: page(() => import('../features/auth/components/terms-of-use-page'), 'TermsOfUsePage'),
          },
          {
            path: 'welcome',
            lazy: page(() => import('./routes/welcome-route'), 'WelcomeRoute'),
          },
          {
            path: 'account/password',
            lazy: page(
              () => import('../features/account/components/change-password-page'),
              'ChangePasswordPage',
            ),
          },
          {
            path: 'account/recovery',
            lazy: page(
              () => import('../features/account/components/change-recovery-page'),
              'ChangeRecoveryPage',
            ),
          },
          {
            path: 'account/revoke',
            lazy: page(
              () => import('../features/account/components/revoke-credential-page'),
              'RevokeCredentialPage',
            ),
          },
        ],
      },
      {
        element: <RequireViewer />,
        children: [
          {
            path: 'profile',
            lazy: page(() => import('../features/profile/components/profile-page'), 'ProfilePage'),
          },
          // First setup (seed 003 §1.7): link the person to a business.
          {
            path: 'setup',
            lazy: page(() => import('../features/onboarding/components/first-setup-page'), 'FirstSetupPage'),
          },
          {
            path: 'setup/register',
            lazy: page(
              () => import('../features/onboarding/components/register-business-page'),
              'RegisterBusinessPage',
            ),
          },
          {
            path: 'setup/request-access',
            lazy: page(
              () => import('../features/onboarding/components/request-access-page'),
              'RequestAccessPage',
            ),
          },
          {
            path: 'setup/activation-key',
            lazy: page(
              () => import('../features/onboarding/components/redeem-activation-key-page'),
              'RedeemActivationKeyPage',
            ),
          },
          // Configure my portal, accounts and profiles (seed 003 §2.2) for the active business.
          {
            path: 'business',
            lazy: page(
              () => import('../features/business/components/business-profile-page'),
              'BusinessProfilePage',
            ),
          },
          {
            path: 'business/program-accounts',
            lazy: page(
              () => import('../features/business/components/program-account-list-page'),
              'ProgramAccountListPage',
            ),
          },
          {
            path: 'business/program-accounts/:accountId',
            lazy: page(() => import('./routes/program-account-route'), 'ProgramAccountRoute'),
          },
          {
            path: 'business/employees',
            lazy: page(
              () => import('../features/business/components/manage-employees-page'),
              'ManageEmployeesPage',
            ),
          },
          // Business relationships and the provider side (seed 003 §3.2).
          {
            path: 'business/relationships',
            lazy: page(
              () => import('../features/relationships/components/relationships-page'),
              'RelationshipsPage',
            ),
          },
          {
            path: 'business/relationships/:relationshipId',
            lazy: page(
              () => import('../features/relationships/components/relationship-page'),
              'RelationshipPage',
            ),
          },
          {
            path: 'business/client-groups',
            lazy: page(
              () => import('../features/relationships/components/client-groups-page'),
              'ClientGroupsPage',
            ),
          },
          // Rulings, document upload and the duties calculator (seed 003 §2.2, §2.5).
          {
            path: 'rulings',
            lazy: page(() => import('../features/rulings/components/rulings-page'), 'RulingsPage'),
          },
          {
            path: 'rulings/new',
            lazy: page(
              () => import('../features/rulings/components/request-ruling-page'),
              'RequestRulingPage',
            ),
          },
          {
            path: 'rulings/:rulingId',
            lazy: page(() => import('../features/rulings/components/ruling-page'), 'RulingPage'),
          },
          // Finances (seed 003 §2.2).
          {
            path: 'finance',
            lazy: page(
              () => import('../features/finance/components/financial-information-page'),
              'FinancialInformationPage',
            ),
          },
          {
            path: 'finance/payments',
            lazy: page(() => import('../features/finance/components/apply-credit-page'), 'ApplyCreditPage'),
          },
          {
            path: 'finance/security',
            lazy: page(
              () => import('../features/finance/components/financial-security-page'),
              'FinancialSecurityPage',
            ),
          },
          {
            path: 'finance/pad',
            lazy: page(
              () => import('../features/finance/components/pad-agreements-page'),
              'PadAgreementsPage',
            ),
          },
          {
            path: 'documents/upload',
            lazy: page(
              () => import('../features/documents/components/document-upload-page'),
              'DocumentUploadPage',
            ),
          },
          {
            path: 'calculator',
            lazy: page(
              () => import('../features/calculator/components/duties-calculator-page'),
              'DutiesCalculatorPage',
            ),
          },
          // Notices (seed 003 §2.4); email links point to /{lang}/notices/{id}.
          {
            path: 'notices',
            lazy: page(() => import('../features/notices/components/notices-page'), 'NoticesPage'),
          },
          {
            path: 'notices/:noticeId',
            lazy: page(() => import('../features/notices/components/notice-page'), 'NoticePage'),
          },
          {
            path: 'business/api-tokens',
            lazy: page(() => import('../features/api-tokens/components/api-tokens-page'), 'ApiTokensPage'),
          },
          {
            path: 'clients',
            lazy: page(() => import('../features/relationships/components/clients-page'), 'ClientsPage'),
          },
          {
            path: 'clients/:businessId',
            lazy: page(() => import('../features/relationships/components/client-page'), 'ClientPage'),
          },
        ],
      },
      {
        element: <RequireViewer role="OFFICER" />,
        children: [
          {
            path: 'officer',
            lazy: page(
              () => import('../features/officer/components/locked-credentials-page'),
              'LockedCredentialsPage',
            ),
          },
          {
            path: 'officer/businesses',
            lazy: page(
              () => import('../features/officer/components/officer-business-search-page'),
              'OfficerBusinessSearchPage',
            ),
          },
          {
            path: 'officer/notices',
            lazy: page(() => import('../features/officer/components/post-notice-page'), 'PostNoticePage'),
          },
          {
            path: 'officer/mail',
            lazy: page(
              () => import('../features/officer/components/mail-dead-letters-page'),
              'MailDeadLettersPage',
            ),
          },
          {
            path: 'officer/businesses/:businessNumber',
            lazy: page(
              () => import('../features/officer/components/officer-business-page'),
              'OfficerBusinessPage',
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
