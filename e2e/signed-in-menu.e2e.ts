import { type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { arriveAt, hasChromium } from './support/browser.js';
import { languageContext, serverAndBrowser } from './support/portal-journey.js';

// Issue 14: the demo anyone can try, the guided assistant, and the signed-in MENU, in English and French.
// From the landing page a person asks the assistant how to register a business, then signs in with one
// click as the demo's customs broker, and opens every entry of the signed-in menu and every hub of the
// MENU page: each opens its page, with focus on its h1 and no axe violation.

const text = {
  en: {
    assistantLink: 'Ask the guided assistant',
    question: 'Your question',
    ask: 'Ask',
    registerQuestion: 'how do I register my business',
    registerAnswer: 'Register your business',
    registerLink: 'Register a business',
    demoBroker: "Sign in as a customs broker's account manager",
    continueToPortal: 'Continue to the portal',
    accept: 'Accept',
    client: 'Prairie Harvest Foods',
    clientFinance: 'Transactions, statements and invoices',
    account: 'Program account',
  },
  fr: {
    assistantLink: "Demander à l'assistant guidé",
    question: 'Votre question',
    ask: 'Demander',
    registerQuestion: 'Comment inscrire mon entreprise?',
    registerAnswer: 'Inscrire votre entreprise',
    registerLink: 'Inscrire une entreprise',
    demoBroker: "Ouvrir une session comme gestionnaire des comptes d'un courtier en douane",
    continueToPortal: 'Continuer vers le portail',
    accept: "J'accepte",
    client: 'Prairie Harvest Foods',
    clientFinance: 'Transactions, relevés et factures',
    account: 'Compte de programme',
  },
} as const;

/** The signed-in menu's entries, in the order it shows them, for the demo's broker (business and clients). */
const menuEntries = [
  'menu',
  'business',
  'finance',
  'claims',
  'clients',
  'messages',
  'correspondence',
  'documents/upload',
  // The bell.
  'notices',
];
const hubs = ['configure', 'accounts', 'finance', 'payments', 'declarations', 'rulings'].map(
  (h) => `menu/${h}`,
);

/** Whether focus is on the page's h1 (a GCDS heading of tag h1, or a plain h1). */
function focusOnH1(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const active = document.activeElement as (HTMLElement & { tag?: string }) | null;
    if (!active) return false;
    if (active.tagName === 'H1') return true;
    return active.tagName === 'GCDS-HEADING' && (active.tag ?? active.getAttribute('tag')) === 'h1';
  });
}

async function opensWithFocus(page: Page, url: string, where: string): Promise<void> {
  await arriveAt(page, url);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  // The app waits up to 10 s for the h1 to be drawn (page-focus.tsx): so does the journey.
  await expect
    .poll(() => focusOnH1(page), { message: `focus on the h1 of ${where}`, timeout: 10_000 })
    .toBe(true);
  await expectNoAxeViolations(page, where);
}

describe.runIf(hasChromium)('the demo, the assistant and the signed-in MENU in Chromium', () => {
  const world = serverAndBrowser({ DEMO_WORLD: 'true' });

  it.each(['en', 'fr'] as const)(
    'in %s: the assistant answers, the demo broker signs in with one click, and every MENU entry and hub opens',
    async (language) => {
      const t = text[language];
      const base = `${world.server.url}/${language}`;
      const context = await languageContext(world.browser, language);
      const problems: string[] = [];
      try {
        const page = await context.newPage();
        page.on('pageerror', (error) => problems.push(error.message));
        page.on('console', (message) => {
          if (message.type() === 'error') problems.push(message.text());
        });
        await page.goto(base);

        // The guided assistant, from the landing page's help panel.
        await page.getByRole('link', { name: t.assistantLink }).click();
        await opensWithFocus(page, `${base}/assistant`, `${language} assistant`);
        await page.getByRole('textbox', { name: t.question }).fill(t.registerQuestion);
        await page.getByRole('button', { name: t.ask, exact: true }).click();
        await page.getByRole('heading', { level: 3, name: t.registerAnswer }).waitFor();
        expect(await page.getByRole('link', { name: t.registerLink }).getAttribute('href')).toBe(
          `/${language}/setup/register`,
        );
        await expectNoAxeViolations(page, `${language} assistant answering`);

        // One click on the landing page's "Try the demo".
        await page.goto(base);
        // The panel is checked here: the other journeys' servers start without the demo world, so their
        // landing page shows none.
        await page.getByRole('button', { name: t.demoBroker }).waitFor();
        await expectNoAxeViolations(page, `${language} landing with the demo panel`);
        await page.getByRole('button', { name: t.demoBroker }).click();
        await arriveAt(page, `${base}/welcome`, world.server);
        await page.getByRole('link', { name: t.continueToPortal }).click();
        await arriveAt(page, `${base}/terms`, world.server);
        await page.getByRole('button', { name: t.accept, exact: true }).click();
        await arriveAt(page, `${base}/welcome`, world.server);

        const menu = page.locator('.signed-in-menu');
        await menu.locator(`a[href="/${language}/clients"]`).waitFor();
        const hrefs = await menu
          .getByRole('link')
          .evaluateAll((links) => links.map((l) => l.getAttribute('href')));
        expect(hrefs.filter((h) => h !== `/${language}/welcome`)).toEqual(
          menuEntries.map((e) => `/${language}/${e}`),
        );

        for (const entry of menuEntries) {
          await menu.locator(`a[href="/${language}/${entry}"]`).click();
          await opensWithFocus(page, `${base}/${entry}`, `${language} ${entry}`);
          if (entry === 'clients') await page.getByText(t.client).first().waitFor();
        }
        for (const hub of hubs) {
          await menu.locator(`a[href="/${language}/menu"]`).click();
          await arriveAt(page, `${base}/menu`);
          await page.locator(`#main-content a[href="/${language}/${hub}"]`).click();
          await opensWithFocus(page, `${base}/${hub}`, `${language} ${hub}`);
        }
        // …and, from a client's page, that client's transactions (issue 14: the demo broker "shows its clients
        // and a client's transactions").
        await menu.locator(`a[href="/${language}/clients"]`).click();
        await arriveAt(page, `${base}/clients`);
        await page.getByRole('link', { name: t.client }).first().click();
        await page.getByRole('heading', { level: 1, name: t.client }).waitFor();
        await page.getByRole('link', { name: t.clientFinance }).click();
        await page.waitForURL(/\/finance\?business=/);
        // The client's RM0001 (its accounts are listed by number, and the first, RC0001, has no transactions).
        await page
          .getByRole('combobox', { name: t.account })
          .selectOption({ label: '422262311RM0001 Prairie Harvest Foods Inc.' });
        await page.getByRole('table', { name: /^Transactions\s?:\s?[1-9]/ }).waitFor();
        await expectNoAxeViolations(page, `${language} a client's transactions`);
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    },
    // It opens every MENU entry and hub (about 20 pages, each checked with axe): like the claims journey, longer
    // than the 60 s default on two busy cores (CI timed it out at 60 s in both languages on 2026-12-07).
    300_000,
  );
});
