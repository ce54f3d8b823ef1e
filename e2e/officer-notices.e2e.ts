import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { arriveAt, hasChromium } from './support/browser.js';
import {
  demoBusiness,
  personThroughApi,
  registerBusinessThroughApi,
  uniqueUsername,
} from './support/business-api.js';
import { createOfficer, officerPassword } from './support/officers.js';
import { languageContext, serverAndBrowser, signInFirstTime } from './support/portal-journey.js';

// An officer posts a notice to one business in the officer console; the business's BAM sees it under the
// bell and opens it. In English and in French, with axe on each state of both pages.

const journeys = {
  en: {
    businessNumber: '123456789',
    bam: { firstName: 'Avery', lastName: 'Lindqvist' },
    text: {
      postTitle: 'Post a notice',
      submit: 'Post the notice',
      audienceRequired: 'Select who receives the notice.',
      oneBusiness: 'One business',
      businessNumber: 'Business number',
      urgent: 'Urgent',
      subjectEn: 'Subject in English',
      subjectFr: 'Subject in French',
      bodyEn: 'Message in English',
      bodyFr: 'Message in French',
      posted: /^Notices written: 1 \(/,
      deadLettersLink: 'Undelivered emails',
      deadLettersTitle: 'Undelivered notice emails',
      deadLettersNone: 'No notice email is undelivered.',
      bell: 'Notices, 1 unread',
      bellNone: 'Notices',
      listTitle: 'Notices',
    },
  },
  fr: {
    businessNumber: '567890124',
    bam: { firstName: 'Élise', lastName: 'Gagnon' },
    text: {
      postTitle: 'Publier un avis',
      submit: "Publier l'avis",
      audienceRequired: "Sélectionnez les destinataires de l'avis.",
      oneBusiness: 'Une entreprise',
      businessNumber: "Numéro d'entreprise",
      urgent: 'Urgent',
      subjectEn: 'Objet en anglais',
      subjectFr: 'Objet en français',
      bodyEn: 'Message en anglais',
      bodyFr: 'Message en français',
      posted: /^Avis écrits : 1 \(/,
      deadLettersLink: 'Courriels non livrés',
      deadLettersTitle: 'Avis par courriel non livrés',
      deadLettersNone: "Aucun avis par courriel n'est non livré.",
      bell: 'Avis, 1 non lu',
      bellNone: 'Avis',
      listTitle: 'Avis',
    },
  },
} as const;

const notice = {
  subjectEn: 'Border office closed on Monday',
  subjectFr: 'Bureau frontalier fermé lundi',
  bodyEn: 'The Lacolle office is closed on Monday for repairs.',
  bodyFr: 'Le bureau de Lacolle est fermé lundi pour des réparations.',
};

describe.runIf(hasChromium)('officer notices in Chromium', () => {
  const setup = serverAndBrowser();

  describe.each(['en', 'fr'] as const)('in %s', (language) => {
    const journey = journeys[language];
    const t = journey.text;
    const business = demoBusiness(journey.businessNumber);

    it(
      'an officer posts a notice to one business; its BAM sees it under the bell',
      { timeout: 240_000 },
      async () => {
        const { server, browser } = setup;
        const bamUsername = uniqueUsername(`${language}p`);
        const bamApi = await personThroughApi(server.url, bamUsername, journey.bam, language);
        await registerBusinessThroughApi(bamApi, business);
        // The registration wrote its own notice: read it, so that the officer's is the one unread.
        const rows = (await bamApi.request(
          'query { notices(first: 10) { edges { node { id read } } } }',
        )) as {
          notices: { edges: Array<{ node: { id: string; read: boolean } }> };
        };
        for (const { node } of rows.notices.edges)
          if (!node.read)
            await bamApi.request('mutation ($id: ID!) { markNoticeRead(id: $id) { unreadCount } }', {
              id: node.id,
            });

        const officer = `Avis${language}${Date.now() % 100000}`;
        expect(await createOfficer(server.dataDir, officer)).toBe(0);

        const officerContext = await languageContext(browser, language);
        try {
          const problems: string[] = [];
          const page = await signInFirstTime(officerContext, server.url, language, officer, problems, {
            secret: officerPassword,
            officer: true,
          });
          await page.goto(`${server.url}/${language}/officer/notices`);
          await page.getByRole('heading', { level: 1, name: t.postTitle, exact: true }).waitFor();
          await expectNoAxeViolations(page, `${language} officer: post a notice`);

          // Nothing filled in: the summary lists the problems, in the page's language.
          await page.getByRole('button', { name: t.submit, exact: true }).click();
          await page.getByRole('link', { name: t.audienceRequired, exact: true }).waitFor();
          await expectNoAxeViolations(page, `${language} officer: post a notice, errors`);

          // With the keyboard only: the audience, the business number, urgency, both languages' texts.
          await page.getByRole('radio', { name: t.oneBusiness, exact: true }).focus();
          await page.keyboard.press('Space');
          const bn = page.getByRole('textbox', { name: t.businessNumber });
          await bn.waitFor();
          await bn.fill(business.businessNumber);
          const urgent = page.getByRole('checkbox', { name: t.urgent, exact: true });
          await urgent.focus();
          await page.keyboard.press('Space');
          await expect.poll(() => urgent.isChecked()).toBe(true);
          await page.getByRole('textbox', { name: t.subjectEn }).fill(notice.subjectEn);
          await page.getByRole('textbox', { name: t.subjectFr }).fill(notice.subjectFr);
          await page.getByRole('textbox', { name: t.bodyEn }).fill(notice.bodyEn);
          await page.getByRole('textbox', { name: t.bodyFr }).fill(notice.bodyFr);
          await page.getByRole('button', { name: t.submit, exact: true }).focus();
          await page.keyboard.press('Enter');
          await page.getByText(t.posted).waitFor();
          await expectNoAxeViolations(page, `${language} officer: notice posted`);

          await page.getByRole('link', { name: t.deadLettersLink, exact: true }).click();
          await arriveAt(page, `${server.url}/${language}/officer/mail`);
          await page.getByRole('heading', { level: 1, name: t.deadLettersTitle, exact: true }).waitFor();
          await page.getByText(t.deadLettersNone, { exact: true }).waitFor();
          await expectNoAxeViolations(page, `${language} officer: undelivered emails`);
          expect(problems).toEqual([]);
        } finally {
          await officerContext.close();
        }

        const bamContext = await languageContext(browser, language);
        try {
          const problems: string[] = [];
          const page = await signInFirstTime(bamContext, server.url, language, bamUsername, problems);
          const bell = page.locator('.signed-in-menu').getByRole('link', { name: t.bell });
          await bell.waitFor();
          await expectNoAxeViolations(page, `${language} BAM: the bell with the officer's notice`);
          await bell.click();
          await arriveAt(page, `${server.url}/${language}/notices`);
          await page.getByRole('heading', { level: 1, name: t.listTitle, exact: true }).waitFor();
          const subject = language === 'fr' ? notice.subjectFr : notice.subjectEn;
          const body = language === 'fr' ? notice.bodyFr : notice.bodyEn;
          await page.getByRole('link', { name: subject, exact: true }).click();
          await page.getByRole('heading', { level: 1, name: subject, exact: true }).waitFor();
          await page.getByText(body).waitFor();
          await page
            .locator('.signed-in-menu')
            .getByRole('link', { name: t.bellNone, exact: true })
            .waitFor();
          await expectNoAxeViolations(page, `${language} BAM: the officer's notice`);
          expect(problems).toEqual([]);
        } finally {
          await bamContext.close();
        }
      },
    );
  });
});
