import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { arriveAt, hasChromium, launchChromium } from './support/browser.js';
import {
  demoBusiness,
  password,
  personThroughApi,
  registerBusinessThroughApi,
  uniqueUsername,
} from './support/business-api.js';
import { startServer, type ServerProcess } from './support/server-process.js';

// Bulk exports in the portal (docs/api.md "Bulk exports"): a person starts an export with the keyboard, the
// real server's worker runs it, the list shows it ready, and the file downloads; axe-clean in both languages.

const journeys = {
  en: {
    businessNumber: '345678902',
    person: { firstName: 'Priya', lastName: 'Sharma' },
    text: {
      username: 'Username',
      password: 'Password',
      signIn: 'Sign in',
      continueToPortal: 'Continue to the portal',
      accept: 'Accept',
      title: 'Exports',
      empty: 'You have no exports yet.',
      start: 'Start the export',
      started: 'Your export has started. Its progress shows in the list below.',
      table: '1 export, newest first',
      ready: 'Ready',
      download: 'Download My clients and their programs',
    },
  },
  fr: {
    businessNumber: '456789013',
    person: { firstName: 'Geneviève', lastName: 'Leblanc' },
    text: {
      username: "Nom d'utilisateur",
      password: 'Mot de passe',
      signIn: 'Se connecter',
      continueToPortal: 'Continuer vers le portail',
      accept: "J'accepte",
      title: 'Exportations',
      empty: 'Vous n’avez encore aucune exportation.',
      start: 'Lancer l’exportation',
      started: 'Votre exportation est lancée. Son avancement s’affiche dans la liste ci-dessous.',
      table: '1 exportation, de la plus récente à la plus ancienne',
      ready: 'Prête',
      download: 'Télécharger Mes clients et leurs programmes',
    },
  },
} as const;

describe.runIf(hasChromium)('Exports in Chromium', () => {
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

  describe.each(['en', 'fr'] as const)('in %s', (language) => {
    const journey = journeys[language];
    const t = journey.text;

    it(
      'a person starts an export with the keyboard, sees it ready and downloads it',
      { timeout: 300_000 },
      async () => {
        const username = uniqueUsername(`${language}x`);
        const api = await personThroughApi(server.url, username, journey.person, language);
        await registerBusinessThroughApi(api, demoBusiness(journey.businessNumber));
        const context = await browser.newContext({
          locale: language === 'fr' ? 'fr-CA' : 'en-CA',
          acceptDownloads: true,
        });
        const problems: string[] = [];
        try {
          const page: Page = await context.newPage();
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

          await page.goto(`${server.url}/${language}/exports`);
          await page.getByRole('heading', { level: 1, name: t.title, exact: true }).waitFor();
          await page.getByText(t.empty, { exact: true }).waitFor();
          await expectNoAxeViolations(page, `${language} exports (none yet)`);

          // The keyboard alone: Enter on the focused button.
          await page.getByRole('button', { name: t.start, exact: true }).press('Enter');
          await page
            .getByText(t.started, { exact: true })
            .waitFor()
            .catch(async (error: unknown) => {
              throw new Error(`${String(error)} STATUS: ${await page.locator('main').textContent()}`);
            });
          const table = page.getByRole('table', { name: t.table, exact: true });
          await table.waitFor();
          // The server's worker runs it; the page reads the list again while it runs.
          await table.getByText(t.ready, { exact: true }).waitFor({ timeout: 60_000 });
          await expectNoAxeViolations(page, `${language} exports (ready)`);
          const link = page.getByRole('link', { name: t.download, exact: true });
          const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
          const file = await download.path();
          const { readFileSync } = await import('node:fs');
          expect(readFileSync(file, 'utf8').split('\r\n')[0]).toBe(
            'client.businessNumber,client.name,type,since,programAccounts.accountNumber,programAccounts.name',
          );
          expect(problems).toEqual([]);
        } finally {
          await context.close();
        }
      },
    );
  });
});
