import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { arriveAt, hasChromium, launchChromium } from './support/browser.js';
import {
  type DemoAccount,
  type DemoBusiness,
  demoBusiness,
  password,
  personThroughApi,
  registerBusinessThroughApi,
  uniqueUsername,
} from './support/business-api.js';
import { startServer, type ServerProcess } from './support/server-process.js';
import { type SessionApi } from './support/session-api.js';

const nameOf = (business: DemoBusiness) => business.operatingName || business.legalName;

function account(business: DemoBusiness, suffix: string): DemoAccount {
  const found = business.programAccounts.find((candidate) => candidate.accountNumber.endsWith(suffix));
  if (!found) throw new Error(`${business.businessNumber} has no ${suffix}`);
  return found;
}

/**
 * Each journey's language, people and demo businesses: a different provider and client per
 * language, so both journeys share one server.
 */
const journeys = {
  en: {
    providerNumber: '345678902',
    clientNumber: '123456789',
    providerBam: { firstName: 'Priya', lastName: 'Sharma' },
    clientBam: { firstName: 'Avery', lastName: 'Lindqvist' },
    employee: { firstName: 'Omar', lastName: 'Haddad' },
    text: {
      username: 'Username',
      password: 'Password',
      signIn: 'Sign in',
      continueToPortal: 'Continue to the portal',
      accept: 'Accept',
      relationshipsTitle: 'Manage my business relationships',
      businessNumber: 'Business number of the client',
      message: 'Message to the client (optional)',
      messageText: 'We clear your shipments at the border.',
      send: 'Send the request',
      sent: (client: string, bn: string) =>
        `Your request was sent to ${client} (${bn}). It waits for the client's answer.`,
      sentTable: 'Requests sent: 1 in all, page 1',
      receivedTable: 'Requests received: 1 in all, page 1',
      approve: (provider: string) => `Approve the request of ${provider}`,
      programManagement: 'Program management',
      scope: (accountName: string) => `RM0001 - ${accountName}`,
      sendApproval: 'Approve the request',
      approved: (provider: string) =>
        `${provider} can now act for your business. Type of relationship: Program management.`,
      details: (name: string) => `Details of the relationship with ${name}`,
      detailTitle: (provider: string, client: string) => `Relationship between ${provider} and ${client}`,
      timeline: 'Who did what, and when, oldest first',
      requested: 'Request sent',
      accepted: 'Request approved',
      groupsLink: 'Organize clients in groups and assign employees',
      groupsTitle: 'Client groups and assignments',
      groupName: 'Name of the group',
      groupNameValue: 'Importers of Ontario',
      createGroup: 'Create the group',
      groupCreated: (group: string) => `The group ${group} has been created.`,
      employee: 'Employee',
      client: 'Client',
      assign: 'Assign the employee to the client',
      assigned: (employee: string, client: string) => `${employee} is now assigned to ${client}.`,
      clientsTitle: 'Clients I act for',
      accountTitle: (accountNumber: string, accountName: string) =>
        `Program account ${accountNumber} - ${accountName}`,
      notAvailable: 'Not available under this relationship: business profile, program account list,',
      businessProfile: 'Business profile',
      programList: 'Program accounts',
    },
  },
  fr: {
    providerNumber: '456789013',
    clientNumber: '567890124',
    providerBam: { firstName: 'Geneviève', lastName: 'Leblanc' },
    clientBam: { firstName: 'Élise', lastName: 'Gagnon' },
    employee: { firstName: 'Mathieu', lastName: 'Côté' },
    text: {
      username: "Nom d'utilisateur",
      password: 'Mot de passe',
      signIn: 'Se connecter',
      continueToPortal: 'Continuer vers le portail',
      accept: "J'accepte",
      relationshipsTitle: "Gérer mes relations d'affaires",
      businessNumber: "Numéro d'entreprise du client",
      message: 'Message au client (facultatif)',
      messageText: 'Nous dédouanons vos marchandises à la frontière.',
      send: 'Envoyer la demande',
      sent: (client: string, bn: string) =>
        `Votre demande a été envoyée à ${client} (${bn}). Elle attend la réponse du client.`,
      sentTable: 'Demandes envoyées : 1 au total, page 1',
      receivedTable: 'Demandes reçues : 1 au total, page 1',
      approve: (provider: string) => `Approuver la demande de ${provider}`,
      programManagement: 'Gestion de programme',
      scope: (accountName: string) => `RM0001 - ${accountName}`,
      sendApproval: 'Approuver la demande',
      approved: (provider: string) =>
        `${provider} peut maintenant agir pour votre entreprise. Type de relation : Gestion de programme.`,
      details: (name: string) => `Détails de la relation avec ${name}`,
      detailTitle: (provider: string, client: string) => `Relation entre ${provider} et ${client}`,
      timeline: 'Qui a fait quoi, et quand, du plus ancien au plus récent',
      requested: 'Demande envoyée',
      accepted: 'Demande approuvée',
      groupsLink: 'Regrouper les clients et affecter des employés',
      groupsTitle: 'Groupes de clients et affectations',
      groupName: 'Nom du groupe',
      groupNameValue: 'Importateurs du Québec',
      createGroup: 'Créer le groupe',
      groupCreated: (group: string) => `Le groupe ${group} a été créé.`,
      employee: 'Employé',
      client: 'Client',
      assign: "Affecter l'employé au client",
      assigned: (employee: string, client: string) => `${employee} est maintenant affecté à ${client}.`,
      clientsTitle: "Clients pour lesquels j'agis",
      accountTitle: (accountNumber: string, accountName: string) =>
        `Compte de programme ${accountNumber} - ${accountName}`,
      notAvailable:
        "Non accessible dans le cadre de cette relation : profil de l'entreprise, liste des comptes de programme,",
      businessProfile: "Profil de l'entreprise",
      programList: 'Comptes de programme',
    },
  },
} as const;

