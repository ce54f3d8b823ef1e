import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { arriveAt, hasChromium } from './support/browser.js';
import {
  businessManager,
  languageContext,
  serverAndBrowser,
  signInFirstTime,
} from './support/portal-journey.js';

// Demo businesses with one program account, an unapplied credit and a posted transaction it covers.
const journeys = {
  en: {
    businessNumber: '729136333',
    payable: '13743876643379',
    person: { firstName: 'Wen', lastName: 'Okafor' },
    text: {
      finance: 'Financial information',
      transactions: /^Transactions: \d+$/,
      applyCredit: 'Apply a credit',
      payments: 'Apply credits',
      credit: 'Credit to apply',
      remaining: /^Credit remaining after this payment: (.+)$/,
      submit: 'Apply the credit',
      successBody: (amount: string) => `The credit was applied. Credit remaining: ${amount}.`,
    },
  },
  fr: {
    businessNumber: '582056933',
    payable: '16403653890543',
    person: { firstName: 'Étienne', lastName: 'Morin' },
    text: {
      finance: 'Renseignements financiers',
      transactions: /^Transactions : \d+$/,
      applyCredit: 'Appliquer un crédit',
      payments: 'Appliquer des crédits',
      credit: 'Crédit à appliquer',
      remaining: /^Crédit restant après ce paiement : (.+)$/,
      submit: 'Appliquer le crédit',
      successBody: (amount: string) => `Le crédit a été appliqué. Crédit restant : ${amount}.`,
    },
  },
} as const;

describe.runIf(hasChromium)('financial information and apply credits in Chromium', () => {
  const shared = serverAndBrowser();

  describe.each(['en', 'fr'] as const)('in %s', (language) => {
    const journey = journeys[language];
    const t = journey.text;

    it('shows the transactions, then applies a credit to one of them', { timeout: 300_000 }, async () => {
      const { server, browser } = shared;
      const { username } = await businessManager(
        server.url,
        language,
        'f',
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
        await page.getByRole('heading', { level: 1, name: t.finance, exact: true }).waitFor();
        await page.getByRole('table', { name: t.transactions }).waitFor();
        await expect.poll(() => main.getByText(journey.payable).count()).toBeGreaterThan(0);
        await expectNoAxeViolations(page, `${language} financial information`);

        await main.getByRole('link', { name: t.applyCredit, exact: true }).click();
        await page.getByRole('heading', { level: 1, name: t.payments, exact: true }).waitFor();
        const creditSelect = page.getByRole('combobox', { name: t.credit });
        await expect.poll(() => creditSelect.locator('option').count()).toBeGreaterThan(1);
        await page.getByRole('checkbox', { name: new RegExp(`^${journey.payable}`) }).waitFor();
        await expectNoAxeViolations(page, `${language} apply credits (empty)`);
        await creditSelect.selectOption({ index: 1 });
        // GCDS lays the label over its checkbox: click the label, as a person does.
        await main.getByText(new RegExp(`^${journey.payable}`)).click();
        expect(
          await page.getByRole('checkbox', { name: new RegExp(`^${journey.payable}`) }).isChecked(),
        ).toBe(true);
        const remainingLine = main.getByText(t.remaining);
        await remainingLine.waitFor();
        const remaining = t.remaining.exec((await remainingLine.innerText()).trim())?.[1] ?? '';
        expect(remaining).not.toBe('');
        await expectNoAxeViolations(page, `${language} apply credits (filled in)`);

        await page.getByRole('button', { name: t.submit, exact: true }).click();
        await main
          .getByText(t.successBody(remaining))
          .waitFor({ timeout: 10_000 })
          .catch(async (error: unknown) => {
            throw new Error(`not applied: ${await main.innerText()}`, { cause: error });
          });
        await expectNoAxeViolations(page, `${language} apply credits (applied)`);
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    });
  });
});
