import { type MockLink } from '@apollo/client/testing';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  OfficerBusinessDocument,
  OfficerBusinessSearchDocument,
  OfficerIssueActivationKeyDocument,
  OfficerUnlockBusinessRegistrationDocument,
} from '../../../generated/graphql';
import { button, fieldError, hostById, input, summaryLinks } from '../../../test/gcds';
import {
  renderRoute,
  session,
  sessionMock,
  shadowHref,
  viewer,
  viewerMock,
} from '../../../test/render-route';
import { connectionOf } from '../../../test/fixtures/connection';

const officer = [viewerMock(() => viewer({ role: 'OFFICER' })), sessionMock(() => session())];

const bn = '678901235';
const key = '9F3A-1B2C-3D4E-5F60-7A8B-9C0D-1E2F-3A4B';

function searchResult(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'OfficerBusinessView',
    businessNumber: bn,
    legalName: "O'Brien & Sons Trading Ltd.",
    business: null,
    registrationLocked: true,
    registrationFailedAttempts: 10,
    ...overrides,
  };
}

function searchMock(query: string, results: unknown[]): MockLink.MockedResponse {
  return {
    request: { query: OfficerBusinessSearchDocument, variables: { query } },
    result: { data: { officerBusinessSearch: results } },
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}

function auditEvent(
  id: string,
  type: string,
  actor: string | null,
  details: Record<string, string> | null,
  at: string,
) {
  return {
    __typename: 'BusinessAuditEvent',
    id,
    type,
    occurredAt: at,
    actor: actor === null ? null : { __typename: 'PersonSummary', id: `p-${id}`, name: actor },
    details: Object.entries(details ?? {}).map(([name, value]) => ({
      __typename: 'BusinessAuditDetail',
      name,
      value,
    })),
  };
}

interface State {
  locked: boolean;
  failedAttempts: number;
  keys: unknown[];
  audit: unknown[];
  business?: { id: string; name: string };
}

function lockedState(): State {
  return {
    locked: true,
    failedAttempts: 10,
    keys: [],
    audit: [
      auditEvent('a3', 'REGISTRATION_LOCKED', null, { failedAttempts: '10' }, '2026-03-02T15:31:00Z'),
      auditEvent(
        'a2',
        'REGISTRATION_FAILED',
        'Jane Doe',
        { step: 'VALIDATE_BUSINESS', attempt: '10' },
        '2026-03-02T15:31:00Z',
      ),
      auditEvent('a1', 'SOMETHING_NEW', 'Jane Doe', null, '2026-03-02T15:30:00Z'),
    ],
  };
}

function businessMock(state: State): MockLink.MockedResponse {
  return {
    request: { query: OfficerBusinessDocument, variables: { businessNumber: bn } },
    result: () => ({
      data: {
        officerBusiness: {
          __typename: 'OfficerBusinessView',
          businessNumber: bn,
          legalName: "O'Brien & Sons Trading Ltd.",
          business: state.business ? { __typename: 'BusinessSummary', ...state.business } : null,
          registrationLocked: state.locked,
          registrationFailedAttempts: state.failedAttempts,
          activationKeysConnection: connectionOf('ActivationKeySummary', state.keys),
          auditTrailConnection: connectionOf('BusinessAuditEvent', state.audit),
        },
      },
    }),
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}

/** The type and title of the GCDS notice around some text (React sets them as properties). */
function notice(inside: Element) {
  const host = inside.closest('gcds-notice') as (Element & { type?: string; noticeTitle?: string }) | null;
  return { type: host?.type, title: host?.noticeTitle };
}

function rowTexts(table: HTMLElement): string[] {
  return within(table)
    .getAllByRole('row')
    .map((row) => row.textContent ?? '');
}

describe('officer business search', () => {
  it('searches by the term in the URL and lists the results, each linking to the business', async () => {
    renderRoute('/en/officer/businesses?q=678', [
      searchMock('678', [
        searchResult(),
        searchResult({
          businessNumber: '678000001',
          legalName: 'Zed Imports Ltd.',
          business: { __typename: 'BusinessSummary', id: 'b-1' },
          registrationLocked: false,
          registrationFailedAttempts: 2,
        }),
      ]),
      ...officer,
    ]);

    const table = await screen.findByRole('table', { name: 'Businesses matching "678" (2)' });
    expect(rowTexts(table)).toEqual([
      'Business numberLegal nameOn the portalRegistration lockedFailed attempts',
      "678901235O'Brien & Sons Trading Ltd.Not registeredYes10",
      '678000001Zed Imports Ltd.RegisteredNo2',
    ]);
    expect(within(table).getAllByRole('rowheader')).toHaveLength(2);
    const link = within(table).getByText(bn).closest('gcds-link');
    await waitFor(() => expect(shadowHref(link)).toBe(`/en/officer/businesses/${bn}`));
    expect(screen.getByText('Search results for "678": 2')).toBeInTheDocument();
    expect(document.title).toBe('Businesses - Passerelle client portal');
    // The console's navigation: this page is the current one, the other is a link.
    const nav = screen.getByRole('navigation', { name: 'Agency officer console' });
    expect(within(nav).getByText('Businesses')).toHaveAttribute('aria-current', 'page');
    await waitFor(() =>
      expect(shadowHref(within(nav).getByText('Locked credentials').closest('gcds-link'))).toBe(
        '/en/officer',
      ),
    );
    // The term is back in the field.
    expect((await input('Business number or name')).value).toBe('678');
  });

  it('asks the server once for each new term, not again for the one before (decision 0019)', async () => {
    const user = userEvent.setup();
    const asked: string[] = [];
    const counted = (query: string, results: unknown[]): MockLink.MockedResponse => ({
      ...searchMock(query, results),
      result: () => {
        asked.push(query);
        return { data: { officerBusinessSearch: results } };
      },
    });
    renderRoute('/en/officer/businesses?q=678', [
      counted('678', [searchResult()]),
      counted('Zed', [searchResult({ businessNumber: '678000001', legalName: 'Zed Imports Ltd.' })]),
      ...officer,
    ]);

    await screen.findByRole('table', { name: 'Businesses matching "678" (1)' });
    const field = await input('Business number or name');
    await user.type(field, '{Backspace}{Backspace}{Backspace}Zed');
    await user.click(await button('Search'));
    await screen.findByRole('table', { name: 'Businesses matching "Zed" (1)' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(asked).toEqual(['678', 'Zed']);
    // One search form and one set of results, whatever the number of searches (portal issue, defect 2).
    expect(screen.getAllByRole('search')).toHaveLength(1);
    expect(screen.getAllByRole('table')).toHaveLength(1);
  });

  it('leaves no search form behind when the officer moves on to another console page', async () => {
    const user = userEvent.setup();
    const { router } = renderRoute('/en/officer/businesses?q=678', [
      searchMock('678', [searchResult()]),
      searchMock('Zed', [searchResult({ businessNumber: '678000001', legalName: 'Zed Imports Ltd.' })]),
      ...officer,
    ]);
    await screen.findByRole('table', { name: 'Businesses matching "678" (1)' });
    await user.type(await input('Business number or name'), '{Backspace}{Backspace}{Backspace}Zed');
    await user.click(await button('Search'));
    await screen.findByRole('table', { name: 'Businesses matching "Zed" (1)' });

    await act(() => router.navigate('/en/officer/notices'));
    expect(await screen.findByText('Post a notice', { selector: 'gcds-heading' })).toBeInTheDocument();
    expect(screen.queryByRole('search')).not.toBeInTheDocument();
    expect(screen.queryByText('Businesses', { selector: 'gcds-heading' })).not.toBeInTheDocument();
  });

  it('puts the term in the URL, asks for one when empty, and says when nothing matches', async () => {
    const user = userEvent.setup();
    const { router } = renderRoute('/fr/officer/businesses', [searchMock('Nulle part', []), ...officer]);

    await user.click(await button('Rechercher'));
    await waitFor(() =>
      expect(summaryLinks()).toEqual([
        { text: "Entrez un numéro d'entreprise ou un nom d'entreprise.", href: '#query' },
      ]),
    );
    await waitFor(() => expect(document.activeElement?.tagName).toBe('GCDS-ERROR-SUMMARY'));

    await user.type(await input("Numéro d'entreprise ou nom"), ' Nulle part ');
    await user.click(await button('Rechercher'));
    expect(
      await screen.findByText(
        "Aucune entreprise ne correspond à « Nulle part ». Vérifiez le numéro d'entreprise ou essayez une autre partie du nom.",
      ),
    ).toBeInTheDocument();
    expect(router.state.location.search).toBe('?q=Nulle+part');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('says when only the first 20 results are shown', async () => {
    const many = Array.from({ length: 20 }, (_, i) =>
      searchResult({ businessNumber: `1000000${String(i).padStart(2, '0')}`, legalName: `Business ${i}` }),
    );
    renderRoute('/en/officer/businesses?q=e', [searchMock('e', many), ...officer]);
    expect(
      await screen.findByText(
        'Only the first 20 results are shown. Enter more of the business number or name to narrow the search.',
      ),
    ).toBeInTheDocument();
  });
});

describe('officer business page', () => {
  it('shows a locked registration with its audit trail, and unlocks it', async () => {
    const user = userEvent.setup();
    const state = lockedState();
    const unlock: MockLink.MockedResponse = {
      request: { query: OfficerUnlockBusinessRegistrationDocument, variables: { businessNumber: bn } },
      result: () => {
        state.locked = false;
        state.failedAttempts = 0;
        state.audit = [
          // Officers have no personal profile: the API names them ''.
          auditEvent('a4', 'REGISTRATION_UNLOCKED', '', { failedAttempts: '10' }, '2026-03-02T16:00:00Z'),
          ...state.audit,
        ];
        return {
          data: {
            unlockBusinessRegistration: {
              __typename: 'OfficerBusinessPayload',
              view: {
                __typename: 'OfficerBusinessView',
                businessNumber: bn,
                registrationLocked: false,
                registrationFailedAttempts: 0,
              },
              userErrors: [],
            },
          },
        };
      },
    };
    renderRoute(`/en/officer/businesses/${bn}`, [businessMock(state), unlock, ...officer]);

    expect(
      await screen.findByText("O'Brien & Sons Trading Ltd.", { selector: 'gcds-heading' }),
    ).toBeInTheDocument();
    expect(document.title).toBe("O'Brien & Sons Trading Ltd. - Passerelle client portal");
    const registration = await screen.findByRole('table', { name: 'Registration state' });
    expect(rowTexts(registration)).toEqual([
      `Business number${bn}`,
      "Legal nameO'Brien & Sons Trading Ltd.",
      'On the portalNot registered',
      'Registration lockedYes: nobody can register this business until it is unlocked',
      'Failed attempts10 of 10',
    ]);

    const audit = screen.getByRole('table', { name: 'Audit trail, newest first (3)' });
    expect(rowTexts(audit)).toEqual([
      'EventDateByDetail',
      'Registration lockedMarch 2, 2026 at 10:31 a.m. ESTSystemFailed attempts: 10',
      'Registration attempt failedMarch 2, 2026 at 10:31 a.m. ESTJane DoeStep: 2, validate the business; Attempt: 10',
      // A type the page does not know yet shows as the server names it.
      'SOMETHING_NEWMarch 2, 2026 at 10:30 a.m. ESTJane Doe',
    ]);
    expect(screen.getByText('No activation key has been issued for this business.')).toBeInTheDocument();
    // Both console pages are links here.
    const nav = screen.getByRole('navigation', { name: 'Agency officer console' });
    await waitFor(() =>
      expect(shadowHref(within(nav).getByText('Businesses').closest('gcds-link'))).toBe(
        '/en/officer/businesses',
      ),
    );

    await user.click(await button('Unlock registration'));

    const body = await screen.findByText(
      'The failed attempts are reset to 0. The business can be registered again.',
    );
    expect(notice(body)).toEqual({
      type: 'success',
      title: "Registration of O'Brien & Sons Trading Ltd. is unlocked",
    });
    await waitFor(() =>
      expect(rowTexts(screen.getByRole('table', { name: 'Registration state' })).slice(3)).toEqual([
        'Registration lockedNo',
        'Failed attempts0 of 10',
      ]),
    );
    expect(screen.queryByText('Unlock registration')).not.toBeInTheDocument();
    expect(rowTexts(screen.getByRole('table', { name: 'Audit trail, newest first (4)' }))[1]).toBe(
      'Registration unlockedMarch 2, 2026 at 11:00 a.m. ESTAccount without a personal profileFailed attempts: 10',
    );
  });

  it('labels the audit trail’s types and facts in the page’s language, never raw codes or ids (issue 14, defect 6)', async () => {
    const state = lockedState();
    state.audit = [
      auditEvent(
        'a9',
        'RELATIONSHIP_ACCEPTED',
        'Jane Doe',
        {
          relationship: '01a2b3c4-0000-7000-8000-000000000001',
          provider: '111111111',
          client: '222222222',
          type: 'PROGRAM_MANAGEMENT',
        },
        '2026-03-02T15:31:00Z',
      ),
      auditEvent(
        'a8',
        'CREDIT_APPLIED',
        'Jane Doe',
        { account: '222222222RM0001', credit: 'C-10', cents: '125050', transactions: '2' },
        '2026-03-02T15:30:00Z',
      ),
    ];
    renderRoute(`/fr/officer/businesses/${bn}`, [businessMock(state), ...officer]);

    const audit = await screen.findByRole('table', { name: /Piste d'audit/ });
    const rows = rowTexts(audit).slice(1);
    expect(rows[0]).toContain("Relation d'affaires acceptée");
    expect(rows[0]).toContain('Fournisseur : 111111111; Client : 222222222; Type : Gestion de programmes');
    expect(rows[1]).toContain('Crédit appliqué');
    expect(rows[1]).toMatch(/Montant : 1\s250,50\s\$; Transactions : 2$/);
    for (const row of rows) {
      expect(row).not.toMatch(/RELATIONSHIP_ACCEPTED|PROGRAM_MANAGEMENT|01a2b3c4|=/);
    }
  });

  it('links a business on the portal to its message threads in the inbox, in each language (issue 15)', async () => {
    const state = { ...lockedState(), business: { id: 'b-7', name: "O'Brien & Sons" } };
    renderRoute(`/fr/officer/businesses/${bn}`, [businessMock(state), ...officer]);
    const link = (await screen.findByText('Fils de messagerie protégée de cette entreprise')).closest(
      'gcds-link',
    );
    await waitFor(() => expect(shadowHref(link)).toBe('/fr/officer/messages?business=b-7'));
  });

  it('shows why an unlock was refused', async () => {
    const user = userEvent.setup();
    const unlock: MockLink.MockedResponse = {
      request: { query: OfficerUnlockBusinessRegistrationDocument, variables: { businessNumber: bn } },
      result: {
        data: {
          unlockBusinessRegistration: {
            __typename: 'OfficerBusinessPayload',
            view: null,
            userErrors: [
              {
                __typename: 'UserError',
                field: ['businessNumber'],
                code: 'REGISTRY_BUSINESS_NOT_FOUND',
                message: 'No business in the registry has this business number.',
              },
            ],
          },
        },
      },
    };
    renderRoute(`/en/officer/businesses/${bn}`, [businessMock(lockedState()), unlock, ...officer]);
    await user.click(await button('Unlock registration'));
    const body = await screen.findByText('No business in the registry has this business number.');
    expect(notice(body)).toEqual({
      type: 'danger',
      title: "Registration of O'Brien & Sons Trading Ltd. could not be unlocked",
    });
  });

  it('issues an activation key, shows it once, and shows the server’s user errors', async () => {
    const user = userEvent.setup();
    const state = lockedState();
    let attempt = 0;
    const issue: MockLink.MockedResponse = {
      request: {
        query: OfficerIssueActivationKeyDocument,
        variables: { input: { businessNumber: bn, contactName: 'Siobhán Murphy' } },
      },
      maxUsageCount: 2,
      result: () => {
        attempt += 1;
        if (attempt === 1) {
          return {
            data: {
              issueActivationKey: {
                __typename: 'IssueActivationKeyPayload',
                activationKey: null,
                userErrors: [
                  {
                    __typename: 'UserError',
                    field: ['input', 'contactName'],
                    code: 'REQUIRED',
                    message: 'Enter the name of the contact.',
                  },
                ],
              },
            },
          };
        }
        state.keys = [
          {
            __typename: 'ActivationKeySummary',
            id: 'k-1',
            contactName: 'Siobhán Murphy',
            issuedAt: '2026-03-02T16:00:00Z',
            expiresAt: '2026-03-16T16:00:00Z',
            usedAt: null,
          },
        ];
        return {
          data: {
            issueActivationKey: {
              __typename: 'IssueActivationKeyPayload',
              activationKey: {
                __typename: 'IssuedActivationKey',
                key,
                businessNumber: bn,
                contactName: 'Siobhán Murphy',
                expiresAt: '2026-03-16T16:00:00Z',
              },
              userErrors: [],
            },
          },
        };
      },
    };
    const { router } = renderRoute(`/en/officer/businesses/${bn}`, [businessMock(state), issue, ...officer]);

    // Nothing typed: refused here, nothing sent.
    await user.click(await button('Issue an activation key'));
    await waitFor(() =>
      expect(summaryLinks()).toEqual([
        { text: 'Enter the name of the contact who will receive the key.', href: '#contactName' },
      ]),
    );
    // Focus moves to the summary (a moment later): type only once it has.
    await waitFor(() => expect(document.activeElement?.tagName).toBe('GCDS-ERROR-SUMMARY'));

    await user.type(await input('Contact name'), 'Siobhán Murphy');
    // The server refuses the first time: its message shows beside the field and in the summary.
    await user.click(await button('Issue an activation key'));
    await waitFor(() => expect(fieldError(hostById('contactName'))).toBe('Enter the name of the contact.'));
    expect(summaryLinks()).toEqual([{ text: 'Enter the name of the contact.', href: '#contactName' }]);
    expect(screen.queryByText(key)).not.toBeInTheDocument();

    await user.click(await button('Issue an activation key'));
    expect(await screen.findByText(key)).toBeInTheDocument();
    expect(screen.getByText('It expires on March 16, 2026 at 12:00 p.m. EDT.')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Give this key to Siobhán Murphy now: it will not be shown again. If it is lost, issue a new one.',
      ),
    ).toBeInTheDocument();
    await waitFor(() => expect(summaryLinks()).toEqual([]));
    expect((await input('Contact name')).value).toBe('');
    // The list of keys shows the new one, without the key.
    const keys = await screen.findByRole('table', { name: 'Activation keys issued (1)' });
    expect(rowTexts(keys)[1]).toBe(
      'Siobhán MurphyMarch 2, 2026 at 11:00 a.m. ESTMarch 16, 2026 at 12:00 p.m. EDTNot used',
    );

    // Leaving the page and coming back: the key is gone for good.
    await act(() => router.navigate('/en/officer/businesses'));
    await act(() => router.navigate(`/en/officer/businesses/${bn}`));
    await screen.findByRole('table', { name: 'Activation keys issued (1)' });
    expect(screen.queryByText(key)).not.toBeInTheDocument();
  });

  it('says when the registry has no such business', async () => {
    const missing: MockLink.MockedResponse = {
      request: { query: OfficerBusinessDocument, variables: { businessNumber: '999999999' } },
      result: { data: { officerBusiness: null } },
    };
    renderRoute('/fr/officer/businesses/999999999', [missing, ...officer]);
    expect(
      await screen.findByText('Entreprise introuvable', { selector: 'gcds-heading' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        "Le registre de l'agence ne contient aucune entreprise portant le numéro d'entreprise 999999999.",
      ),
    ).toBeInTheDocument();
  });
});