/** The employee asks the provider for access; the provider's BAM approves as editor of its RM0001. */
async function hireEmployee(
  providerApi: SessionApi,
  employeeApi: SessionApi,
  provider: DemoBusiness,
): Promise<void> {
  const requested = (await employeeApi.request(
    `mutation ($input: RequestEmployerAccessInput!) {
      requestEmployerAccess(input: $input) { accessRequest { id status } userErrors { code message } }
    }`,
    { input: { businessNumber: provider.businessNumber, reason: 'I file the customs declarations.' } },
  )) as {
    requestEmployerAccess: { accessRequest: { id: string; status: string } | null; userErrors: unknown[] };
  };
  expect(requested.requestEmployerAccess.userErrors).toEqual([]);
  const requestId = requested.requestEmployerAccess.accessRequest!.id;
  const business = (await providerApi.request(
    '{ me { activeBusiness { programAccounts { id accountNumber } } } }',
  )) as { me: { activeBusiness: { programAccounts: Array<{ id: string; accountNumber: string }> } } };
  const rm0001 = business.me.activeBusiness.programAccounts.find((candidate) =>
    candidate.accountNumber.endsWith('RM0001'),
  );
  const decided = (await providerApi.request(
    `mutation ($input: DecideAccessRequestInput!) {
      decideAccessRequest(input: $input) { accessRequest { status } userErrors { code message } }
    }`,
    { input: { requestId, approve: true, role: 'EDITOR', programAccountIds: [rm0001?.id] } },
  )) as { decideAccessRequest: { accessRequest: { status: string } | null; userErrors: unknown[] } };
  expect(decided.decideAccessRequest).toEqual({ accessRequest: { status: 'APPROVED' }, userErrors: [] });
}

