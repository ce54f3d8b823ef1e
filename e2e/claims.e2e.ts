import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { arriveAt, hasChromium } from './support/browser.js';
import {
  businessManager,
  languageContext,
  serverAndBrowser,
  signInFirstTime,
} from './support/portal-journey.js';

// Issue 16: a BAM files an adjustment claim from a posted transaction of its program account, reads the
// refund the draft computes, and submits it with the attestation. The demo businesses of finance.e2e.ts
// (one program account, a posted commercial accounting declaration) are used with other people.
const journeys = {
  en: {
    businessNumber: '729136333',
    posted: '13743876643379',
    person: { firstName: 'Ada', lastName: 'Claimant' },
    text: {
      finance: 'Financial information',
      fileClaimOn: (number: string) => `File a claim on transaction ${number}`,
      fileTitle: 'File a claim',
      type: 'Type of claim',
      correction: 'What does the adjustment correct?',
      reason: 'Reason for the claim',
      paid: 'Line 1: duties and taxes paid ($)',
      corrected: 'Line 1: corrected duties and taxes ($)',
      save: 'Save the draft',
      claimTitle: /^Claim 7\d{9}$/,
      refund: '$0.60',
      attest: /^I attest that the information/,
      submit: 'Submit the claim',
      submitted: 'The claim was submitted.',
    },
  },
  fr: {
    businessNumber: '582056933',
    posted: '13152670898846',
    person: { firstName: 'Éloïse', lastName: 'Demandeur' },
    text: {
      finance: 'Renseignements financiers',
      fileClaimOn: (number: string) => `Présenter une demande sur la transaction ${number}`,
      fileTitle: 'Présenter une demande',
      type: 'Type de demande',
      correction: 'Que corrige la révision?',
      reason: 'Motif de la demande',
      paid: 'Ligne 1 : droits et taxes payés ($)',
      corrected: 'Ligne 1 : droits et taxes corrigés ($)',
      save: 'Enregistrer l’ébauche',
      claimTitle: /^Demande 7\d{9}$/,
      refund: '0,60 $',
      attest: /^J’atteste que les renseignements/,
      submit: 'Présenter la demande',
      submitted: 'La demande a été présentée.',
    },
  },
} as const;

describe.runIf(hasChromium)('claims in Chromium', () => {
  const shared = serverAndBrowser();

  describe.each(['en', 'fr'] as const)('in %s', (language) => {
    const journey = journeys[language];
    const t = journey.text;

    it('files an adjustment claim from a transaction and submits it', { timeout: 300_000 }, async () => {
      const { server, browser } = shared;
      const { username } = await businessManager(
        server.url,
        language,
        'c',
        journey.person,
        journey.businessNumber,
      );
      const problems: string[] = [];
      const context = await languageContext(browser, language);
      try {
        const page = await signInFirstTime(context, server.url, language, username, problems);
        const main = page.locator('main');
        await main.getByRole('link', { name: t.finance, exact: true }).click();
        await arriveAt(page, `${server.url}/${language}/finance`);
        await main.getByRole('link', { name: t.fileClaimOn(journey.posted) }).click();
        await page.getByRole('heading', { level: 1, name: t.fileTitle, exact: true }).waitFor();
        await expectNoAxeViolations(page, `${language} file a claim`);

        await page.getByRole('combobox', { name: t.type }).selectOption('ADJUSTMENT');
        await page.getByRole('combobox', { name: t.correction }).selectOption('CLASSIFICATION');
        await page.getByRole('textbox', { name: t.reason }).fill('Wrong heading.');
        await page.getByRole('textbox', { name: t.paid }).fill('1.00');
        await page.getByRole('textbox', { name: t.corrected }).fill('0.40');
        await page.getByRole('button', { name: t.save, exact: true }).click();
        await page.getByRole('heading', { level: 1, name: t.claimTitle }).waitFor({ timeout: 15_000 });
        await expect.poll(() => main.getByText(t.refund).count()).toBeGreaterThan(0);
        await expectNoAxeViolations(page, `${language} claim draft`);

        // GCDS lays the label over its checkbox: click the label, as a person does.
        await main.getByText(t.attest).click();
        await page.getByRole('button', { name: t.submit, exact: true }).click();
        await main.getByText(t.submitted).first().waitFor({ timeout: 10_000 });
        await expectNoAxeViolations(page, `${language} claim submitted`);
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    });
  });
});
