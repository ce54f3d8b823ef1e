import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { arriveAt, hasChromium } from './support/browser.js';
import {
  businessManager,
  languageContext,
  serverAndBrowser,
  signInFirstTime,
} from './support/portal-journey.js';

/** A small, valid one-page PDF, made here. */
function samplePdf(text: string): Buffer {
  const content = `BT /F1 18 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

const journeys = {
  en: {
    businessNumber: '234567891',
    person: { firstName: 'Rosa', lastName: 'Lindgren' },
    text: {
      rulings: 'Rulings',
      request: 'Request a new ruling',
      account: 'Program account',
      type: 'Type of ruling',
      typeLabel: 'Tariff classification',
      goods: 'Description of the goods',
      classification: 'Proposed classification number',
      questions: 'Your questions for the agency',
      submit: 'Submit the request',
      detail: /^Ruling request 8\d{9}$/,
      uploadToCase: 'Upload a document to this case',
      step1: 'Upload a document - step 1 of 2',
      category: 'Category',
      categoryLabel: 'Drawings and diagrams',
      next: 'Next',
      step2: 'Upload a document - step 2 of 2',
      dropZone: 'Click or drag your files here',
      upload: 'Upload',
      confirmation: 'Upload confirmation',
      backToRuling: 'Back to the ruling request',
    },
  },
  fr: {
    businessNumber: '567890124',
    person: { firstName: 'Renée', lastName: 'Lavoie' },
    text: {
      rulings: 'Décisions',
      request: 'Demander une nouvelle décision',
      account: 'Compte de programme',
      type: 'Type de décision',
      typeLabel: 'Classement tarifaire',
      goods: 'Description des marchandises',
      classification: 'Numéro de classement proposé',
      questions: 'Vos questions pour l’agence',
      submit: 'Soumettre la demande',
      detail: /^Demande de décision 8\d{9}$/,
      uploadToCase: 'Télécharger un document pour ce cas',
      step1: 'Télécharger un document - étape 1 de 2',
      category: 'Catégorie',
      categoryLabel: 'Dessins et schémas',
      next: 'Suivant',
      step2: 'Télécharger un document - étape 2 de 2',
      dropZone: 'Cliquez ou glissez vos fichiers ici',
      upload: 'Télécharger',
      confirmation: 'Confirmation du téléchargement',
      backToRuling: 'Retour à la demande de décision',
    },
  },
} as const;

describe.runIf(hasChromium)('rulings and document upload in Chromium', () => {
  const shared = serverAndBrowser();

  describe.each(['en', 'fr'] as const)('in %s', (language) => {
    const journey = journeys[language];
    const t = journey.text;

    it('requests a ruling and uploads a real PDF to its case', { timeout: 300_000 }, async () => {
      const { server, browser } = shared;
      const { username, business } = await businessManager(
        server.url,
        language,
        'r',
        journey.person,
        journey.businessNumber,
      );
      const account = business.programAccounts[0];
      const problems: string[] = [];
      const context = await languageContext(browser, language);
      try {
        const page = await signInFirstTime(context, server.url, language, username, problems);
        await page.getByRole('link', { name: t.rulings, exact: true }).click();
        await arriveAt(page, `${server.url}/${language}/rulings`);
        await page.getByRole('heading', { level: 1, name: t.rulings, exact: true }).waitFor();
        await page.getByRole('link', { name: t.request }).waitFor();
        await expectNoAxeViolations(page, `${language} rulings (none yet)`);

        await page.getByRole('link', { name: t.request }).click();
        await page.getByRole('heading', { level: 1, name: t.request, exact: true }).waitFor();
        const accountSelect = page.getByRole('combobox', { name: t.account });
        await expect
          .poll(() => accountSelect.locator('option').allTextContents())
          .toContainEqual(expect.stringContaining(account.accountNumber));
        await expectNoAxeViolations(page, `${language} request a ruling`);
        await accountSelect.selectOption({ index: 1 });
        await page.getByRole('combobox', { name: t.type }).selectOption({ label: t.typeLabel });
        await page.getByRole('textbox', { name: t.goods }).fill('Insulated stainless steel bottles, 750 ml');
        await page.getByRole('textbox', { name: t.classification }).fill('9617.00.00.00');
        await page
          .getByRole('textbox', { name: t.questions })
          .fill('Is heading 96.17 right for these bottles?');
        await page.getByRole('button', { name: t.submit, exact: true }).click();
        await page.getByRole('heading', { level: 1, name: t.detail }).waitFor();
        await expectNoAxeViolations(page, `${language} ruling detail`);

        await page.getByRole('link', { name: t.uploadToCase }).click();
        await page.getByRole('heading', { level: 1, name: t.step1, exact: true }).waitFor();
        await expectNoAxeViolations(page, `${language} upload step 1`);
        await page.getByRole('combobox', { name: t.category }).selectOption({ label: t.categoryLabel });
        await page.getByRole('button', { name: t.next, exact: true }).click();
        await page.getByRole('heading', { level: 1, name: t.step2, exact: true }).waitFor();
        await expectNoAxeViolations(page, `${language} upload step 2`);
        await page.getByLabel(t.dropZone).setInputFiles({
          name: 'bottle-drawings.pdf',
          mimeType: 'application/pdf',
          buffer: samplePdf('Bottle drawings'),
        });
        await page.getByRole('button', { name: t.upload, exact: true }).click();
        await page
          .getByRole('heading', { level: 1, name: t.confirmation, exact: true })
          .waitFor({ timeout: 10_000 })
          .catch(async (error: unknown) => {
            throw new Error(`no confirmation: ${await page.locator('main').innerText()}`, { cause: error });
          });
        await page.getByText(/bottle-drawings\.pdf/).waitFor();
        await expectNoAxeViolations(page, `${language} upload confirmation`);
        await page.getByRole('link', { name: t.backToRuling }).click();
        await page.getByRole('link', { name: 'bottle-drawings.pdf' }).waitFor();
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    });
  });
});
