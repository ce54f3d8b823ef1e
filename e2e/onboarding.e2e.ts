import { randomInt } from 'node:crypto';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { arriveAt, hasChromium, launchChromium } from './support/browser.js';
import { registerThroughApi } from './support/identity-api.js';
import { createOfficer, officerPassword } from './support/officers.js';
import { continuesJourneyAbove, startServer, type ServerProcess } from './support/server-process.js';
import { SessionApi } from './support/session-api.js';

type Language = 'en' | 'fr';

/** What the journeys type and read, in the page's language. */
const text = {
  en: {
    signInUsername: 'Username',
    signInPassword: 'Password',
    signIn: 'Sign in',
    continueToPortal: 'Continue to the portal',
    termsAccept: 'Accept',
    setupLink: 'Set up access to a business',
    setupTitle: 'Set up access to a business',
    registerLink: 'Register my business',
    registerTitle: 'Register your business',
    keyLink: 'Enter my activation key',
    keyTitle: 'Enter your activation key',
    businessNumber: 'Business number',
    reference: 'Program account reference (RM)',
    attest: (name: string) =>
      new RegExp(`^I, ${name}, attest that I am authorized to act on behalf of the business`),
    continue: 'Continue',
    legalName: 'Legal name of the business',
    line1: 'Address line 1',
    line2: 'Address line 2',
    poBox: 'PO box or rural route',
    country: 'Country',
    // Anchored at the end: the error messages say it too, followed by a period.
    attempts: (count: number) => new RegExp(`Attempts remaining: ${count}$`),
    mismatch:
      /^The legal name or the address does not match the business’s record exactly .*Attempts left: 9\.$/,
    transaction: /^Total duties and taxes that were due for transaction (\d{14})/,
    payment: 'Amount of the latest payment',
    balance: 'Balance of the latest statement of account',
    register: 'Register the business',
    symbol:
      'Enter the amount without a dollar sign ($) or comma (,): digits and at most one decimal point, for example 1234.56.',
    registered: 'Your business is registered',
    bam: (name: string, bn: string) => `You are now the Business Account Manager of ${name} (${bn}).`,
    profileLink: 'View the business profile',
    key: 'Activation key',
    useKey: 'Use my activation key',
    keyAccepted: 'Your activation key has been accepted',
    keyUsed: 'This activation key was already used. Ask the agency for a new one.',
  },
  fr: {
    signInUsername: "Nom d'utilisateur",
    signInPassword: 'Mot de passe',
    signIn: 'Se connecter',
    continueToPortal: 'Continuer vers le portail',
    termsAccept: "J'accepte",
    setupLink: "Configurer l'accès à une entreprise",
    setupTitle: "Configurer l'accès à une entreprise",
    registerLink: 'Inscrire mon entreprise',
    registerTitle: 'Inscrire votre entreprise',
    keyLink: "Entrer ma clé d'activation",
    keyTitle: "Entrer votre clé d'activation",
    businessNumber: "Numéro d'entreprise",
    reference: 'Numéro de référence du programme (RM)',
    attest: (name: string) =>
      new RegExp(
        `^Je, ${name}, atteste que je suis par la présente autorisé\\(e\\) à agir au nom de l'entreprise`,
      ),
    continue: 'Continuer',
    legalName: "Dénomination sociale de l'entreprise",
    line1: "Ligne d'adresse 1",
    line2: "Ligne d'adresse 2",
    poBox: 'Case postale ou route rurale',
    country: 'Pays',
    attempts: (count: number) => new RegExp(`Tentatives restantes : ${count}$`),
    mismatch: /ne correspond pas exactement au dossier de l’entreprise .*Tentatives restantes : 9\.$/,
    transaction: /^Total des droits et taxes qui étaient dus pour la transaction (\d{14})/,
    payment: 'Montant du dernier paiement',
    balance: 'Solde du dernier relevé de compte',
    register: "Inscrire l'entreprise",
    symbol:
      'Entrez le montant sans symbole du dollar ($) ni virgule (,) : des chiffres et au plus un point décimal, par exemple 1234.56.',
    registered: 'Votre entreprise est inscrite',
    bam: (name: string, bn: string) =>
      `Vous êtes maintenant le gestionnaire de compte d'entreprise de ${name} (${bn}).`,
    profileLink: "Consulter le profil de l'entreprise",
    key: "Clé d'activation",
    useKey: "Utiliser ma clé d'activation",
    keyAccepted: "Votre clé d'activation a été acceptée",
    keyUsed: 'Cette clé d’activation a déjà été utilisée. Demandez-en une nouvelle à l’Agence.',
  },
} as const;

