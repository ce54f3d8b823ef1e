import { createBrowserRouter, Navigate, type RouteObject, useLocation } from 'react-router';
import { ChangePasswordPage } from '../features/account/components/change-password-page';
import { ChangeRecoveryPage } from '../features/account/components/change-recovery-page';
import { RevokeCredentialPage } from '../features/account/components/revoke-credential-page';
import { WelcomePage } from '../features/account/components/welcome-page';
import { ForgotPasswordPage } from '../features/auth/components/forgot-password-page';
import { GckeySignInPage } from '../features/auth/components/gckey-sign-in-page';
import { PartnerSignInPage } from '../features/auth/components/partner-sign-in-page';
import { RegistrationWizard } from '../features/auth/components/registration/registration-wizard';
import { TermsOfUsePage } from '../features/auth/components/terms-of-use-page';
import { BusinessProfilePage } from '../features/business/components/business-profile-page';
import { ManageEmployeesPage } from '../features/business/components/manage-employees-page';
import { ProgramAccountListPage } from '../features/business/components/program-account-list-page';
import { ProgramAccountPage } from '../features/business/components/program-account-page';
import { LandingPage } from '../features/landing/components/landing-page';
import { LockedCredentialsPage } from '../features/officer/components/locked-credentials-page';
import { OfficerBusinessPage } from '../features/officer/components/officer-business-page';
import { OfficerBusinessSearchPage } from '../features/officer/components/officer-business-search-page';
import { FirstSetupPage } from '../features/onboarding/components/first-setup-page';
import { RedeemActivationKeyPage } from '../features/onboarding/components/redeem-activation-key-page';
import { RegisterBusinessPage } from '../features/onboarding/components/register-business-page';
import { RequestAccessPage } from '../features/onboarding/components/request-access-page';
import { ClientGroupsPage } from '../features/relationships/components/client-groups-page';
import { ClientPage } from '../features/relationships/components/client-page';
import { ClientsPage } from '../features/relationships/components/clients-page';
import { RelationshipPage } from '../features/relationships/components/relationship-page';
import { RelationshipsPage } from '../features/relationships/components/relationships-page';
import { ProfilePage } from '../features/profile/components/profile-page';
import { applyLanguage } from '../lib/i18n';
import { isLanguage, preferredLanguage } from '../lib/language';
import { LanguageRoot } from './routes/language-root';
import { NotFoundRoute } from './routes/not-found-route';
import { RequireViewer } from './routes/require-viewer';

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
      { path: 'sign-in/gckey', element: <GckeySignInPage /> },
      { path: 'sign-in/partner', element: <PartnerSignInPage /> },
      { path: 'register', element: <RegistrationWizard /> },
      { path: 'forgot-password', element: <ForgotPasswordPage /> },
      {
        // Signed in, terms of use not necessarily accepted yet.
        element: <RequireViewer terms={false} />,
        // The credential's welcome page and its links come before the portal's terms (seed 003 §2.1).
        children: [
          { path: 'terms', element: <TermsOfUsePage /> },
          { path: 'welcome', element: <WelcomePage /> },
          { path: 'account/password', element: <ChangePasswordPage /> },
          { path: 'account/recovery', element: <ChangeRecoveryPage /> },
          { path: 'account/revoke', element: <RevokeCredentialPage /> },
        ],
      },
      {
        element: <RequireViewer />,
        children: [
          { path: 'profile', element: <ProfilePage /> },
          // First setup (seed 003 §1.7): link the person to a business.
          { path: 'setup', element: <FirstSetupPage /> },
          { path: 'setup/register', element: <RegisterBusinessPage /> },
          { path: 'setup/request-access', element: <RequestAccessPage /> },
          { path: 'setup/activation-key', element: <RedeemActivationKeyPage /> },
          // Configure my portal, accounts and profiles (seed 003 §2.2) for the active business.
          { path: 'business', element: <BusinessProfilePage /> },
          { path: 'business/program-accounts', element: <ProgramAccountListPage /> },
          { path: 'business/program-accounts/:accountId', element: <ProgramAccountPage /> },
          { path: 'business/employees', element: <ManageEmployeesPage /> },
          // Business relationships and the provider side (seed 003 §3.2).
          { path: 'business/relationships', element: <RelationshipsPage /> },
          { path: 'business/relationships/:relationshipId', element: <RelationshipPage /> },
          { path: 'business/client-groups', element: <ClientGroupsPage /> },
          { path: 'clients', element: <ClientsPage /> },
          { path: 'clients/:businessId', element: <ClientPage /> },
        ],
      },
      {
        element: <RequireViewer role="OFFICER" />,
        children: [
          { path: 'officer', element: <LockedCredentialsPage /> },
          { path: 'officer/businesses', element: <OfficerBusinessSearchPage /> },
          { path: 'officer/businesses/:businessNumber', element: <OfficerBusinessPage /> },
        ],
      },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