describe.runIf(hasChromium)('business relationships in Chromium', () => {
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

  async function heading(page: Page, name: string) {
    await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
  }

  /** No error box: no alert and no danger notice on the page. */
  async function expectNoErrorBox(page: Page, where: string) {
    const alerts = await page
      .locator('[role="alert"], gcds-notice[type="danger"]')
      .evaluateAll((elements) =>
        elements.map((element) => element.textContent?.trim() ?? '').filter(Boolean),
      );
    expect({ where, alerts }).toEqual({ where, alerts: [] });
  }

  describe.each(['en', 'fr'] as const)('in %s', (language) => {
    const journey = journeys[language];
    const t = journey.text;
    const provider = demoBusiness(journey.providerNumber);
    const client = demoBusiness(journey.clientNumber);
    const providerName = nameOf(provider);
    const clientName = nameOf(client);
    const clientRm0001 = account(client, 'RM0001');
    const employeeName = `${journey.employee.firstName} ${journey.employee.lastName}`;

    /** Sign in, the credential's welcome page, the portal's terms, back to the welcome page. */
    async function signIn(context: BrowserContext, username: string, problems: string[]): Promise<Page> {
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
      return page;
    }

    it(
      'a broker requests a relationship, the client approves program management of RM0001, the broker assigns an employee, who sees only RM0001',
      { timeout: 300_000 },
      async () => {
        // Through the API: the provider's BAM, the client's BAM, and the provider's employee.
        const providerUsername = uniqueUsername(`${language}p`);
        const providerApi = await personThroughApi(
          server.url,
          providerUsername,
          journey.providerBam,
          language,
        );
        await registerBusinessThroughApi(providerApi, provider);
        const clientUsername = uniqueUsername(`${language}c`);
        const clientApi = await personThroughApi(server.url, clientUsername, journey.clientBam, language);
        await registerBusinessThroughApi(clientApi, client);
        const employeeUsername = uniqueUsername(`${language}e`);
        const employeeApi = await personThroughApi(server.url, employeeUsername, journey.employee, language);
        await hireEmployee(providerApi, employeeApi, provider);

        const locale = language === 'fr' ? 'fr-CA' : 'en-CA';
        const problems: string[] = [];
        const providerContext = await browser.newContext({ locale });
        const clientContext = await browser.newContext({ locale });
        const employeeContext = await browser.newContext({ locale });
        try {
          // (a) The provider's BAM asks the client, by business number, for a relationship.
          const broker = await signIn(providerContext, providerUsername, problems);
          await broker.goto(`${server.url}/${language}/business/relationships`);
          await heading(broker, t.relationshipsTitle);
          await broker.getByRole('textbox', { name: t.businessNumber, exact: true }).waitFor();
          await expectNoAxeViolations(broker, `${language} relationships (provider, nothing yet)`);
          await broker
            .getByRole('textbox', { name: t.businessNumber, exact: true })
            .fill(client.businessNumber);
          await broker.getByRole('textbox', { name: t.message, exact: true }).fill(t.messageText);
          await broker.getByRole('button', { name: t.send, exact: true }).click();
          await broker.getByText(t.sent(clientName, client.businessNumber), { exact: true }).waitFor();
          const sent = broker.getByRole('table', { name: t.sentTable, exact: true });
          await sent.getByRole('rowheader', { name: `${clientName} (${client.businessNumber})` }).waitFor();
          await expectNoAxeViolations(broker, `${language} relationships (provider, request sent)`);

          // (b) The client's BAM approves it: program management of RM0001 only.
          const owner = await signIn(clientContext, clientUsername, problems);
          await owner.goto(`${server.url}/${language}/business/relationships`);
          await heading(owner, t.relationshipsTitle);
          const received = owner.getByRole('table', { name: t.receivedTable, exact: true });
          await received
            .getByRole('rowheader', { name: `${providerName} (${provider.businessNumber})` })
            .waitFor();
          await expectNoAxeViolations(owner, `${language} relationships (client, request received)`);
          await owner.getByRole('button', { name: t.approve(providerName), exact: true }).click();
          // GCDS lays the label over its radio and checkbox: click the label, as a person does.
          await owner.getByText(t.programManagement, { exact: true }).click();
          await owner.getByText(t.scope(clientRm0001.name), { exact: true }).click();
          expect(
            await owner.getByRole('checkbox', { name: t.scope(clientRm0001.name), exact: true }).isChecked(),
          ).toBe(true);
          await expectNoAxeViolations(owner, `${language} approve a relationship`);
          await owner.getByRole('button', { name: t.sendApproval, exact: true }).click();
          await owner.getByText(t.approved(providerName), { exact: true }).waitFor();
          await expectNoAxeViolations(owner, `${language} relationships (client, approved)`);

          // Its page: the details and the timeline.
          await owner
            .getByRole('link', { name: t.details(providerName), exact: true })
            .first()
            .click();
          await heading(owner, t.detailTitle(providerName, clientName));
          expect(owner.url()).toMatch(new RegExp(`/${language}/business/relationships/[^/]+$`));
          const timeline = owner.getByRole('table', { name: t.timeline, exact: true });
          await timeline.getByRole('cell', { name: t.accepted, exact: true }).waitFor();
          await timeline.getByRole('cell', { name: t.requested, exact: true }).waitFor();
          await owner.getByText(t.messageText, { exact: true }).waitFor();
          await expectNoAxeViolations(owner, `${language} relationship page (client)`);

          // (c) The provider's BAM creates a client group and assigns the employee to the client.
          await broker.reload();
          await heading(broker, t.relationshipsTitle);
          await broker.getByRole('link', { name: t.groupsLink, exact: true }).click();
          await arriveAt(broker, `${server.url}/${language}/business/client-groups`);
          await heading(broker, t.groupsTitle);
          await broker.getByRole('textbox', { name: t.groupName, exact: true }).fill(t.groupNameValue);
          await broker.getByRole('button', { name: t.createGroup, exact: true }).click();
          await broker.getByText(t.groupCreated(t.groupNameValue), { exact: true }).waitFor();
          await expectNoAxeViolations(broker, `${language} client groups`);
          await broker
            .getByRole('combobox', { name: t.employee, exact: true })
            .selectOption({ label: employeeName });
          await broker
            .getByRole('combobox', { name: t.client, exact: true })
            .selectOption({ label: `${clientName} (${client.businessNumber})` });
          await broker.getByRole('button', { name: t.assign, exact: true }).click();
          await broker.getByText(t.assigned(employeeName, clientName), { exact: true }).waitFor();
          await expectNoAxeViolations(broker, `${language} client groups (employee assigned)`);

          // (d) The employee picks the client and sees exactly what program management of RM0001 allows.
          const employee = await signIn(employeeContext, employeeUsername, problems);
          await employee.goto(`${server.url}/${language}/clients`);
          await heading(employee, t.clientsTitle);
          await expectNoAxeViolations(employee, `${language} clients I act for`);
          await employee.getByRole('link', { name: clientName, exact: true }).click();
          await heading(employee, clientName);
          expect(employee.url()).toMatch(new RegExp(`/${language}/clients/[^/]+$`));
          await employee
            .getByRole('heading', {
              name: t.accountTitle(clientRm0001.accountNumber, clientRm0001.name),
              exact: true,
            })
            .waitFor();
          await employee.getByText(t.notAvailable).waitFor();
          await employee.getByText(client.businessNumber, { exact: true }).first().waitFor();
          const body = (await employee.locator('main').textContent()) ?? '';
          expect(body).not.toContain(`${client.businessNumber}RT0001`);
          expect(body).not.toContain('RM0002');
          expect(await employee.getByRole('heading', { name: t.businessProfile, exact: true }).count()).toBe(
            0,
          );
          expect(await employee.getByRole('heading', { name: t.programList, exact: true }).count()).toBe(0);
          await expectNoErrorBox(employee, `${language} client page`);
          await expectNoAxeViolations(employee, `${language} client page (program management)`);
          expect(problems).toEqual([]);
        } finally {
          await providerContext.close();
          await clientContext.close();
          await employeeContext.close();
        }
      },
    );
  });
});
