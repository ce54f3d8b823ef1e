import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { hasChromium, launchChromium, arriveAt } from './support/browser.js';
import { graphql, registerThroughApi } from './support/identity-api.js';
import { createOfficer, officerPassword } from './support/officers.js';
import { startServer, type ServerProcess } from './support/server-process.js';
import { SessionApi } from './support/session-api.js';

type Lang = 'en' | 'fr';

const signInText = {
  en: {
    username: 'Username',
    password: 'Password',
    signIn: 'Sign in',
    cont: 'Continue to the portal',
    accept: 'Accept',
  },
  fr: {
    username: "Nom d'utilisateur",
    password: 'Mot de passe',
    signIn: 'Se connecter',
    cont: 'Continuer vers le portail',
    accept: "J'accepte",
  },
} as const;

/** 32 hex digits in groups of four (docs/businesses.md). */
const activationKeyFormat = /^([0-9A-F]{4}-){7}[0-9A-F]{4}$/;
const personPassword = 'Maple!Leaf7';

/** Signs an officer in through the GCKey page and accepts the terms, as an officer would in a browser. */
async function signInAsOfficer(page: Page, baseUrl: string, lang: Lang, username: string): Promise<void> {
  const text = signInText[lang];
  await page.goto(`${baseUrl}/${lang}/sign-in/gckey`);
  await page.getByRole('textbox', { name: text.username, exact: true }).fill(username);
  await page.getByRole('textbox', { name: text.password, exact: true }).fill(officerPassword);
  await page.getByRole('button', { name: text.signIn, exact: true }).click();
  await arriveAt(page, `${baseUrl}/${lang}/welcome`);
  await page.getByRole('link', { name: text.cont }).click();
  await page.getByRole('button', { name: text.accept, exact: true }).click();
}

/**
 * A person registered through the API, signed in with the cookie+CSRF client, terms accepted, and with
 * the personal profile that business registration and activation keys require.
 */
async function personWithProfile(baseUrl: string, username: string, lang: Lang): Promise<SessionApi> {
  await registerThroughApi(baseUrl, username, personPassword);
  const api = await SessionApi.signIn(baseUrl, username, personPassword);
  const saved = (await api.request(
    'mutation ($input: SavePersonalProfileInput!) { savePersonalProfile(input: $input) { userErrors { code } } }',
    {
      input: {
        firstName: 'Robin',
        lastName: `Tester${lang.toUpperCase()}`,
        phone: '613-555-0101',
        email: `${username.toLowerCase()}@example.ca`,
        emailConfirmation: `${username.toLowerCase()}@example.ca`,
        receiveNoticeEmails: false,
        acceptNoticeTerms: true,
        preferredLanguage: lang.toUpperCase(),
      },
    },
  )) as { savePersonalProfile: { userErrors: unknown[] } };
  expect(saved.savePersonalProfile.userErrors).toEqual([]);
  return api;
}

/** Starts registering a business and fails step 2 (legal name and address) until registration locks. */
async function lockRegistration(api: SessionApi, businessNumber: string): Promise<void> {
  const started = (await api.request(
    `mutation ($input: StartBusinessRegistrationInput!) { startBusinessRegistration(input: $input) {
      registration { id attemptsRemaining } userErrors { code } } }`,
    { input: { businessNumber, programAccountReference: 'RM0001', attest: true } },
  )) as {
    startBusinessRegistration: {
      registration: { id: string; attemptsRemaining: number } | null;
      userErrors: unknown[];
    };
  };
  expect(started.startBusinessRegistration.userErrors).toEqual([]);
  const registrationId = started.startBusinessRegistration.registration?.id;
  expect(started.startBusinessRegistration.registration?.attemptsRemaining).toBe(10);
  const codes: string[] = [];
  for (let attempt = 1; attempt <= 10; attempt++) {
    const validated = (await api.request(
      `mutation ($input: ValidateBusinessInput!) { validateBusiness(input: $input) { userErrors { code } } }`,
      {
        input: {
          registrationId,
          legalName: 'Not The Legal Name Inc.',
          address: { line1: '1 Nowhere Street', country: 'CA' },
        },
      },
    )) as { validateBusiness: { userErrors: Array<{ code: string }> } };
    codes.push(validated.validateBusiness.userErrors.map((e) => e.code).join(','));
  }
  expect(codes).toEqual([...Array<string>(9).fill('BUSINESS_MISMATCH'), 'REGISTRATION_LOCKED']);
}

