import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { arriveAt, hasChromium } from './support/browser.js';
import {
  businessManager,
  languageContext,
  serverAndBrowser,
  signInFirstTime,
} from './support/portal-journey.js';
import { createOfficer, officerPassword } from './support/officers.js';
import { SessionApi } from './support/session-api.js';

// Secure messaging and correspondence (issue 15, decisions 0030 and 0038): a BAM writes to the agency with a
// file attached; an officer answers from the inbox; the BAM is told under the bell, opens the notice and
// reads the answer in the thread; the BAM reads the letter the portal wrote when the agency issued an
// activation key. In English and in French, with axe on every page of the way.

const journeys = {
  en: {
    businessNumber: '123456789',
    bam: { firstName: 'Avery', lastName: 'Lindqvist' },
    text: {
      newTitle: 'New message',
      subject: 'Subject',
      category: 'What is it about?',
      body: 'Your message',
      attach: 'Attach files (optional)',
      send: 'Send',
      download: 'Download invoice.pdf',
      replyBody: 'Your reply',
      replySend: 'Send the reply',
      replySent: 'Your reply was sent.',
      bell: /^Notices, \d+ unread$/,
      noticeSubject: 'New message from the agency: Invoice 4471',
      openNotice: 'Go to the page this notice is about',
      agency: /^Agency officer, /,
      lettersTitle: 'Correspondence',
      letterSubject: 'Activation key issued for business number 123456789',
      letterText: 'The agency issued an activation key for business number 123456789',
      letterPdf:
        /^Download the letter “Activation key issued for business number 123456789” as PDF, in English/,
    },
  },
  fr: {
    businessNumber: '567890124',
    bam: { firstName: 'Élise', lastName: 'Gagnon' },
    text: {
      newTitle: 'Nouveau message',
      subject: 'Objet',
      category: 'À quel sujet?',
      body: 'Votre message',
      attach: 'Joindre des fichiers (facultatif)',
      send: 'Envoyer',
      download: 'Télécharger invoice.pdf',
      replyBody: 'Votre réponse',
      replySend: 'Envoyer la réponse',
      replySent: 'Votre réponse a été envoyée.',
      bell: /^Avis, \d+ non lus?$/,
      noticeSubject: 'Nouveau message de l’agence : Invoice 4471',
      openNotice: 'Aller à la page visée par cet avis',
      agency: /^Agent de l'agence, /,
      lettersTitle: 'Correspondance',
      letterSubject: "Clé d'activation émise pour le numéro d'entreprise 567890124",
      letterText: "L'agence a émis une clé d'activation pour le numéro d'entreprise 567890124",
      letterPdf:
        /^Télécharger la lettre «\s?Clé d'activation émise pour le numéro d'entreprise 567890124\s?» en PDF, en français/,
    },
  },
} as const;

const pdf = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

