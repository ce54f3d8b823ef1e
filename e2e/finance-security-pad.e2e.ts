import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { arriveAt, hasChromium } from './support/browser.js';
import {
  businessManager,
  languageContext,
  serverAndBrowser,
  signInFirstTime,
} from './support/portal-journey.js';

// Demo businesses with one importer account and a financial security on file (a bond, a deposit).
const journeys = {
  en: {
    businessNumber: '202537973',
    account: '202537973RM0001',
    provider: 'Trans-Canada Bonding Ltd.',
    person: { firstName: 'Maya', lastName: 'Thorsen' },
    text: {
      security: 'Financial security',
      onFile: 'Financial security on file for 202537973RM0001',
      amount: 'Amount (CAD)',
      newAmount: '120000.00',
      shownAmount: '$120,000.00',
      effectiveDate: 'Effective date',
      reason: 'Reason for the change',
      submitChange: 'Submit the change request',
      changeSent: /^Your change request was sent to the agency/,
      pending: 'Submitted, waiting for the agency',
      finance: 'Financial information',
      pad: 'Pre-authorized debit',
      holder: 'Name of the account holder',
      institution: 'Financial institution number',
      transit: 'Branch transit number',
      bankAccount: 'Bank account number',
      debitDay: 'Day of the monthly debit',
      day: 'Day 15 of each month',
      acceptTerms: /^I accept the terms of the pre-authorized debit agreement/,
      create: 'Create the agreement',
      created: /^The pre-authorized debit agreement is active\. The bank account ending in 7890/,
      cancel: 'Cancel this agreement',
      confirmTitle: 'Cancel the pre-authorized debit agreement?',
      confirm: 'Yes, cancel the agreement',
      cancelled: /^The pre-authorized debit agreement was cancelled/,
      past: 'Cancelled agreements: 1',
    },
  },
  fr: {
    businessNumber: '719459901',
    account: '719459901RM0001',
    provider: 'Banque Nationale du Canada',
    person: { firstName: 'Océane', lastName: 'Gagnon' },
    text: {
      security: 'Sécurité financière',
      onFile: 'Sécurité financière au dossier de 719459901RM0001',
      amount: 'Montant (CAD)',
      newAmount: '120000,00',
      shownAmount: '120 000,00 $',
      effectiveDate: 'Date d’entrée en vigueur',
      reason: 'Raison de la modification',
      submitChange: 'Envoyer la demande de modification',
      changeSent: /^Votre demande de modification a été envoyée à l’agence/,
      pending: 'Envoyée, en attente de l’agence',
      finance: 'Renseignements financiers',
      pad: 'Débit préautorisé',
      holder: 'Nom du titulaire du compte',
      institution: 'Numéro de l’institution financière',
      transit: 'Numéro de domiciliation (succursale)',
      bankAccount: 'Numéro du compte bancaire',
      debitDay: 'Jour du prélèvement mensuel',
      day: 'Le 15 de chaque mois',
      acceptTerms: /^J’accepte les conditions de l’accord de débit préautorisé/,
      create: 'Créer l’accord',
      created: /^L’accord de débit préautorisé est en vigueur\. Le compte bancaire se terminant par 7890/,
      cancel: 'Annuler cet accord',
      confirmTitle: 'Annuler l’accord de débit préautorisé?',
      confirm: 'Oui, annuler l’accord',
      cancelled: /^L’accord de débit préautorisé a été annulé/,
      past: 'Accords annulés : 1',
    },
  },
} as const;

