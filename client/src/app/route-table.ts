/**
 * Every page path of the app under `/:lang` ('' is the landing page), one list that the router and the
 * server share: the router (router.tsx) gives each route its path through `at()`, so it cannot name a
 * path that is not here, and router.spec.tsx fails when a route's path is missing from the list; the
 * client build writes the list to `dist/routes.json` (vite.config.ts), from which the server answers
 * an unknown path with HTTP 404 (server/src/app/static-client.ts) while the app still renders its
 * "page not found". `:name` stands for one segment. Plain data: the build config imports it.
 */
export const appRoutePaths = [
  '',
  'sign-in',
  'sign-in/gckey',
  'sign-in/partner',
  'register',
  'forgot-password',
  // Public resources linked from the landing page (seed 003 §1.2).
  'onboarding',
  'bulletins',
  'customs-brokers',
  'api-catalogue',
  'faq',
  // The guided assistant (seed 003, "Resources": prepared scenarios).
  'assistant',
  'terms',
  'welcome',
  'account/password',
  'account/recovery',
  'account/revoke',
  'profile',
  // The MENU and its six hubs (seed 003 §2.2).
  'menu',
  'menu/configure',
  'menu/accounts',
  'menu/finance',
  'menu/payments',
  'menu/declarations',
  'menu/rulings',
  'setup',
  'setup/register',
  'setup/request-access',
  'setup/activation-key',
  'business',
  'business/program-accounts',
  'business/program-accounts/:accountId',
  'business/employees',
  'business/relationships',
  'business/relationships/:relationshipId',
  'business/client-groups',
  'rulings',
  'rulings/new',
  'rulings/:rulingId',
  'finance',
  'finance/payments',
  'finance/security',
  'finance/pad',
  'documents/upload',
  'calculator',
  'notices',
  'notices/:noticeId',
  'claims',
  'claims/new',
  'claims/accounts/:accountId',
  'claims/:claimId',
  'messages',
  'messages/new',
  'messages/:threadId',
  'correspondence',
  'correspondence/:letterId',
  'exports',
  'business/webhooks',
  'business/api-tokens',
  'clients',
  'clients/:businessId',
  'officer',
  'officer/businesses',
  'officer/notices',
  'officer/bulletins',
  'officer/mail',
  'officer/messages',
  'officer/claims',
  'officer/claims/:claimId',
  'officer/rulings',
  'officer/rulings/:rulingId',
  'officer/messages/:threadId',
  'officer/businesses/:businessNumber',
] as const;

export type AppRoutePath = (typeof appRoutePaths)[number];

/** A route's path, checked against the table at compile time. */
export function at(path: AppRoutePath): string {
  return path;
}