/** A demo business of docs/reference-data.md, with what its registration asks. */
interface DemoBusiness {
  businessNumber: string;
  /** The portal's name for it: the operating name, else the legal name. */
  name: string;
  legalName: string;
  /** Close but not exact: a failed attempt. */
  wrongLegalName: string;
  address: { line1: string; line2?: string; poBox?: string; country: string };
  /** The 5 most recent transactions of RM0001 and their duties and taxes. */
  transactions: Record<string, string>;
  latestPayment: string;
  statementBalance?: string;
}

const northernLights: DemoBusiness = {
  businessNumber: '123456789',
  name: 'Northern Lights',
  legalName: 'Northern Lights Imports Inc.',
  wrongLegalName: 'Northern Lights Imports Inc',
  address: { line1: '240 Sparks Street', line2: 'Suite 1200', country: 'CA' },
  transactions: {
    '13409539086039': '4829.15',
    '13409539085981': '12500.00',
    '13409539085874': '0.00',
    '13409539085760': '3678.42',
    '13409539085652': '915.75',
  },
  latestPayment: '12345.67',
  statementBalance: '8765.43',
};

const tremblay: DemoBusiness = {
  businessNumber: '234567891',
  name: 'Épicerie fine Tremblay',
  legalName: 'Marie-Ève Tremblay',
  wrongLegalName: 'Marie-Eve Tremblay',
  address: { line1: '1452 Rang Saint-Joseph', poBox: 'RR 2', country: 'CA' },
  transactions: {
    '20417730051128': '183.42',
    '20417730051096': '75.19',
    '20417730051044': '0.00',
    '20417730050987': '260.04',
    '20417730050932': '48.75',
  },
  latestPayment: '75.19',
};

/** Letters only, none from the password, so no 3 consecutive characters are shared with it. */
function uniqueUsername(prefix: string): string {
  const alphabet = 'bdghjknquvwxyz';
  let suffix = '';
  for (let i = 0; i < 10; i++) suffix += alphabet[randomInt(alphabet.length)];
  return `${prefix}${suffix}`;
}

const password = 'Maple!Leaf7';

