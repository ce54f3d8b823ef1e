import { type MockLink } from '@apollo/client/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  HomeIndicatorsAccessDocument,
  HomeIndicatorsDocument,
  SignOutEverywhereDocument,
  WelcomeDocument,
} from '../../../generated/graphql';
import {
  anyVariables,
  areas,
  headerMock,
  northernLights,
} from '../../../test/fixtures/relationships-fixtures';
import { button } from '../../../test/gcds';
import {
  renderRoute,
  session,
  sessionMock,
  shadowHref,
  viewer,
  viewerMock,
} from '../../../test/render-route';
import { connectionOf } from '../../../test/fixtures/connection';

function welcome(
  previousSignInAt: string | null,
  credentialKind: 'LOCAL' | 'PARTNER' = 'LOCAL',
  role: 'PERSON' | 'OFFICER' = 'PERSON',
  memberships: ReadonlyArray<{ __typename: 'Membership'; id: string }> = [],
): MockLink.MockedResponse {
  return {
    request: { query: WelcomeDocument },
    result: {
      data: {
        me: {
          __typename: 'Viewer',
          id: 'user-1',
          role,
          credentialKind,
          previousSignInAt,
          termsAccepted: true,
          profile: { __typename: 'PersonalProfile', firstName: 'Jane' },
          membershipsConnection: connectionOf('Membership', memberships),
          recentSecurityEvents: previousSignInAt
            ? [
                {
                  __typename: 'SecurityEvent',
                  id: 'e2',
                  type: 'SIGN_IN_SUCCEEDED',
                  occurredAt: '2026-07-01T18:05:00Z',
                  ipAddress: '192.0.2.10',
                },
                {
                  __typename: 'SecurityEvent',
                  id: 'e1',
                  type: 'PASSWORD_CHANGED',
                  occurredAt: '2026-01-15T14:30:00Z',
                  ipAddress: null,
                },
              ]
            : [],
        },
      },
    },
    maxUsageCount: 2,
  };
}

const signedIn = [viewerMock(() => viewer()), sessionMock(() => session())];

type AreaLevels = Parameters<typeof areas>[0];

/** The home's access query: the active business and the areas the viewer may see. */
function homeAccess(levels: AreaLevels) {
  return anyVariables(HomeIndicatorsAccessDocument, () => ({
    me: {
      __typename: 'Viewer',
      id: 'user-1',
      activeBusiness: {
        __typename: 'Business',
        id: 'b-1',
        viewerAccess: { __typename: 'BusinessAccess', areas: areas(levels) },
      },
    },
  }));
}

const noClaims = {
  __typename: 'ClaimIndicators',
  inProgressCount: 0,
  submittedCount: 0,
  approvedCount: 0,
  openClaimedCents: 0,
  payableCount: 0,
  payableCents: 0,
  paidCents: 0,
  unpaidCents: 0,
} as const;

const noAccountFigures = {
  __typename: 'AccountIndicators',
  overdueCount: 0,
  overdueCents: 0,
  statementsDueCount: 0,
  statementsDueCents: 0,
  securityOnFileCents: null,
  securityRequiredCents: null,
  securityShortfallCents: null,
} as const;

/** The home's one indicators query: claims and account indicators together. */
function homeIndicators(
  claimIndicators: Record<string, unknown> = noClaims,
  accountIndicators: Record<string, unknown> = noAccountFigures,
) {
  return anyVariables(HomeIndicatorsDocument, () => ({
    business: { __typename: 'Business', id: 'b-1', claimIndicators, accountIndicators },
  }));
}