describe.runIf(hasChromium)('secure messaging in Chromium', () => {
  const setup = serverAndBrowser();

  describe.each(['en', 'fr'] as const)('in %s', (language) => {
    const journey = journeys[language];
    const t = journey.text;

    it(
      'a BAM writes with a file; an officer answers from the inbox; the BAM is told and reads the answer and a letter',
      { timeout: 300_000 },
      async () => {
        const { server, browser } = setup;
        const { username } = await businessManager(
          server.url,
          language,
          'm',
          journey.bam,
          journey.businessNumber,
        );
        const officer = `Msg${language}${Date.now() % 100000}`;
        expect(await createOfficer(server.dataDir, officer)).toBe(0);
        // A decision of the agency: the portal writes a letter for it.
        const desk = await SessionApi.signIn(server.url, officer, officerPassword, language);
        await desk.request(
          'mutation ($input: IssueActivationKeyInput!) { issueActivationKey(input: $input) { userErrors { code } } }',
          { input: { businessNumber: journey.businessNumber, contactName: 'Alex Martin' } },
        );

        const bamContext = await languageContext(browser, language);
        const officerContext = await languageContext(browser, language);
        try {
          const problems: string[] = [];
          const page = await signInFirstTime(bamContext, server.url, language, username, problems);
          await page.goto(`${server.url}/${language}/messages/new`);
          await page.getByRole('heading', { level: 1, name: t.newTitle, exact: true }).waitFor();
          await expectNoAxeViolations(page, `${language} BAM: new message`);
          await page.getByRole('textbox', { name: t.subject, exact: true }).fill('Invoice 4471');
          await page.getByRole('combobox', { name: t.category }).selectOption('ACCOUNT_AND_BILLING');
          await page
            .getByRole('textbox', { name: t.body })
            .fill('Please explain the interest on invoice 4471.');
          await page.getByLabel(t.attach).setInputFiles({
            name: 'invoice.pdf',
            mimeType: 'application/pdf',
            buffer: pdf,
          });
          await page.getByRole('button', { name: t.send, exact: true }).click();
          await page.getByRole('heading', { level: 1, name: 'Invoice 4471', exact: true }).waitFor();
          await page.getByText(t.download).waitFor();
          await expectNoAxeViolations(page, `${language} BAM: the thread with its file`);
          const threadUrl = page.url();

          const desktop = await signInFirstTime(officerContext, server.url, language, officer, problems, {
            secret: officerPassword,
            officer: true,
          });
          await desktop.goto(`${server.url}/${language}/officer/messages`);
          await desktop.getByRole('link', { name: 'Invoice 4471', exact: true }).click();
          await desktop.getByRole('heading', { level: 1, name: 'Invoice 4471', exact: true }).waitFor();
          await expectNoAxeViolations(desktop, `${language} officer: the thread`);
          await desktop
            .getByRole('textbox', { name: t.replyBody })
            .fill('The interest runs from the due date.');
          await desktop.getByRole('button', { name: t.replySend, exact: true }).click();
          await desktop.getByText('The interest runs from the due date.').waitFor();
          await expectNoAxeViolations(desktop, `${language} officer: replied`);

          // The BAM is told under the bell, opens the notice, and reads the answer in the thread.
          await page.goto(`${server.url}/${language}/notices`);
          await page.locator('.signed-in-menu').getByRole('link', { name: t.bell }).waitFor();
          await page.getByRole('link', { name: t.noticeSubject, exact: true }).click();
          await page.getByRole('heading', { level: 1, name: t.noticeSubject, exact: true }).waitFor();
          await expectNoAxeViolations(page, `${language} BAM: the notice of the answer`);
          await page.getByRole('link', { name: t.openNotice }).click();
          await arriveAt(page, threadUrl);
          await page.getByText('The interest runs from the due date.').waitFor();
          await page.getByRole('heading', { level: 3, name: t.agency }).waitFor();
          await expectNoAxeViolations(page, `${language} BAM: the answer in the thread`);

          // The letter the portal wrote, listed and read in the page.
          await page.goto(`${server.url}/${language}/correspondence`);
          await page.getByRole('heading', { level: 1, name: t.lettersTitle, exact: true }).waitFor();
          await expectNoAxeViolations(page, `${language} BAM: correspondence`);
          await page.getByRole('link', { name: t.letterSubject, exact: true }).click();
          await page.getByRole('heading', { level: 1, name: t.letterSubject, exact: true }).waitFor();
          await page.getByText(t.letterText).waitFor();
          await expectNoAxeViolations(page, `${language} BAM: the letter`);
          // …and its PDF, rendered by the server in the page's language, downloaded with the BAM's session (the
          // link's accessible name ends with the download icon's label, hence no end anchor).
          const pdfLink = page.getByRole('link', { name: t.letterPdf });
          const href = await pdfLink.evaluate(
            (el) => el.getAttribute('href') ?? (el as HTMLAnchorElement).href,
          );
          const downloaded = await page.evaluate(async (url) => {
            const res = await fetch(url);
            const head = new TextDecoder().decode((await res.arrayBuffer()).slice(0, 5));
            return { status: res.status, type: res.headers.get('content-type'), head };
          }, href);
          expect(downloaded).toEqual({ status: 200, type: 'application/pdf', head: '%PDF-' });
          expect(problems).toEqual([]);
        } finally {
          await bamContext.close();
          await officerContext.close();
        }
      },
    );
  });
});
