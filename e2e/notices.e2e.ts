import { type Browser } from 'playwright-core';
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

const journeys = {
  en: {
    businessNumber: '123456789',
    bam: { firstName: 'Avery', lastName: 'Lindqvist' },
    employee: { firstName: 'Omar', lastName: 'Haddad' },
    text: {
      username: 'Username',
      password: 'Password',
      signIn: 'Sign in',
      continueToPortal: 'Continue to the portal',
      accept: 'Accept',
      bell: 'Notices, 1 unread',
      bellNone: 'Notices',
      listTitle: 'Notices',
      range: '1 to 2 of 2',
      pageOf: 'Page 1 of 1',
      unread: 'Unread:',
      open: 'Go to the page this notice is about',
      previous: 'Previous',
      employeesTitle: 'Manage my employees',
      requests: 'Pending access requests (1)',
    },
  },
  fr: {
    businessNumber: '567890124',
    bam: { firstName: 'Élise', lastName: 'Gagnon' },
    employee: { firstName: 'Mathieu', lastName: 'Côté' },
    text: {
      username: "Nom d'utilisateur",
      password: 'Mot de passe',
      signIn: 'Se connecter',
      continueToPortal: 'Continuer vers le portail',
      accept: "J'accepte",
      bell: 'Avis, 1 non lu',
      bellNone: 'Avis',
      listTitle: 'Avis',
      range: '1 à 2 de 2',
      pageOf: 'Page 1 de 1',
      unread: 'Non lu :',
      open: 'Aller à la page visée par cet avis',
      previous: 'Précédent',
      employeesTitle: 'Gérer mes employés',
      requests: "Demandes d'accès en attente (1)",
    },
  },
} as const;

interface NoticeRows {
  notices: { edges: Array<{ node: { id: string; type: string; subject: string | null; read: boolean } }> };
}

describe.runIf(hasChromium)('notices in Chromium', () => {
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
    const business = demoBusiness(journey.businessNumber);

    it(
      'the BAM sees the bell, opens the notice of an access request and follows it to the pending request',
      { timeout: 240_000 },
      async () => {
        const bamUsername = uniqueUsername(`${language}n`);
        const bamApi = await personThroughApi(server.url, bamUsername, journey.bam, language);
        await registerBusinessThroughApi(bamApi, business);
        const employeeApi = await personThroughApi(
          server.url,
          uniqueUsername(`${language}m`),
          journey.employee,
          language,
        );
        const requested = (await employeeApi.request(
          `mutation ($input: RequestEmployerAccessInput!) {
            requestEmployerAccess(input: $input) { accessRequest { status } userErrors { code message } }
          }`,
          { input: { businessNumber: business.businessNumber, reason: 'I file the customs declarations.' } },
        )) as { requestEmployerAccess: { userErrors: unknown[] } };
        expect(requested.requestEmployerAccess.userErrors).toEqual([]);

        const context = await browser.newContext({ locale: language === 'fr' ? 'fr-CA' : 'en-CA' });
        try {
          const page = await context.newPage();
          const problems: string[] = [];
          page.on('pageerror', (error) => problems.push(error.message));

          await page.goto(`${server.url}/${language}/sign-in/gckey`);
          await page.getByRole('textbox', { name: t.username, exact: true }).fill(bamUsername);
          await page.getByRole('textbox', { name: t.password, exact: true }).fill(password);
          await page.getByRole('button', { name: t.signIn, exact: true }).click();
          await arriveAt(page, `${server.url}/${language}/welcome`);
          await page.getByRole('link', { name: t.continueToPortal }).click();
          await arriveAt(page, `${server.url}/${language}/terms`);
          await page.getByRole('button', { name: t.accept, exact: true }).click();
          await arriveAt(page, `${server.url}/${language}/welcome`);

          // The registration wrote its own notice: read it through the API so that the access request's
          // notice is the one unread.
          const rows = (await bamApi.request(
            `query { notices(first: 10) { edges { node { id type subject read } } } }`,
          )) as NoticeRows;
          const pending = rows.notices.edges.find(({ node }) => node.type === 'DELEGATION_PENDING_ACCESS');
          expect(pending).toBeDefined();
          for (const { node } of rows.notices.edges) {
            if (node.id !== pending!.node.id && !node.read)
              await bamApi.request(`mutation ($id: ID!) { markNoticeRead(id: $id) { unreadCount } }`, {
                id: node.id,
              });
          }
          await page.reload();

          const bell = page.locator('.signed-in-menu').getByRole('link', { name: t.bell });
          await bell.waitFor();
          await expectNoAxeViolations(page, `${language} welcome page with the bell`);
          await bell.click();
          await arriveAt(page, `${server.url}/${language}/notices`);
          await page.getByRole('heading', { level: 1, name: t.listTitle, exact: true }).waitFor();
          await page.getByText(t.range, { exact: true }).waitFor();
          await page.getByText(t.pageOf, { exact: true }).waitFor();
          await page.getByText(t.unread, { exact: true }).waitFor();
          await expectNoAxeViolations(page, `${language} notices list`);

          const subject = pending!.node.subject ?? '';
          await page.getByRole('link', { name: subject, exact: true }).click();
          await arriveAt(page, `${server.url}/${language}/notices/${pending!.node.id}`);
          await page.getByRole('heading', { level: 1, name: subject, exact: true }).waitFor();
          // Opening it marks it read: the bell drops the count.
          await page
            .locator('.signed-in-menu')
            .getByRole('link', { name: t.bellNone, exact: true })
            .waitFor();
          await expectNoAxeViolations(page, `${language} one notice`);

          await page.getByRole('link', { name: t.open, exact: true }).click();
          await arriveAt(page, `${server.url}/${language}/business/employees`);
          await page.getByRole('heading', { level: 1, name: t.employeesTitle, exact: true }).waitFor();
          await page.getByText(t.requests).first().waitFor();
          await expectNoAxeViolations(page, `${language} pending access requests from the notice`);
          expect(problems).toEqual([]);
        } finally {
          await context.close();
        }
      },
    );
  });
});
