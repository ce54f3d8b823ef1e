import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { arriveAt, hasChromium, launchChromium } from './support/browser.js';
import {
  type DemoAccount,
  demoBusiness,
  password,
  personThroughApi,
  registerBusinessThroughApi,
  uniqueUsername,
} from './support/business-api.js';
import { startServer, type ServerProcess } from './support/server-process.js';

/** Each journey's language, person names and demo business (a different one per language). */
const journeys = {
  en: {
    businessNumber: '123456789',
    /** A second business of the same BAM, so that the header offers the business switcher. */
    secondBusinessNumber: '234567891' as string | undefined,
    bam: { firstName: 'Avery', lastName: 'Lindqvist' },
    employee: { firstName: 'Omar', lastName: 'Haddad' },
    /** The contact the BAM adds to RM0001. */
    newContact: 'Jordan Beaulieu',
    text: {
      username: 'Username',
      password: 'Password',
      signIn: 'Sign in',
      continueToPortal: 'Continue to the portal',
      accept: 'Accept',
      signedInAs: 'Signed in as',
      myBusiness: 'My business',
      switchLabel: 'Business you are acting for',
      switch: 'Switch',
      profileTitle: 'Business profile',
      programAccountsLink: 'See the program accounts of the business',
      programAccountsTitle: 'Program accounts',
      accountTitle: (accountNumber: string) => `Program account ${accountNumber}`,
      backToList: 'Back to the program accounts',
      editContacts: 'Edit the contacts of this account',
      contactName: (number: number) => `Name of contact ${number}`,
      contactNames: /^Name of contact \d+$/,
      addContact: 'Add a contact',
      saveContacts: 'Save the contacts',
      contactsSaved: (accountNumber: string) => `The contacts of account ${accountNumber} are up to date.`,
      employeesLink: 'Manage my employees',
      employeesTitle: 'Manage my employees',
      requests: 'Pending access requests (1)',
      approve: (name: string) => `Approve the request of ${name}`,
      role: 'Role',
      editor: 'Editor',
      scope: (account: DemoAccount) => `RM0001 - ${account.name}`,
      send: 'Approve the request',
      approved: (name: string) => `${name} now has access to the business as Editor.`,
      members: (business: string) => `Members of ${business} (2)`,
      noRequests: 'No access request is waiting for a decision.',
    },
  },
  fr: {
    businessNumber: '567890124',
    secondBusinessNumber: undefined as string | undefined,
    bam: { firstName: 'Élise', lastName: 'Gagnon' },
    employee: { firstName: 'Mathieu', lastName: 'Côté' },
    newContact: 'Camille Lavoie',
    text: {
      username: "Nom d'utilisateur",
      password: 'Mot de passe',
      signIn: 'Se connecter',
      continueToPortal: 'Continuer vers le portail',
      accept: "J'accepte",
      signedInAs: 'Connecté en tant que',
      myBusiness: 'Mon entreprise',
      switchLabel: 'Entreprise pour laquelle vous agissez',
      switch: 'Changer',
      profileTitle: "Profil de l'entreprise",
      programAccountsLink: "Consulter les comptes de programme de l'entreprise",
      programAccountsTitle: 'Comptes de programme',
      accountTitle: (accountNumber: string) => `Compte de programme ${accountNumber}`,
      backToList: 'Retour aux comptes de programme',
      editContacts: 'Modifier les personnes-ressources de ce compte',
      contactName: (number: number) => `Nom de la personne-ressource ${number}`,
      contactNames: /^Nom de la personne-ressource \d+$/,
      addContact: 'Ajouter une personne-ressource',
      saveContacts: 'Enregistrer les personnes-ressources',
      contactsSaved: (accountNumber: string) =>
        `Les personnes-ressources du compte ${accountNumber} sont à jour.`,
      employeesLink: 'Gérer mes employés',
      employeesTitle: 'Gérer mes employés',
      requests: "Demandes d'accès en attente (1)",
      approve: (name: string) => `Approuver la demande de ${name}`,
      role: 'Rôle',
      editor: 'Rédacteur',
      scope: (account: DemoAccount) => `RM0001 - ${account.name}`,
      send: 'Approuver la demande',
      approved: (name: string) => `${name} a maintenant accès à l'entreprise à titre de Rédacteur.`,
      members: (business: string) => `Membres de ${business} (2)`,
      noRequests: "Aucune demande d'accès n'attend de décision.",
    },
  },
} as const;