describe.runIf(hasChromium)('financial security and pre-authorized debit in Chromium', () => {
  const shared = serverAndBrowser();

  describe.each(['en', 'fr'] as const)('in %s', (language) => {
    const journey = journeys[language];
    const t = journey.text;

    it(
      'views the financial security and submits a change, then creates a PAD agreement and cancels it',
      { timeout: 300_000 },
      async () => {
        const { server, browser } = shared;
        const { username } = await businessManager(
          server.url,
          language,
          's',
          journey.person,
          journey.businessNumber,
        );
        const problems: string[] = [];
        const context = await languageContext(browser, language);
        try {
          const page = await signInFirstTime(context, server.url, language, username, problems);
          const main = page.locator('main');

          // From the home page's "most requested" links.
          await main.getByRole('link', { name: t.security, exact: true }).click();
          await arriveAt(page, `${server.url}/${language}/finance/security`);
          await page.getByRole('heading', { level: 2, name: t.onFile, exact: true }).waitFor();
          await main.getByText(journey.provider, { exact: true }).waitFor();
          await expectNoAxeViolations(page, `${language} financial security`);

          await page.getByRole('textbox', { name: t.amount }).fill(t.newAmount);
          await page
            .getByRole('textbox', { name: t.effectiveDate })
            .fill(`${new Date().getFullYear() + 1}-01-15`);
          await page.getByRole('textbox', { name: t.reason }).fill('More imports expected next year.');
          await page.getByRole('button', { name: t.submitChange, exact: true }).click();
          await main
            .getByText(t.changeSent)
            .waitFor({ timeout: 10_000 })
            .catch(async (error: unknown) => {
              throw new Error(`not submitted: ${await main.innerText()}`, { cause: error });
            });
          const row = main.getByRole('row').filter({ hasText: t.pending });
          await row.waitFor();
          // fr-CA groups digits with no-break spaces.
          expect((await row.innerText()).replace(/[\u00a0\u202f]/g, ' ')).toContain(t.shownAmount);
          await expectNoAxeViolations(page, `${language} financial security (change submitted)`);

          // From the financial information page's links.
          await page.getByRole('link', { name: t.finance, exact: true }).first().click();
          await arriveAt(page, `${server.url}/${language}/finance`);
          await main.getByRole('link', { name: t.pad, exact: true }).click();
          await arriveAt(page, `${server.url}/${language}/finance/pad`);
          await page.getByRole('heading', { level: 1, name: t.pad, exact: true }).waitFor();
          await page.getByRole('textbox', { name: t.holder }).waitFor();
          await expectNoAxeViolations(page, `${language} PAD (none yet)`);

          await page.getByRole('textbox', { name: t.holder }).fill(`${journey.person.firstName} Imports`);
          await page.getByRole('textbox', { name: t.institution }).fill('003');
          await page.getByRole('textbox', { name: t.transit }).fill('12345');
          await page.getByRole('textbox', { name: t.bankAccount }).fill('1234567890');
          await page.getByRole('combobox', { name: t.debitDay }).selectOption({ label: t.day });
          // GCDS lays the label over its checkbox: click the label, as a person does.
          await main.getByText(t.acceptTerms).click();
          await page.getByRole('button', { name: t.create, exact: true }).click();
          await main
            .getByText(t.created)
            .waitFor({ timeout: 10_000 })
            .catch(async (error: unknown) => {
              throw new Error(`not created: ${await main.innerText()}`, { cause: error });
            });
          // Masked once entered: only the last four digits come back.
          await main.getByText('••••7890', { exact: true }).waitFor();
          expect(await page.content()).not.toContain('1234567890');
          await expectNoAxeViolations(page, `${language} PAD (active)`);

          await page.getByRole('button', { name: t.cancel, exact: true }).click();
          await page.getByRole('heading', { name: t.confirmTitle, exact: true }).waitFor();
          await expectNoAxeViolations(page, `${language} PAD (confirm cancel)`);
          await page.getByRole('button', { name: t.confirm, exact: true }).click();
          await main.getByText(t.cancelled).waitFor({ timeout: 10_000 });
          await main.getByText(t.past, { exact: true }).waitFor();
          await expectNoAxeViolations(page, `${language} PAD (cancelled)`);
          expect(problems).toEqual([]);
        } finally {
          await context.close();
        }
      },
    );
  });
});
