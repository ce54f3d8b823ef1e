import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { hasChromium, launchChromium, arriveAt } from './support/browser.js';
import { graphql, registerThroughApi } from './support/identity-api.js';
import { createOfficer, officerPassword } from './support/officers.js';
import { startServer, type ServerProcess } from './support/server-process.js';

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
      await registerThroughApi(server.url, person, 'Maple!Leaf7');
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
          ? {
              username: 'Username',
              password: 'Password',
              signIn: 'Sign in',
              cont: 'Continue to the portal',
              accept: 'Accept',
              title: 'Locked credentials',
              unlock: 'Unlock',
            }
          : {
              username: "Nom d'utilisateur",
              password: 'Mot de passe',
              signIn: 'Se connecter',
              cont: 'Continuer vers le portail',
              accept: "J'accepte",
              title: 'Justificatifs verrouillés',
              unlock: 'Déverrouiller',
            };
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.goto(`${server.url}/${lang}/sign-in/gckey`);
        await page.getByRole('textbox', { name: text.username, exact: true }).fill(officer);
        await page.getByRole('textbox', { name: text.password, exact: true }).fill(officerPassword);
        await page.getByRole('button', { name: text.signIn, exact: true }).click();
        await arriveAt(page, `${server.url}/${lang}/welcome`);
        await page.getByRole('link', { name: text.cont }).click();
        await page.getByRole('button', { name: text.accept, exact: true }).click();
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
});