describe('welcome page', () => {
  it('greets the person with the previous sign-in in the page language and agency time zone, and lists events', async () => {
    renderRoute('/en/welcome', [welcome('2026-07-01T18:05:00Z'), ...signedIn]);
    expect(await screen.findByText('Welcome, Jane', { selector: 'gcds-heading' })).toBeInTheDocument();
    // 18:05 UTC is 2:05 p.m. in Toronto in July (EDT).
    expect(
      screen.getByText('Your previous sign-in was on July 1, 2026 at 2:05 p.m. EDT.'),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(shadowHref(screen.getByText('Change your password'))).toBe('/en/account/password'),
    );
    expect(shadowHref(screen.getByText('Change your recovery questions'))).toBe('/en/account/recovery');
    expect(shadowHref(screen.getByText('Revoke your credential'))).toBe('/en/account/revoke');
    expect(shadowHref(screen.getByText('View or change your personal profile'))).toBe('/en/profile');

    const table = screen.getByRole('table', { name: 'Recent security events on your account, newest first' });
    const rows = within(table)
      .getAllByRole('row')
      .map((row) => row.textContent);
    expect(rows).toEqual([
      'EventDate and timeInternet address',
      'Signed inJuly 1, 2026 at 2:05 p.m. EDT192.0.2.10',
      'Password changedJanuary 15, 2026 at 9:30 a.m. ESTUnknown',
    ]);
  });

  it('says it is the first sign-in, in French', async () => {
    renderRoute('/fr/welcome', [welcome(null), ...signedIn]);
    expect(
      await screen.findByText('Il s’agit de votre première connexion.'.replace('’', "'")),
    ).toBeInTheDocument();
    expect(
      screen.getByText("Il n'y a encore aucun événement de sécurité dans votre compte."),
    ).toBeInTheDocument();
  });

  it('formats the previous sign-in in French', async () => {
    renderRoute('/fr/welcome', [welcome('2026-07-01T18:05:00Z'), ...signedIn]);
    expect(
      await screen.findByText('Votre dernière connexion remonte au 1 juillet 2026 à 14 h 05 HAE.'),
    ).toBeInTheDocument();
    expect(screen.getByText('Connexion')).toBeInTheDocument();
  });

  it('links officers to the locked credentials', async () => {
    renderRoute('/en/welcome', [welcome(null, 'LOCAL', 'OFFICER'), ...signedIn]);
    const link = await screen.findByText('Locked credentials');
    await waitFor(() => expect(shadowHref(link)).toBe('/en/officer'));
  });

  it('offers a person linked to no business to set up access to one', async () => {
    renderRoute('/en/welcome', [welcome(null), ...signedIn]);
    expect(
      await screen.findByText('Set up access to a business', { selector: 'gcds-heading' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Your account is not linked to any business yet. Register your business, request access to your employer or enter an activation key from the agency.',
      ),
    ).toBeInTheDocument();
    const link = screen.getByText('Set up access to a business', { selector: 'gcds-button' });
    await waitFor(() => expect(shadowHref(link)).toBe('/en/setup'));
  });

  it('does not offer the first setup to a member of a business', async () => {
    renderRoute('/fr/welcome', [
      welcome(null, 'LOCAL', 'PERSON', [{ __typename: 'Membership', id: 'm-1' }]),
      ...signedIn,
    ]);
    expect(await screen.findByText('Bienvenue, Jane', { selector: 'gcds-heading' })).toBeInTheDocument();
    expect(screen.queryByText("Configurer l'accès à une entreprise")).not.toBeInTheDocument();
  });

  it('does not offer the first setup to an officer', async () => {
    renderRoute('/en/welcome', [welcome(null, 'LOCAL', 'OFFICER'), ...signedIn]);
    expect(await screen.findByText('Locked credentials')).toBeInTheDocument();
    expect(screen.queryByText('Set up access to a business')).not.toBeInTheDocument();
  });

  it('hides the password links for a Sign-In Partner credential', async () => {
    renderRoute('/en/welcome', [welcome(null, 'PARTNER'), ...signedIn]);
    expect(await screen.findByText('Your password is managed by your Sign-In Partner.')).toBeInTheDocument();
    expect(screen.queryByText('Change your password')).not.toBeInTheDocument();
  });

  it('signs out everywhere and lands on the home page with a message', async () => {
    const user = userEvent.setup();
    let active = true;
    const { router } = renderRoute('/en/welcome', [
      welcome(null),
      {
        request: { query: SignOutEverywhereDocument },
        result: () => {
          active = false;
          return {
            data: { signOutEverywhere: { __typename: 'SignOutPayload', signedOut: true, userErrors: [] } },
          };
        },
      },
      viewerMock(() => (active ? viewer() : null)),
      sessionMock(() => (active ? session() : null)),
    ]);
    await user.click(await button('Sign out everywhere'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/en'));
    expect(
      await screen.findByText('Every session of your account has ended, on this device and on any other.'),
    ).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText('Signed in as Jane Doe')).not.toBeInTheDocument());
  });

  it.each([
    ['en', 'Claims and repayments at a glance', 'Claims in progress: 2', 'Repayments payable: 1 ($200.00)'],
    [
      'fr',
      'Demandes et remboursements en un coup d’œil',
      'Demandes en cours : 2',
      'Remboursements payables : 1 (200,00 $)',
    ],
  ])(
    'shows the business’s claims and repayments indicators, each linked to its list (%s)',
    async (language, heading, inProgress, payable) => {
      const indicators = homeIndicators({
        __typename: 'ClaimIndicators',
        inProgressCount: 2,
        submittedCount: 1,
        approvedCount: 3,
        openClaimedCents: 35_000,
        payableCount: 1,
        payableCents: 20_000,
        paidCents: 10_000,
        unpaidCents: 0,
      });
      renderRoute(`/${language}/welcome`, [
        welcome(null),
        ...signedIn,
        // The header names the same active business (its default answers none, and the cache would agree).
        headerMock({ ...northernLights, accounts: ['123456789RM0001'] }),
        homeAccess({ REQUESTS_AND_TRANSACTIONS: 'view' }),
        indicators,
      ]);
      expect(await screen.findByText(heading, { selector: 'gcds-heading' })).toBeInTheDocument();
      const drafts = document.querySelector(`gcds-link[aria-label="${inProgress}"]`);
      expect(drafts?.textContent).toBe('2');
      await waitFor(() =>
        expect(shadowHref(drafts as HTMLElement)).toBe(`/${language}/claims?business=b-1&status=IN_PROGRESS`),
      );
      const labels = [...document.querySelectorAll('gcds-link[aria-label]')].map((l) =>
        l.getAttribute('aria-label')?.replace(/[\u00a0\u202f]/g, ' '),
      );
      expect(labels).toContain(payable);
    },
  );

  it.each([
    [
      'en',
      'Account at a glance',
      ['Amounts overdue: 2 ($10,045.00)', 'Statements due: 1 ($60,000.00)'],
      [
        'Financial security on file: $50,000.00',
        'Required by the agency: $80,000.00',
        'Shortfall: $30,000.00',
      ],
    ],
    [
      'fr',
      'Compte en un coup d’œil',
      ['Montants en souffrance : 2 (10 045,00 $)', 'Relevés à payer : 1 (60 000,00 $)'],
      [
        'Sécurité financière au dossier : 50 000,00 $',
        'Exigée par l’agence : 80 000,00 $',
        'Manque à combler : 30 000,00 $',
      ],
    ],
  ])(
    'shows the amounts overdue, statements due and security against what is required, linked (%s)',
    async (language, heading, finance, security) => {
      const access = homeAccess({ REQUESTS_AND_TRANSACTIONS: 'view', FINANCIAL_SECURITY: 'view' });
      const indicators = homeIndicators(noClaims, {
        __typename: 'AccountIndicators',
        overdueCount: 2,
        overdueCents: 1_004_500,
        statementsDueCount: 1,
        statementsDueCents: 6_000_000,
        securityOnFileCents: 5_000_000,
        securityRequiredCents: 8_000_000,
        securityShortfallCents: 3_000_000,
      });
      renderRoute(`/${language}/welcome`, [
        welcome(null),
        ...signedIn,
        headerMock({ ...northernLights, accounts: ['123456789RM0001'] }),
        access,
        indicators,
      ]);
      expect(await screen.findByText(heading, { selector: 'gcds-heading' })).toBeInTheDocument();
      const links = () =>
        [
          ...document.querySelectorAll('#account-indicators ~ dl gcds-link, section gcds-link[aria-label]'),
        ].map((l) => [l.getAttribute('aria-label')?.replace(/[\u00a0\u202f]/g, ' '), l] as const);
      await waitFor(() =>
        expect(links().map(([label]) => label)).toEqual(expect.arrayContaining([...finance, ...security])),
      );
      const href = (label: string) => links().find(([l]) => l === label)![1] as HTMLElement;
      await waitFor(() => expect(shadowHref(href(finance[0]))).toBe(`/${language}/finance`));
      await waitFor(() => expect(shadowHref(href(finance[1]))).toBe(`/${language}/finance`));
      for (const label of security)
        await waitFor(() => expect(shadowHref(href(label))).toBe(`/${language}/finance/security`));
    },
  );

  it('leaves the security rows out when the server answers them null (no financial security area)', async () => {
    const access = homeAccess({ REQUESTS_AND_TRANSACTIONS: 'view' });
    const indicators = homeIndicators();
    renderRoute('/en/welcome', [
      welcome(null),
      ...signedIn,
      headerMock({ ...northernLights, accounts: ['123456789RM0001'] }),
      access,
      indicators,
    ]);
    expect(await screen.findByText('Account at a glance', { selector: 'gcds-heading' })).toBeInTheDocument();
    expect(screen.getByText('Amounts overdue')).toBeInTheDocument();
    expect(screen.queryByText('Financial security on file')).not.toBeInTheDocument();
    expect(screen.queryByText('Required by the agency')).not.toBeInTheDocument();
    expect(screen.queryByText('Shortfall')).not.toBeInTheDocument();
  });
});
