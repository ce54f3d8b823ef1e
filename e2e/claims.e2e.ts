import { type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { arriveAt, hasChromium } from './support/browser.js';
import { createOfficer, officerPassword } from './support/officers.js';
import {
  businessManager,
  languageContext,
  serverAndBrowser,
  signInFirstTime,
} from './support/portal-journey.js';

// Issue 16: a BAM files an adjustment claim from a posted transaction of its program account, reads the
// refund the draft computes, and submits it with the attestation; an officer takes it from the queue and asks
// for more information, the BAM uploads a document to the claim's case and answers, the officer reads the
// document, approves in part, and marks the repayment paid. The demo businesses of finance.e2e.ts (one program
// account, a posted commercial accounting declaration) are used with other people.
//
// The case number is read from the document title, never from the heading's text: a GCDS heading renders its
// h1 in a shadow root around a <slot>, so the h1's textContent is empty (its accessible name is not).
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

/** The claim's case number, from the document title the claim page sets once the claim has loaded. */
async function caseNumberOf(page: Page): Promise<string> {
  let caseNumber = '';
  await expect
    .poll(async () => {
      caseNumber = /\b7\d{9}\b/.exec(await page.title())?.[0] ?? '';
      return caseNumber;
    })
    .toMatch(/^7\d{9}$/);
  return caseNumber;
}

/** A home-page indicator (claims and repayments, or the accounts'), as a whole number (a count, or cents). */
async function indicator(page: Page, label: string, section = 'claim-indicators'): Promise<number> {
  const value = page
    .locator(`section[aria-labelledby="${section}"] dt`, { hasText: label })
    .locator('xpath=following-sibling::dd[1]');
  await value.waitFor({ timeout: 10_000 });
  return Number(((await value.textContent()) ?? '').replace(/\D/g, ''));
}

const journeys = {
  en: {
    businessNumber: '729136333',
    posted: '13743876643379',
    person: { firstName: 'Ada', lastName: 'Claimant' },
    text: {
      finance: 'Financial information',
      fileClaimOn: (number: string) => `File a claim on transaction ${number}`,
      fileTitle: 'File a claim',
      type: 'Type of claim',
      correction: 'What does the adjustment correct?',
      reason: 'Reason for the claim',
      paid: 'Line 1: duties and taxes paid ($)',
      corrected: 'Line 1: corrected duties and taxes ($)',
      save: 'Save the draft',
      claimTitle: /^Claim 7\d{9}$/,
      refund: '$0.60',
      attest: /^I attest that the information/,
      submit: 'Submit the claim',
      submitted: 'The claim was submitted.',
      queue: 'Claims queue',
      review: (caseNumber: string) => `Review claim ${caseNumber}`,
      take: 'Take under review',
      requestSend: 'Send the request',
      textEn: 'In English',
      textFr: 'In French',
      informationRequested: 'More information requested',
      uploadDocuments: 'Upload supporting documents',
      step1: 'Upload a document - step 1 of 2',
      category: 'Category',
      categoryLabel: 'Commercial documents',
      next: 'Next',
      step2: 'Upload a document - step 2 of 2',
      dropZone: 'Click or drag your files here',
      upload: 'Upload',
      confirmation: 'Upload confirmation',
      backToClaim: 'Back to the claim',
      answer: 'Your answer',
      sendAnswer: 'Send the answer',
      answered: 'Your answer was sent.',
      approvedAmount: /^Approved refund/,
      partial: '0.50',
      reasonEn: /^Reason .* — In English$/,
      reasonFr: /^Reason .* — In French$/,
      approve: 'Approve',
      payable: '$0.50 payable',
      markPaid: 'Mark the repayment paid',
      method: 'Method',
      paidOn: 'Payment date',
      repaidText: '$0.50 paid on',
      openClaimed: 'Refunds claimed, not decided',
      securityRequired: 'Required by the agency',
      repaymentsPaid: 'Repayments paid',
    },
  },
  fr: {
    businessNumber: '582056933',
    posted: '13152670898846',
    person: { firstName: 'Éloïse', lastName: 'Demandeur' },
    text: {
      finance: 'Renseignements financiers',
      fileClaimOn: (number: string) => `Présenter une demande sur la transaction ${number}`,
      fileTitle: 'Présenter une demande',
      type: 'Type de demande',
      correction: 'Que corrige la révision?',
      reason: 'Motif de la demande',
      paid: 'Ligne 1 : droits et taxes payés ($)',
      corrected: 'Ligne 1 : droits et taxes corrigés ($)',
      save: 'Enregistrer l’ébauche',
      claimTitle: /^Demande 7\d{9}$/,
      refund: '0,60 $',
      attest: /^J’atteste que les renseignements/,
      submit: 'Présenter la demande',
      submitted: 'La demande a été présentée.',
      queue: 'File des demandes',
      review: (caseNumber: string) => `Examiner la demande ${caseNumber}`,
      take: 'Prendre pour examen',
      requestSend: 'Envoyer la demande de renseignements',
      textEn: 'En anglais',
      textFr: 'En français',
      informationRequested: 'Renseignements supplémentaires demandés',
      uploadDocuments: 'Téléverser des documents à l’appui',
      step1: 'Télécharger un document - étape 1 de 2',
      category: 'Catégorie',
      categoryLabel: 'Documents commerciaux',
      next: 'Suivant',
      step2: 'Télécharger un document - étape 2 de 2',
      dropZone: 'Cliquez ou glissez vos fichiers ici',
      upload: 'Télécharger',
      confirmation: 'Confirmation du téléchargement',
      backToClaim: 'Retour à la demande',
      answer: 'Votre réponse',
      sendAnswer: 'Envoyer la réponse',
      answered: 'Votre réponse a été envoyée.',
      approvedAmount: /^Remboursement approuvé/,
      partial: '0,50',
      reasonEn: /^Motif .* — En anglais$/,
      reasonFr: /^Motif .* — En français$/,
      approve: 'Approuver',
      payable: '0,50 $ payable',
      markPaid: 'Marquer le remboursement comme payé',
      method: 'Mode',
      paidOn: 'Date de paiement',
      repaidText: '0,50 $ payé le',
      openClaimed: 'Remboursements demandés, non tranchés',
      securityRequired: 'Exigée par l’agence',
      repaymentsPaid: 'Remboursements payés',
    },
  },
} as const;

describe.runIf(hasChromium)('claims in Chromium', () => {
  const shared = serverAndBrowser();

  describe.each(['en', 'fr'] as const)('in %s', (language) => {
    const journey = journeys[language];
    const t = journey.text;

    it(
      'files an adjustment claim, answers the officer with a document, and is repaid in part',
      { timeout: 300_000 },
      async () => {
        const { server, browser } = shared;
        const { username } = await businessManager(
          server.url,
          language,
          'c',
          journey.person,
          journey.businessNumber,
        );
        const problems: string[] = [];
        const context = await languageContext(browser, language);
        try {
          const page = await signInFirstTime(context, server.url, language, username, problems);
          const main = page.locator('main');
          await main.getByRole('link', { name: t.finance, exact: true }).click();
          await arriveAt(page, `${server.url}/${language}/finance`);
          await main.getByRole('link', { name: t.fileClaimOn(journey.posted) }).click();
          await page.getByRole('heading', { level: 1, name: t.fileTitle, exact: true }).waitFor();
          await expectNoAxeViolations(page, `${language} file a claim`);

          await page.getByRole('combobox', { name: t.type }).selectOption('ADJUSTMENT');
          await page.getByRole('combobox', { name: t.correction }).selectOption('CLASSIFICATION');
          await page.getByRole('textbox', { name: t.reason }).fill('Wrong heading.');
          await page.getByRole('textbox', { name: t.paid }).fill('1.00');
          await page.getByRole('textbox', { name: t.corrected }).fill('0.40');
          await page.getByRole('button', { name: t.save, exact: true }).click();
          await page.getByRole('heading', { level: 1, name: t.claimTitle }).waitFor({ timeout: 15_000 });
          await expect.poll(() => main.getByText(t.refund).count()).toBeGreaterThan(0);
          await expectNoAxeViolations(page, `${language} claim draft`);

          // GCDS lays the label over its checkbox: click the label, as a person does.
          await main.getByText(t.attest).click();
          await page.getByRole('button', { name: t.submit, exact: true }).click();
          await main.getByText(t.submitted).first().waitFor({ timeout: 10_000 });
          await expectNoAxeViolations(page, `${language} claim submitted`);
          const claimUrl = page.url();
          const claimId = new URL(claimUrl).pathname.split('/').pop() ?? '';
          const caseNumber = await caseNumberOf(page);
          // The home page's indicators with the claim submitted, to compare once it is repaid.
          await page.goto(`${server.url}/${language}/welcome`);
          const openClaimedBefore = await indicator(page, t.openClaimed);
          const paidBefore = await indicator(page, t.repaymentsPaid);
          // The agency's requirement from the reference data's rule (decision 0044): never below its $25,000.00
          // minimum for an importer's RM account.
          expect(await indicator(page, t.securityRequired, 'account-indicators')).toBeGreaterThanOrEqual(
            2_500_000,
          );

          // The officer's half: the queue, the review, a request for more information.
          const officer = `Rembourse${language}${Date.now() % 100000}`;
          expect(await createOfficer(server.dataDir, officer)).toBe(0);
          const officerContext = await languageContext(browser, language);
          try {
            const desk = await signInFirstTime(officerContext, server.url, language, officer, problems, {
              secret: officerPassword,
              officer: true,
            });
            const deskMain = desk.locator('main');
            await desk.goto(`${server.url}/${language}/officer/claims`);
            await desk.getByRole('heading', { level: 1, name: t.queue, exact: true }).waitFor();
            await expectNoAxeViolations(desk, `${language} officer: claims queue`);
            await deskMain.getByRole('link', { name: caseNumber, exact: true }).click();
            await arriveAt(desk, `${server.url}/${language}/officer/claims/${claimId}`);
            const review = desk.getByRole('heading', { level: 1, name: t.review(caseNumber), exact: true });
            await review.waitFor();
            await expectNoAxeViolations(desk, `${language} officer: review a claim`);
            await desk.getByRole('button', { name: t.take, exact: true }).click();

            const request = desk.locator('section[aria-labelledby="officer-request"]');
            const send = request.getByRole('button', { name: t.requestSend, exact: true });
            await send.waitFor({ timeout: 10_000 });
            await expectNoAxeViolations(desk, `${language} officer: claim under review`);
            await request.getByRole('textbox', { name: t.textEn }).fill('Send the corrected invoice.');
            await request.getByRole('textbox', { name: t.textFr }).fill('Envoyez la facture corrigée.');
            await send.click();
            await expect.poll(() => send.count(), { timeout: 10_000 }).toBe(0);
            await expectNoAxeViolations(desk, `${language} officer: information requested`);

            // The claimant reads the question, uploads a document to the claim's case and answers.
            await page.goto(claimUrl);
            await main.getByText(t.informationRequested).first().waitFor();
            await main
              .getByText(language === 'fr' ? 'Envoyez la facture corrigée.' : 'Send the corrected invoice.')
              .waitFor();
            await main.getByRole('link', { name: t.uploadDocuments }).click();
            await page.getByRole('heading', { level: 1, name: t.step1, exact: true }).waitFor();
            await page.getByRole('combobox', { name: t.category }).selectOption({ label: t.categoryLabel });
            await page.getByRole('button', { name: t.next, exact: true }).click();
            await page.getByRole('heading', { level: 1, name: t.step2, exact: true }).waitFor();
            await page.getByLabel(t.dropZone).setInputFiles({
              name: 'corrected-invoice.pdf',
              mimeType: 'application/pdf',
              buffer: samplePdf('Corrected invoice'),
            });
            await page.getByRole('button', { name: t.upload, exact: true }).click();
            await page
              .getByRole('heading', { level: 1, name: t.confirmation, exact: true })
              .waitFor({ timeout: 10_000 });
            await page.getByRole('link', { name: t.backToClaim }).click();
            await page.getByRole('link', { name: 'corrected-invoice.pdf' }).waitFor();
            await page.getByRole('textbox', { name: t.answer }).fill('The corrected invoice is attached.');
            await page.getByRole('button', { name: t.sendAnswer, exact: true }).click();
            await main.getByText(t.answered).first().waitFor({ timeout: 10_000 });
            await expectNoAxeViolations(page, `${language} claim answered`);

            // The officer reads the answer and the document, approves in part: a repayment payable, then paid.
            await desk.reload();
            await review.waitFor();
            await deskMain.getByRole('link', { name: 'corrected-invoice.pdf' }).waitFor();
            await deskMain.getByText('The corrected invoice is attached.').waitFor();
            await expectNoAxeViolations(desk, `${language} officer: review with the answer and the document`);
            const approval = desk.locator('section[aria-labelledby="officer-approve"]');
            await approval.getByRole('textbox', { name: t.approvedAmount }).fill(t.partial);
            await approval
              .getByRole('textbox', { name: t.reasonEn })
              .fill('One line only was misclassified.');
            await approval
              .getByRole('textbox', { name: t.reasonFr })
              .fill('Une seule ligne était mal classée.');
            await approval.getByRole('button', { name: t.approve, exact: true }).click();
            const markPaid = desk.getByRole('button', { name: t.markPaid, exact: true });
            await markPaid.waitFor({ timeout: 10_000 });
            await deskMain.getByText(t.payable).waitFor();
            await expectNoAxeViolations(desk, `${language} officer: claim approved in part`);
            await desk.getByRole('combobox', { name: t.method }).selectOption('DIRECT_DEPOSIT');
            const today = new Date().toLocaleDateString('en-CA', { timeZone: 'America/Toronto' });
            await desk.getByRole('textbox', { name: t.paidOn }).fill(today);
            await markPaid.click();
            await expect.poll(() => markPaid.count(), { timeout: 10_000 }).toBe(0);
            await deskMain.getByText(t.repaidText).waitFor();
            await expectNoAxeViolations(desk, `${language} officer: repayment paid`);

            // The claimant sees the repayment paid, and the home page's indicators moved: the claim is no longer
            // open (its 60 cents claimed), and 50 cents more were repaid.
            await page.goto(claimUrl);
            await main.getByText(t.repaidText).waitFor();
            await page.goto(`${server.url}/${language}/welcome`);
            await expect
              .poll(() => indicator(page, t.repaymentsPaid), { timeout: 15_000 })
              .toBe(paidBefore + 50);
            expect(await indicator(page, t.openClaimed)).toBe(openClaimedBefore - 60);
            await expectNoAxeViolations(page, `${language} home page indicators after the repayment`);
          } finally {
            await officerContext.close();
          }
          expect(problems).toEqual([]);
        } finally {
          await context.close();
        }
      },
    );
  });
});
