import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { arriveAt, hasChromium, launchChromium } from './support/browser.js';
import { password, personThroughApi, uniqueUsername } from './support/business-api.js';
import { startServer, type ServerProcess } from './support/server-process.js';

const journeys = {
  en: {
    person: { firstName: 'Cal', lastName: 'Estimate' },
    text: {
      username: 'Username',
      password: 'Password',
      signIn: 'Sign in',
      continueToPortal: 'Continue to the portal',
      accept: 'Accept',
      calculatorLink: 'Duties and taxes calculator',
      disclaimer: /does not replace the advice of a professional/,
      search: 'Describe the goods',
      searchWord: 'bicycle',
      searchButton: 'Search',
      use: 'Use 8712.00.00.00',
      classification: 'Classification number',
      value: 'Value for duty',
      valueText: '1234.56',
      submit: 'Validate the data entered',
      summary: 'Summary',
      total: '$230.24',
    },
  },
  fr: {
    person: { firstName: 'Calixte', lastName: 'Estimé' },
    text: {
      username: "Nom d'utilisateur",
      password: 'Mot de passe',
      signIn: 'Se connecter',
      continueToPortal: 'Continuer vers le portail',
      accept: "J'accepte",
      calculatorLink: 'Calculatrice des droits et taxes',
      disclaimer: /ne remplace pas les conseils d'un professionnel/,
      search: 'Décrivez les marchandises',
      searchWord: 'vélo',
      searchButton: 'Rechercher',
      use: 'Utiliser 8712.00.00.00',
      classification: 'Numéro de classement',
      value: 'Valeur en douane',
      valueText: '1234,56',
      submit: 'Valider les données saisies',
      summary: 'Sommaire',
      total: '230,24\u00a0$',
    },
  },
} as const;

describe.runIf(hasChromium)('duties and taxes calculator in Chromium', () => {
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

  it.each(['en', 'fr'] as const)(
    'estimates duties with the classification helper in %s',
    { timeout: 200_000 },
    async (language) => {
      const journey = journeys[language];
      const t = journey.text;
      const username = uniqueUsername(`${language}k`);
      await personThroughApi(server.url, username, journey.person, language);
      const context = await browser.newContext({ locale: language === 'fr' ? 'fr-CA' : 'en-CA' });
      const problems: string[] = [];
      try {
        const page = await context.newPage();
        page.on('pageerror', (error) => problems.push(error.message));
        await page.goto(`${server.url}/${language}/sign-in/gckey`);
        await page.getByRole('textbox', { name: t.username, exact: true }).fill(username);
        await page.getByRole('textbox', { name: t.password, exact: true }).fill(password);
        await page.getByRole('button', { name: t.signIn, exact: true }).click();
        await arriveAt(page, `${server.url}/${language}/welcome`);
        await page.getByRole('link', { name: t.continueToPortal }).click();
        await arriveAt(page, `${server.url}/${language}/terms`);
        await page.getByRole('button', { name: t.accept, exact: true }).click();
        await arriveAt(page, `${server.url}/${language}/welcome`);
        await page.goto(`${server.url}/${language}/calculator`);
        await page.getByRole('heading', { level: 1, name: t.calculatorLink, exact: true }).waitFor();
        await page.getByText(t.disclaimer).waitFor();
        await expectNoAxeViolations(page, `${language} calculator (empty)`);

        await page.getByRole('textbox', { name: t.search }).fill(t.searchWord);
        await page.getByRole('button', { name: t.searchButton, exact: true }).click();
        await page.getByRole('button', { name: t.use, exact: true }).click();
        await expect
          .poll(() => page.getByRole('textbox', { name: t.classification }).inputValue())
          .toBe('8712.00.00.00');
        await expectNoAxeViolations(page, `${language} calculator (helper results)`);
        await page.getByRole('textbox', { name: t.value }).fill(t.valueText);
        await page.getByRole('button', { name: t.submit, exact: true }).click();
        await page.getByRole('heading', { level: 2, name: t.summary, exact: true }).waitFor();
        // 13 % of $1,234.56 = $160.49; GST 5 % of $1,395.05 = $69.75; total $230.24.
        await page.getByText(t.total, { exact: true }).waitFor();
        await expectNoAxeViolations(page, `${language} calculator (estimate)`);
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );
});