const consoleText = {
  en: {
    businessNumber: '678901235',
    legalName: "O'Brien & Sons Trading Ltd.",
    lockedTitle: 'Locked credentials',
    businesses: 'Businesses',
    query: 'Business number or name',
    search: 'Search',
    caption: (q: string) => `Businesses matching "${q}" (1)`,
    stateCaption: 'Registration state',
    lockedYes: 'Yes: nobody can register this business until it is unlocked',
    tenOfTen: '10 of 10',
    zeroOfTen: '0 of 10',
    auditLocked: 'Registration locked',
    auditFailed: 'Registration attempt failed',
    auditUnlocked: 'Registration unlocked',
    unlock: 'Unlock registration',
    unlocked: 'The failed attempts are reset to 0. The business can be registered again.',
    contactName: 'Contact name',
    issue: 'Issue an activation key',
    once: (name: string) =>
      `Give this key to ${name} now: it will not be shown again. If it is lost, issue a new one.`,
    keysCaption: 'Activation keys issued (1)',
    expires: /^It expires on /,
  },
  fr: {
    businessNumber: '567890124',
    legalName: 'Les Importations Côté-Lévesque Inc.',
    lockedTitle: 'Justificatifs verrouillés',
    businesses: 'Entreprises',
    query: "Numéro d'entreprise ou nom",
    search: 'Rechercher',
    caption: (q: string) => `Entreprises correspondant à « ${q} » (1)`,
    stateCaption: "État de l'inscription",
    lockedYes: "Oui : personne ne peut inscrire cette entreprise tant qu'elle n'est pas déverrouillée",
    tenOfTen: '10 sur 10',
    zeroOfTen: '0 sur 10',
    auditLocked: 'Inscription verrouillée',
    auditFailed: "Tentative d'inscription échouée",
    auditUnlocked: 'Inscription déverrouillée',
    unlock: "Déverrouiller l'inscription",
    unlocked: "Les tentatives échouées sont remises à 0. L'entreprise peut être inscrite de nouveau.",
    contactName: 'Nom de la personne-ressource',
    issue: "Émettre une clé d'activation",
    once: (name: string) =>
      `Remettez cette clé à ${name} dès maintenant : elle ne sera plus affichée. Si elle est perdue, émettez-en une nouvelle.`,
    keysCaption: "Clés d'activation émises (1)",
    expires: /^Elle expire le /,
  },
} as const;

