import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { hasChromium, launchChromium, arriveAt } from './support/browser.js';
import { startServer, type ServerProcess } from './support/server-process.js';

const text = {
  en: {
    continue: 'Continue to your Sign-In Partner',
    account: 'Account name',
    password: 'Password',
    submit: 'Sign in',
    cancel: 'Cancel and return to the portal',
    accept: 'Accept',
    profileHeading: 'Create your personal profile',
  },
  fr: {
    continue: 'Poursuivre vers votre partenaire de connexion',
    account: 'Nom de compte',
    password: 'Mot de passe',
    submit: 'Ouvrir une session',
    cancel: 'Annuler et revenir au portail',
    accept: "J'accepte",
    profileHeading: 'Créer votre profil personnel',
  },
} as const;

describe.runIf(hasChromium)('sign-in partner journey through the bundled identity provider', () => {
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
    it(`signs in with a partner, accepts the terms and reaches the first-time profile (${lang})`, async () => {
      const t = text[lang];
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.goto(`${server.url}/${lang}/sign-in/partner`);
        await page.getByRole('link', { name: t.continue }).waitFor();
        await expectNoAxeViolations(page, page.url());
        await page.getByRole('link', { name: t.continue }).click();

        // The partner's own page, on its own origin, in the portal's language.
        await page.getByLabel(t.account).waitFor();
        expect(new URL(page.url()).origin).not.toBe(server.url);
        expect(await page.locator('html').getAttribute('lang')).toBe(lang);
        await expectNoAxeViolations(page, page.url());
        await page.getByLabel(t.account).fill(`e2e-${lang}-${Date.now()}`);
        await page.getByLabel(t.password).fill('any password');
        await page.getByRole('button', { name: t.submit }).click();

        await arriveAt(page, `${server.url}/${lang}/terms`);
        await page.getByRole('button', { name: t.accept, exact: true }).waitFor();
        await expectNoAxeViolations(page, page.url());
        await page.getByRole('button', { name: t.accept, exact: true }).click();
        await arriveAt(page, `${server.url}/${lang}/profile`);
        await page.getByRole('heading', { level: 1, name: t.profileHeading }).waitFor();
      } finally {
        await context.close();
      }
    });
  }

  it('comes back to the partner page with an explanation when the person cancels', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/fr/sign-in/partner`);
      await page.getByRole('link', { name: text.fr.continue }).click();
      await page.getByRole('button', { name: text.fr.cancel }).click();
      await arriveAt(page, `${server.url}/fr/sign-in/partner?error=PARTNER_CANCELLED`);
      await page.getByRole('alert').waitFor();
      await expectNoAxeViolations(page, page.url());
    } finally {
      await context.close();
    }
  });
});