describe.runIf(hasChromium)('first setup journeys in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
  });

  /**
   * A person with a GCKey, the terms accepted and a personal profile, all through the API (the identity
   * journeys test those pages), then signed in in the browser: the welcome page offers the first setup.
   */
  async function personAtWelcome(language: Language, firstName: string, lastName: string) {
    const t = text[language];
    const username = uniqueUsername(`qx${language}`);
    await registerThroughApi(server.url, username, password);
    const api = await SessionApi.signIn(server.url, username, password);
    const saved = (await api.request(
      'mutation ($input: SavePersonalProfileInput!) { savePersonalProfile(input: $input) { userErrors { code } } }',
      {
        input: {
          firstName,
          lastName,
          phone: '613-555-0100',
          email: `${username}@example.ca`,
          emailConfirmation: `${username}@example.ca`,
          receiveNoticeEmails: false,
          acceptNoticeTerms: true,
          preferredLanguage: language.toUpperCase(),
        },
      },
    )) as { savePersonalProfile: { userErrors: unknown[] } };
    expect(saved.savePersonalProfile.userErrors).toEqual([]);

    const context = await browser.newContext({ locale: language === 'fr' ? 'fr-CA' : 'en-CA' });
    contexts.push(context);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await page.goto(`${server.url}/${language}/sign-in/gckey`);
    await field(page, t.signInUsername).fill(username);
    await field(page, t.signInPassword).fill(password);
    await page.getByRole('button', { name: t.signIn, exact: true }).click();
    await arriveAt(page, `${server.url}/${language}/welcome`);
    await page.getByRole('link', { name: t.continueToPortal }).click();
    await arriveAt(page, `${server.url}/${language}/terms`);
    await page.getByRole('button', { name: t.termsAccept, exact: true }).click();
    await arriveAt(page, `${server.url}/${language}/welcome`);
    await page.getByRole('heading', { level: 2, name: t.setupLink }).waitFor();
    await expectNoAxeViolations(page, `${language} welcome with the first setup offered`);
    await page.getByRole('link', { name: t.setupLink }).click();
    await arriveAt(page, `${server.url}/${language}/setup`);
    await heading(page, t.setupTitle);
    await expectNoAxeViolations(page, `${language} first setup`);
    return { page, problems };
  }

  async function heading(page: Page, name: string) {
    await page.getByRole('heading', { level: 1, name }).waitFor();
  }

  // By role and name: GCDS puts each label in its own shadow root, where getByLabel does not follow it.
  const field = (page: Page, label: string | RegExp) =>
    page.getByRole('textbox', { name: label, exact: typeof label === 'string' });

  async function registerBusiness(language: Language, person: string, business: DemoBusiness) {
    const t = text[language];
    const [firstName = '', lastName = ''] = person.split(' ');
    const { page, problems } = await personAtWelcome(language, firstName, lastName);
    await page.getByRole('link', { name: t.registerLink }).click();
    await arriveAt(page, `${server.url}/${language}/setup/register`);
    await heading(page, t.registerTitle);

    // Step 1: the attestation names the person.
    await field(page, t.businessNumber).fill(business.businessNumber);
    await field(page, t.reference).fill('RM0001');
    await page.getByText(t.attest(person)).click();
    expect(await page.getByRole('checkbox', { name: t.attest(person) }).isChecked()).toBe(true);
    await expectNoAxeViolations(page, `${language} registration step 1`);
    await page.getByRole('button', { name: t.continue, exact: true }).click();

    // Step 2: a near miss first (a failed attempt), then the exact legal name and address.
    await field(page, t.legalName).waitFor();
    await page.getByText(t.attempts(10)).waitFor();
    await field(page, t.legalName).fill(business.wrongLegalName);
    await field(page, t.line1).fill(business.address.line1);
    if (business.address.line2) await field(page, t.line2).fill(business.address.line2);
    if (business.address.poBox) await field(page, t.poBox).fill(business.address.poBox);
    await page.getByRole('combobox', { name: t.country }).selectOption(business.address.country);
    await expectNoAxeViolations(page, `${language} registration step 2`);
    await page.getByRole('button', { name: t.continue, exact: true }).click();
    await page.getByText(t.attempts(9)).waitFor();
    await page.getByText(t.mismatch).first().waitFor();
    await expectNoAxeViolations(page, `${language} registration step 2 after a mismatch`);
    await field(page, t.legalName).fill(business.legalName);
    await page.getByRole('button', { name: t.continue, exact: true }).click();

    // Step 3: the transaction shown is one of the 5 most recent; a formatted amount is refused as such.
    const question = page.getByText(t.transaction).first();
    await question.waitFor();
    await page.getByText(t.attempts(9)).waitFor();
    const transactionNumber = t.transaction.exec((await question.textContent()) ?? '')?.[1] ?? '';
    const total = business.transactions[transactionNumber];
    expect(total, `transaction ${transactionNumber}`).toBeDefined();
    const totalField = field(page, t.transaction);
    await totalField.fill(`$${Number(total).toLocaleString('en-CA', { minimumFractionDigits: 2 })}`);
    await field(page, t.payment).fill(business.latestPayment);
    if (business.statementBalance) await field(page, t.balance).fill(business.statementBalance);
    else expect(await field(page, t.balance).count()).toBe(0);
    await page.getByRole('button', { name: t.register, exact: true }).click();
    await page.getByText(t.symbol).first().waitFor();
    await expectNoAxeViolations(page, `${language} registration step 3 with a formatted amount`);
    await totalField.fill(total ?? '');
    await page.getByRole('button', { name: t.register, exact: true }).click();

    await page.getByText(t.registered).waitFor();
    await page.getByText(t.bam(business.name, business.businessNumber)).waitFor();
    await page.getByText(business.legalName, { exact: false }).first().waitFor();
    await page.getByRole('link', { name: t.profileLink }).waitFor();
    await expectNoAxeViolations(page, `${language} registration complete`);
    expect(problems).toEqual([]);
  }

  it('registers Northern Lights Imports Inc. in English, after a near-miss legal name and a formatted amount', async () => {
    await registerBusiness('en', 'Jane Tremblay', northernLights);
  });

  it('lets an employee request access to the business registered above, then cancel the request', async () => {
    continuesJourneyAbove();
    // Needs the previous journey: 123456789 is registered on the portal only once someone registered it.
    const { page, problems } = await personAtWelcome('en', 'Noah', 'Gagnon');
    await page.getByRole('link', { name: 'Request access to my employer' }).click();
    await arriveAt(page, `${server.url}/en/setup/request-access`);
    await heading(page, 'Request access to my employer');
    await field(page, 'Business number of your employer').fill('999999999');
    await page.getByRole('button', { name: 'Find the business', exact: true }).click();
    await page
      .getByText('No business with this business number is registered on the portal.', { exact: false })
      .first()
      .waitFor();
    await expectNoAxeViolations(page, 'en request access: no such business');

    await field(page, 'Business number of your employer').fill(northernLights.businessNumber);
    await page.getByRole('button', { name: 'Find the business', exact: true }).click();
    await page.getByText('Business found: Northern Lights (123456789)').waitFor();
    await page.getByRole('button', { name: 'Send my request', exact: true }).click();
    await page.getByText('Enter the reason for your request.').first().waitFor();
    await expectNoAxeViolations(page, 'en request access: reason required');
    await page
      .getByRole('textbox', { name: /^Why do you need access\?/ })
      .fill('I clear the shipments of Northern Lights.');
    await page.getByRole('button', { name: 'Send my request', exact: true }).click();
    await page.getByText('Your access request has been sent').waitFor();
    await page.getByText(/^Status: Pending\. Sent on /).waitFor();
    await expectNoAxeViolations(page, 'en request access: sent');

    await page.getByRole('link', { name: 'Back to setting up access to a business' }).click();
    await arriveAt(page, `${server.url}/en/setup`);
    const row = page.getByRole('row', { name: /Northern Lights \(123456789\)/ });
    await row.getByRole('cell', { name: 'Pending', exact: true }).waitFor();
    await expectNoAxeViolations(page, 'en first setup with a pending request');
    await row.getByRole('button', { name: 'Cancel the request for Northern Lights' }).click();
    await page.getByText('Your access request for Northern Lights has been cancelled.').waitFor();
    await row.getByRole('cell', { name: 'Cancelled', exact: true }).waitFor();
    await expectNoAxeViolations(page, 'en first setup after cancelling the request');
    expect(problems).toEqual([]);
  });

  it('registers the sole proprietor Marie-Ève Tremblay in French, with two questions', async () => {
    await registerBusiness('fr', 'Marie-Ève Tremblay', tremblay);
  });

  describe.each([
    ['en', '345678902', 'Maple Leaf Customs'],
    ['fr', '456789013', 'Harbourview Trade Consulting Inc.'],
  ] as const)('activation key (%s)', (language, businessNumber, businessName) => {
    it('makes the person Business Account Manager; the same key then says it was used', async () => {
      const t = text[language];
      const officer = `Agent${language}${Date.now() % 100000}`;
      expect(await createOfficer(server.dataDir, officer)).toBe(0);
      const desk = await SessionApi.signIn(server.url, officer, officerPassword);
      const issued = (await desk.request(
        'mutation ($input: IssueActivationKeyInput!) { issueActivationKey(input: $input) { activationKey { key businessNumber } userErrors { code message } } }',
        { input: { businessNumber, contactName: 'Alex Martin' } },
      )) as {
        issueActivationKey: {
          activationKey: { key: string; businessNumber: string } | null;
          userErrors: unknown[];
        };
      };
      expect(issued.issueActivationKey.userErrors).toEqual([]);
      const key = issued.issueActivationKey.activationKey?.key ?? '';
      expect(key).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){7}$/);

      const first = await personAtWelcome(language, 'Alex', 'Martin');
      await first.page.getByRole('link', { name: t.keyLink }).click();
      await arriveAt(first.page, `${server.url}/${language}/setup/activation-key`);
      await heading(first.page, t.keyTitle);
      await expectNoAxeViolations(first.page, `${language} activation key`);
      // Typed loosely, as read over the phone: lower case, no hyphens.
      await field(first.page, t.key).fill(key.replace(/-/g, '').toLowerCase());
      await first.page.getByRole('button', { name: t.useKey, exact: true }).click();
      await first.page.getByText(t.keyAccepted).waitFor();
      await first.page.getByText(t.bam(businessName, businessNumber)).waitFor();
      await expectNoAxeViolations(first.page, `${language} activation key accepted`);
      expect(first.problems).toEqual([]);

      const second = await personAtWelcome(language, 'Sam', 'Roy');
      await second.page.goto(`${server.url}/${language}/setup/activation-key`);
      await heading(second.page, t.keyTitle);
      await field(second.page, t.key).fill(key);
      await second.page.getByRole('button', { name: t.useKey, exact: true }).click();
      await second.page.getByText(t.keyUsed).first().waitFor();
      await expectNoAxeViolations(second.page, `${language} activation key already used`);
      expect(second.problems).toEqual([]);
    });
  });
});