describe.runIf(hasChromium)('manage my employees in Chromium', () => {
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

  describe.each(['en', 'fr'] as const)('in %s', (language) => {
    const journey = journeys[language];
    const t = journey.text;
    const business = demoBusiness(journey.businessNumber);
    const businessName = business.operatingName || business.legalName;
    const rm0001 = business.programAccounts.find((account) => account.accountNumber.endsWith('RM0001'))!;
    const bamName = `${journey.bam.firstName} ${journey.bam.lastName}`;
    const employeeName = `${journey.employee.firstName} ${journey.employee.lastName}`;

    it(
      'a BAM registered through the API changes the contacts of RM0001 and approves an employee as its editor in the browser',
      { timeout: 240_000 },
      async () => {
        // The business account manager: GCKey, profile and business registration, all through the API.
        const bamUsername = uniqueUsername(`${language}b`);
        const bamApi = await personThroughApi(server.url, bamUsername, journey.bam, language);
        await registerBusinessThroughApi(bamApi, business);
        const second = journey.secondBusinessNumber ? demoBusiness(journey.secondBusinessNumber) : undefined;
        if (second) await registerBusinessThroughApi(bamApi, second);

        // The employee asks for access through the API (the onboarding pages are another journey's).
        const employeeUsername = uniqueUsername(`${language}e`);
        const employeeApi = await personThroughApi(server.url, employeeUsername, journey.employee, language);
        const requested = (await employeeApi.request(
          `mutation ($input: RequestEmployerAccessInput!) {
            requestEmployerAccess(input: $input) { accessRequest { status } userErrors { code message } }
          }`,
          { input: { businessNumber: business.businessNumber, reason: 'I file the customs declarations.' } },
        )) as { requestEmployerAccess: { accessRequest: { status: string } | null; userErrors: unknown[] } };
        expect(requested.requestEmployerAccess).toEqual({
          accessRequest: { status: 'PENDING' },
          userErrors: [],
        });

        const context = await browser.newContext({ locale: language === 'fr' ? 'fr-CA' : 'en-CA' });
        try {
          const page = await context.newPage();
          const problems: string[] = [];
          page.on('pageerror', (error) => problems.push(error.message));

          // Sign in, the credential's welcome page, the portal's terms, back to the welcome page.
          await page.goto(`${server.url}/${language}/sign-in/gckey`);
          await page.getByRole('textbox', { name: t.username, exact: true }).fill(bamUsername);
          await page.getByRole('textbox', { name: t.password, exact: true }).fill(password);
          await page.getByRole('button', { name: t.signIn, exact: true }).click();
          await arriveAt(page, `${server.url}/${language}/welcome`);
          await page.getByRole('link', { name: t.continueToPortal }).click();
          await arriveAt(page, `${server.url}/${language}/terms`);
          await page.getByRole('button', { name: t.accept, exact: true }).click();
          await arriveAt(page, `${server.url}/${language}/welcome`);

          // The header says who acts for which business and program account (domain.md §6).
          const who = `${t.signedInAs} ${bamName} (RM0001) / ${businessName} (${business.businessNumber})`;
          await page.getByRole('link', { name: who, exact: true }).waitFor();

          if (second) {
            // Two businesses: the header's switcher changes the business the session acts for, and back.
            const secondName = second.operatingName || second.legalName;
            const switcher = page.getByRole('combobox', { name: t.switchLabel });
            await expectNoAxeViolations(page, `${language} welcome page with the business switcher`);
            await switcher.selectOption({ label: `${secondName} (${second.businessNumber})` });
            await page.getByRole('button', { name: t.switch, exact: true }).click();
            await page
              .getByRole('link', {
                name: `${t.signedInAs} ${bamName} (RM0001) / ${secondName} (${second.businessNumber})`,
                exact: true,
              })
              .waitFor();
            await switcher.selectOption({ label: `${businessName} (${business.businessNumber})` });
            await page.getByRole('button', { name: t.switch, exact: true }).click();
            await page.getByRole('link', { name: who, exact: true }).waitFor();
          }

          // The business profile, the program accounts and the RM0001 profile.
          await page.getByRole('link', { name: t.myBusiness, exact: true }).click();
          await arriveAt(page, `${server.url}/${language}/business`);
          await heading(page, t.profileTitle);
          await page.getByText(business.legalName, { exact: true }).first().waitFor();
          await expectNoAxeViolations(page, `${language} business profile (BAM)`);

          await page.getByRole('link', { name: t.programAccountsLink }).click();
          await arriveAt(page, `${server.url}/${language}/business/program-accounts`);
          await heading(page, t.programAccountsTitle);
          await page.getByRole('link', { name: rm0001.accountNumber, exact: true }).waitFor();
          await expectNoAxeViolations(page, `${language} program accounts`);

          await page.getByRole('link', { name: rm0001.accountNumber, exact: true }).click();
          await heading(page, t.accountTitle(rm0001.accountNumber));
          await expectNoAxeViolations(page, `${language} program account ${rm0001.accountNumber}`);

          // The BAM may edit RM0001: its contacts (the business's own) in a form, the rest read only.
          await page.getByRole('heading', { level: 2, name: t.editContacts, exact: true }).waitFor();
          await page.getByRole('button', { name: t.addContact, exact: true }).waitFor();
          const contactsBefore = await page.getByRole('textbox', { name: t.contactNames }).count();
          const newNumber = contactsBefore + 1;
          await page.getByRole('button', { name: t.addContact, exact: true }).click();
          const newName = page.getByRole('textbox', { name: t.contactName(newNumber), exact: true });
          await newName.fill(journey.newContact);
          await expectNoAxeViolations(page, `${language} contacts form of ${rm0001.accountNumber}`);
          await page.getByRole('button', { name: t.saveContacts, exact: true }).click();
          await page.getByText(t.contactsSaved(rm0001.accountNumber), { exact: true }).waitFor();
          expect(await newName.inputValue()).toBe(journey.newContact);
          await expectNoAxeViolations(page, `${language} contacts of ${rm0001.accountNumber} saved`);

          // Saved on the server: the page loaded again shows the new contact.
          await page.reload();
          await heading(page, t.accountTitle(rm0001.accountNumber));
          const reloaded = page.getByRole('textbox', { name: t.contactName(newNumber), exact: true });
          await expect.poll(() => reloaded.inputValue()).toBe(journey.newContact);
          expect(await page.getByRole('textbox', { name: t.contactNames }).count()).toBe(newNumber);

          // Manage my employees: approve the request as editor of RM0001.
          await page.getByRole('link', { name: t.myBusiness, exact: true }).click();
          await heading(page, t.profileTitle);
          await page.getByRole('link', { name: t.employeesLink, exact: true }).click();
          await arriveAt(page, `${server.url}/${language}/business/employees`);
          await heading(page, t.employeesTitle);
          const requests = page.getByRole('table', { name: t.requests, exact: true });
          await requests.getByRole('rowheader', { name: employeeName, exact: true }).waitFor();
          await expectNoAxeViolations(page, `${language} manage my employees`);

          await page.getByRole('button', { name: t.approve(employeeName), exact: true }).click();
          await page.getByRole('combobox', { name: t.role }).selectOption({ label: t.editor });
          // GCDS lays the label over its checkbox: click the label, as a person does.
          await page.getByText(t.scope(rm0001), { exact: true }).click();
          expect(await page.getByRole('checkbox', { name: t.scope(rm0001), exact: true }).isChecked()).toBe(
            true,
          );
          await expectNoAxeViolations(page, `${language} approve an access request`);
          await page.getByRole('button', { name: t.send, exact: true }).click();

          await page.getByText(t.approved(employeeName), { exact: true }).waitFor();
          await page.getByText(t.noRequests, { exact: true }).waitFor();
          const members = page.getByRole('table', { name: t.members(businessName), exact: true });
          const row = members.getByRole('row').filter({ hasText: employeeName });
          await expect.poll(() => row.textContent()).toContain(t.editor);
          expect(await row.textContent()).toContain('RM0001');
          await expectNoAxeViolations(page, `${language} after approving`);
          expect(problems).toEqual([]);
        } finally {
          await context.close();
        }

        // The employee now belongs to the business, as editor of RM0001.
        const after = (await employeeApi.request(
          '{ me { memberships { role business { businessNumber } programAccounts { accountNumber } } } }',
        )) as { me: { memberships: unknown[] } };
        expect(after.me.memberships).toEqual([
          {
            role: 'EDITOR',
            business: { businessNumber: business.businessNumber },
            programAccounts: [{ accountNumber: rm0001.accountNumber }],
          },
        ]);
      },
    );
  });
});