describe.runIf(hasChromium)('agency officer pages in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const lang of ['en', 'fr'] as const) {
    it(`lets an officer created by the CLI unlock a locked credential (${lang})`, async () => {
      const officer = `Agent${lang}${Date.now() % 100000}`;
      const person = `Verrou${lang}${Date.now() % 100000}`;
      expect(await createOfficer(server.dataDir, officer)).toBe(0);
      await registerThroughApi(server.url, person, personPassword);
      for (let i = 0; i < 5; i++) {
        await graphql(
          server.url,
          'mutation ($i: SignInInput!) { signIn(input: $i) { userErrors { code } } }',
          {
            i: { username: person, password: 'Wrong!Pass1' },
          },
        );
      }

      const text =
        lang === 'en'
          ? { title: 'Locked credentials', unlock: 'Unlock' }
          : { title: 'Justificatifs verrouillés', unlock: 'Déverrouiller' };
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await signInAsOfficer(page, server.url, lang, officer);
        // Officers have no personal profile step in this check: go straight to their page.
        await page.goto(`${server.url}/${lang}/officer`);
        await page.getByRole('heading', { level: 1, name: text.title }).waitFor();
        await page.getByRole('rowheader', { name: person, exact: true }).waitFor();
        await expectNoAxeViolations(page, `${lang} officer: locked credentials`);
        await page
          .getByRole('button', { name: new RegExp(`^${text.unlock}`) })
          .first()
          .click();
        await expect.poll(() => page.getByRole('rowheader', { name: person, exact: true }).count()).toBe(0);
        await expectNoAxeViolations(page, `${lang} officer: after unlock`);
      } finally {
        await context.close();
      }
    });
  }

  for (const lang of ['en', 'fr'] as const) {
    it(`lets an officer find a business, unlock its registration and issue an activation key (${lang})`, async () => {
      const t = consoleText[lang];
      const bn = t.businessNumber;
      const suffix = Date.now() % 100000;
      const officer = `Bureau${lang}${suffix}`;
      const contact = lang === 'en' ? 'Alexandra Whitfield' : 'Geneviève Ouellet';
      expect(await createOfficer(server.dataDir, officer)).toBe(0);

      // Someone fails registration of the business 10 times: it locks.
      const guesser = await personWithProfile(server.url, `Devin${lang}${suffix}`, lang);
      await lockRegistration(guesser, bn);

      let key: string;
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await signInAsOfficer(page, server.url, lang, officer);
        await page.goto(`${server.url}/${lang}/officer`);
        await page.getByRole('heading', { level: 1, name: t.lockedTitle }).waitFor();

        // The console's navigation leads to the business search.
        const nav = page.getByRole('navigation', {
          name: lang === 'en' ? 'Agency officer console' : "Console de l'agent de l'agence",
        });
        await nav.getByRole('link', { name: t.businesses, exact: true }).click();
        await arriveAt(page, `${server.url}/${lang}/officer/businesses`);
        await page.getByRole('heading', { level: 1, name: t.businesses }).waitFor();
        await expectNoAxeViolations(page, `${lang} officer: business search`);

        await page.getByRole('textbox', { name: t.query, exact: true }).fill(bn);
        await page.getByRole('button', { name: t.search, exact: true }).click();
        await arriveAt(page, `${server.url}/${lang}/officer/businesses?q=${bn}`);
        const results = page.getByRole('table', { name: t.caption(bn) });
        await results.waitFor();
        await expectNoAxeViolations(page, `${lang} officer: search results`);
        // The results survive a reload: the term is in the URL.
        await page.reload();
        await results.waitFor();
        expect(await results.getByRole('row').nth(1).getByRole('cell').allTextContents()).toEqual([
          t.legalName,
          lang === 'en' ? 'Not registered' : 'Non inscrite',
          lang === 'en' ? 'Yes' : 'Oui',
          '10',
        ]);

        await results.getByRole('link', { name: bn, exact: true }).click();
        await arriveAt(page, `${server.url}/${lang}/officer/businesses/${bn}`);
        await page.getByRole('heading', { level: 1, name: t.legalName }).waitFor();
        const state = page.getByRole('table', { name: t.stateCaption });
        await state.getByRole('cell', { name: t.lockedYes, exact: true }).waitFor();
        await state.getByRole('cell', { name: t.tenOfTen, exact: true }).waitFor();
        const audit = page.getByRole('table', { name: /^(Audit trail|Piste d'audit)/ });
        await audit.getByRole('rowheader', { name: t.auditLocked, exact: true }).waitFor();
        expect(await audit.getByRole('rowheader', { name: t.auditFailed, exact: true }).count()).toBe(10);
        await expectNoAxeViolations(page, `${lang} officer: locked business`);

        await page.getByRole('button', { name: t.unlock, exact: true }).click();
        await page.getByText(t.unlocked, { exact: true }).waitFor();
        await state.getByRole('cell', { name: t.zeroOfTen, exact: true }).waitFor();
        await audit.getByRole('rowheader', { name: t.auditUnlocked, exact: true }).waitFor();
        expect(await page.getByRole('button', { name: t.unlock, exact: true }).count()).toBe(0);
        await expectNoAxeViolations(page, `${lang} officer: registration unlocked`);

        await page.getByRole('textbox', { name: t.contactName, exact: true }).fill(contact);
        await page.getByRole('button', { name: t.issue, exact: true }).click();
        const shown = page.getByText(activationKeyFormat);
        await shown.waitFor();
        key = (await shown.textContent()) ?? '';
        expect(key).toMatch(activationKeyFormat);
        await page.getByText(t.once(contact), { exact: true }).waitFor();
        await page.getByText(t.expires).waitFor();
        const keys = page.getByRole('table', { name: t.keysCaption });
        await keys.getByRole('rowheader', { name: contact, exact: true }).waitFor();
        await expectNoAxeViolations(page, `${lang} officer: activation key issued`);

        // Shown once: after a reload, the list of keys is there but the key itself is not.
        await page.reload();
        await keys.getByRole('rowheader', { name: contact, exact: true }).waitFor();
        expect(await page.getByText(activationKeyFormat).count()).toBe(0);
        expect(await page.getByText(key).count()).toBe(0);
        await expectNoAxeViolations(page, `${lang} officer: business after reload`);
      } finally {
        await context.close();
      }

      // The key works: a new person redeems it and becomes the business's account manager.
      const holder = await personWithProfile(server.url, `Cle${lang}${suffix}`, lang);
      const redeemed = (await holder.request(
        `mutation ($key: String!) { redeemActivationKey(key: $key) {
          business { businessNumber viewerMembership { role } } userErrors { code } } }`,
        { key },
      )) as {
        redeemActivationKey: {
          business: { businessNumber: string; viewerMembership: { role: string } } | null;
          userErrors: unknown[];
        };
      };
      expect(redeemed.redeemActivationKey.userErrors).toEqual([]);
      expect(redeemed.redeemActivationKey.business).toEqual({
        businessNumber: bn,
        viewerMembership: { role: 'BUSINESS_ACCOUNT_MANAGER' },
      });
    });
  }
});
