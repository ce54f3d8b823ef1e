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
import { LandingPage } from '../features/landing/components/landing-page';
import { LockedCredentialsPage } from '../features/officer/components/locked-credentials-page';
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
        children: [{ path: 'profile', element: <ProfilePage /> }],
      },
      {
        element: <RequireViewer role="OFFICER" />,
        children: [{ path: 'officer', element: <LockedCredentialsPage /> }],
      },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
