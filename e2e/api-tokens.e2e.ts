import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { hasChromium, launchChromium } from './support/browser.js';
import {
  businessManager,
  languageContext,
  serverAndBrowser,
  signInFirstTime,
} from './support/portal-journey.js';
import { startServer } from './support/server-process.js';

const journeys = {
  en: {
    businessNumber: '345678902',
    bam: { firstName: 'Priya', lastName: 'Sharma' },
    text: {
      title: 'API tokens',
      empty: 'Your business has no API token yet.',
      name: 'Name',
      readWrite: 'Read and write',
      create: 'Create the token',
      copy: 'Copy the token',
      stored: 'I stored it',
      table: '1 token',
      revoke: 'Revoke Customs bridge',
      confirm: 'Yes, revoke it',
      revokedBody: 'Requests with this token are refused from now on.',
    },
  },
  fr: {
    businessNumber: '456789013',
    bam: { firstName: 'Geneviève', lastName: 'Leblanc' },
    text: {
      title: 'Jetons d’API',
      empty: 'Votre entreprise n’a pas encore de jeton d’API.',
      name: 'Nom',
      readWrite: 'Lecture et écriture',
      create: 'Créer le jeton',
      copy: 'Copier le jeton',
      stored: 'Je l’ai conservé',
      table: '1 jeton',
      revoke: 'Révoquer Customs bridge',
      confirm: 'Oui, le révoquer',
      revokedBody: 'Les requêtes avec ce jeton sont désormais refusées.',
    },
  },
} as const;

describe.runIf(hasChromium)('API tokens in Chromium', () => {
  const world = serverAndBrowser();

  const viewerBusiness = async (secret: string) =>
    fetch(`${world.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
      body: JSON.stringify({ query: '{ viewerBusiness { businessNumber } }' }),
    });

  describe.each(['en', 'fr'] as const)('in %s', (language) => {
    const journey = journeys[language];
    const t = journey.text;

    it(
      'a BAM creates a token, copies its secret shown once, a system uses it, and the BAM revokes it',
      { timeout: 300_000 },
      async () => {
        const { server, browser } = world;
        const { username } = await businessManager(
          server.url,
          language,
          't',
          journey.bam,
          journey.businessNumber,
        );
        const context = await languageContext(browser, language);
        await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
        const problems: string[] = [];
        try {
          const page = await signInFirstTime(context, server.url, language, username, problems);

          await page.goto(`${server.url}/${language}/business/api-tokens`);
          await page.getByRole('heading', { level: 1, name: t.title, exact: true }).waitFor();
          await page.getByText(t.empty, { exact: true }).waitFor();
          await expectNoAxeViolations(page, `${language} API tokens (none yet)`);

          await page.getByRole('textbox', { name: t.name }).fill('Customs bridge');
          await page.getByText(t.readWrite, { exact: true }).click();
          await page.getByRole('button', { name: t.create, exact: true }).click();
          const shown = page.getByTestId('api-token-secret');
          await shown.waitFor();
          const secret = (await shown.textContent())?.trim() ?? '';
          expect(secret).toMatch(/^psl_/);
          await expectNoAxeViolations(page, `${language} API tokens (secret shown)`);
          await page.getByRole('button', { name: t.copy, exact: true }).click();
          expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
          await page.getByRole('button', { name: t.stored, exact: true }).click();
          await page.getByTestId('api-token-secret').waitFor({ state: 'detached' });

          // The business's system uses it.
          const used = await viewerBusiness(secret);
          expect(used.status).toBe(200);
          expect(await used.json()).toMatchObject({
            data: { viewerBusiness: { businessNumber: journey.businessNumber } },
          });

          await page.reload();
          const table = page.getByRole('table', { name: t.table, exact: true });
          await table.waitFor();
          await page.getByRole('button', { name: t.revoke, exact: true }).click();
          await expectNoAxeViolations(page, `${language} API tokens (confirm revoking)`);
          await page.getByRole('button', { name: t.confirm, exact: true }).click();
          await page.getByText(t.revokedBody, { exact: true }).waitFor();
          await expectNoAxeViolations(page, `${language} API tokens (revoked)`);
          expect((await viewerBusiness(secret)).status).toBe(401);
          expect(problems).toEqual([]);
        } finally {
          await context.close();
        }
      },
    );
  });
});

describe.runIf(hasChromium)('trusted documents in Chromium', () => {
  it(
    'the built app sends its persisted operations with their ids, and works with TRUSTED_DOCUMENTS=browser',
    { timeout: 120_000 },
    async () => {
      const server = await startServer({ TRUSTED_DOCUMENTS: 'browser' });
      const browser = await launchChromium();
      try {
        const page = await browser.newPage();
        const sent: Array<Promise<{ status: number; id: unknown }>> = [];
        page.on('response', (response) => {
          if (!response.url().endsWith('/graphql')) return;
          const body = response.request().postDataJSON() as {
            extensions?: { persistedDocumentId?: unknown };
          };
          sent.push(Promise.resolve({ status: response.status(), id: body.extensions?.persistedDocumentId }));
        });
        await page.goto(`${server.url}/en/sign-in/gckey`);
        await page.getByRole('textbox', { name: 'Username', exact: true }).waitFor();
        await page.waitForLoadState('networkidle');
        const answers = await Promise.all(sent);
        expect(answers.length).toBeGreaterThan(0);
        for (const answer of answers) {
          expect(answer.status).toBe(200);
          expect(answer.id).toMatch(/^[0-9a-f]{64}$/);
        }
        // Text that is not the app's is refused for a browser.
        const own = await fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ portalInfo { version } }' }),
        });
        expect(own.status).toBe(400);
      } finally {
        await browser.close();
        await server.stop();
      }
    },
  );
});
