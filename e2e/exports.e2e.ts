import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { hasChromium } from './support/browser.js';
import {
  businessManager,
  languageContext,
  serverAndBrowser,
  signInFirstTime,
} from './support/portal-journey.js';

// Bulk exports in the portal (docs/api.md "Bulk exports"): a person starts an export with the keyboard, the
// real server's worker runs it, the list shows it ready, and the file downloads; axe-clean in both languages.

const journeys = {
  en: {
    businessNumber: '345678902',
    person: { firstName: 'Priya', lastName: 'Sharma' },
    text: {
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
  const world = serverAndBrowser();

  describe.each(['en', 'fr'] as const)('in %s', (language) => {
    const journey = journeys[language];
    const t = journey.text;

    it(
      'a person starts an export with the keyboard, sees it ready and downloads it',
      { timeout: 300_000 },
      async () => {
        const { server, browser } = world;
        const { username } = await businessManager(
          server.url,
          language,
          'x',
          journey.person,
          journey.businessNumber,
        );
        const context = await languageContext(browser, language, { acceptDownloads: true });
        const problems: string[] = [];
        try {
          const page = await signInFirstTime(context, server.url, language, username, problems);

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
