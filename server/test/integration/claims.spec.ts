import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Like } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainEventRecord } from '../../src/common/events/domain-event.entity.js';
import { agencyDay } from '../../src/common/time/agency-date.js';
import { BusinessAuditEvent } from '../../src/modules/businesses/businesses.entities.js';
import { BusinessRole } from '../../src/modules/businesses/businesses.types.js';
import { Claim, ClaimEvent, ClaimLine, Repayment } from '../../src/modules/claims/claims.entities.js';
import {
  importReferenceData,
  loadDemoReferenceData,
  validateReferenceData,
} from '../../src/modules/registry/reference-data.service.js';
import { importRepaymentPayments } from '../../src/modules/claims/claims.service.js';
import { PersonRole } from '../../src/modules/users/user.types.js';
import {
  ACCOUNT_CLAIMS,
  adjustment,
  ANSWER,
  APPROVE,
  BUSINESS_CLAIMS,
  CLAIM,
  type ClaimPayloadView,
  fieldCodes,
  file,
  FILE,
  fileAndSubmit,
  PAID,
  QUEUE,
  REJECT,
  REQUEST_INFO,
  SUBMIT,
  TAKE,
  transactionIdOf,
  UPDATE,
  WITHDRAW,
  WITHHOLD,
} from '../support/claims.js';
import { drivers } from '../support/databases.js';
import { download, filesUnder, samplePdf, upload } from '../support/documents.js';
import { CaseDocument } from '../../src/modules/documents/documents.entities.js';
import { Letter } from '../../src/modules/messaging/messaging.entities.js';
import { LetterKind } from '../../src/modules/messaging/messaging.types.js';
import { MailOutbox, Notice } from '../../src/modules/notices/notices.entities.js';
import { addTransactions } from '../support/finance.js';
import { RegistryTransaction } from '../../src/modules/registry/financial-record.entity.js';
import { type GqlClient } from '../support/gql-client.js';
import { acceptTerms, expectForbidden, payload, seedUser, signIn } from '../support/identity.js';
import {
  accountsOf,
  BN,
  establish,
  member,
  person,
  registerDirectly,
  type Person,
} from '../support/relationships.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Claims and repayments (docs/claims.md) through the real HTTP API: the rules at their bounds, the statuses
// and their timeline, the officer's side, repayments paid once, the indicators, and the access table's
// REQUESTS_AND_TRANSACTIONS cells for claims (own roles and both provider relationship types).

const count = (t: TestApp) =>
  Promise.all([
    t.dataSource.getRepository(Claim).count(),
    t.dataSource.getRepository(ClaimLine).count(),
    t.dataSource.getRepository(ClaimEvent).count(),
    t.dataSource.getRepository(Repayment).count(),
  ]);

/** The same day `years` earlier, 'YYYY-MM-DD' (the test never runs on 29 February). */
function yearsBefore(day: string, years: number, plusDays = 0): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y - years, m - 1, d + plusDays)).toISOString().slice(0, 10);
}

describe.each(drivers)('claims and repayments on %s', (driver) => {
  let t: TestApp;
  let dataDir: string;
  let bam: Person;
  let officer: GqlClient;
  let clientId: string;
  let rm: string;
  let rt: string;
  let posted: string; // 13409539086039, POSTED, $4,829.15 of duties and taxes
  let paid: string; // 13409539085760, PAID
  let credit: string; // 13409539085874, a card batch credit

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-claims-'));
    t = await startTestApp(driver, { env: { DATA_DIR: dataDir } });
    await importReferenceData(t.dataSource, await loadDemoReferenceData());
    bam = await person(t, 'ClaimsBam2026', 'Clara', 'Claimant');
    clientId = await registerDirectly(t, BN.NORTHERN, bam.userId);
    ({ RM0001: rm, RT0001: rt } = await accountsOf(t, BN.NORTHERN));
    posted = await transactionIdOf(t, '13409539086039');
    paid = await transactionIdOf(t, '13409539085760');
    credit = await transactionIdOf(t, '13409539085874');
    await seedUser(t.dataSource, 'ClaimOffic2026', PersonRole.OFFICER);
    officer = t.client();
    await signIn(officer, 'ClaimOffic2026');
    await acceptTerms(officer);
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('filing and submitting', () => {
    it('saves a draft with the refund computed from the lines (tariff and typed), then submits it with the attestation', async () => {
      const filed = await file(bam.client, adjustment(posted));
      expect(filed.userErrors).toEqual([]);
      const claim = filed.claim!;
      expect(claim.caseNumber).toMatch(/^7\d{9}$/);
      expect(claim.status).toBe('IN_PROGRESS');
      // Line 1: coffee is free of duty, GST 5 % of $1,000.00 = $50.00, so $200.00 − $50.00; line 2 as typed.
      expect(claim.lines.map((l) => [l.lineNumber, l.correctedCents, l.refundCents])).toEqual([
        [1, 5_000, 15_000],
        [2, 10_000, 20_000],
      ]);
      expect(claim.claimedCents).toBe(35_000);
      expect(claim.history.map((h) => h.status)).toEqual(['IN_PROGRESS']);

      // The draft changes, and its refund with it.
      const updated = payload<ClaimPayloadView>(
        await bam.client.gql(UPDATE, {
          input: {
            ...adjustment(posted),
            transactionId: undefined,
            claimId: claim.id,
            lines: [{ lineNumber: 2, originalCents: 30_000, correctedCents: 29_999 }],
          },
        }),
      );
      expect(updated.userErrors).toEqual([]);
      expect(updated.claim!.claimedCents).toBe(1);

      const unattested = payload<ClaimPayloadView>(
        await bam.client.gql(SUBMIT, { input: { claimId: claim.id, attestation: false } }),
      );
      expect(fieldCodes(unattested.userErrors)).toEqual([['input.attestation', 'REQUIRED']]);
      const submitted = payload<ClaimPayloadView>(
        await bam.client.gql(SUBMIT, { input: { claimId: claim.id, attestation: true } }),
      );
      expect(submitted.userErrors).toEqual([]);
      expect(submitted.claim).toMatchObject({ status: 'SUBMITTED', claimedCents: 1 });
      expect(submitted.claim!.history.map((h) => [h.status, h.byAgency])).toEqual([
        ['IN_PROGRESS', false],
        ['SUBMITTED', false],
      ]);
      // A submitted claim is no longer the claimant's to change.
      const late = payload<ClaimPayloadView>(
        await bam.client.gql(UPDATE, {
          input: { ...adjustment(posted), transactionId: undefined, claimId: claim.id },
        }),
      );
      expect(fieldCodes(late.userErrors)).toEqual([['input.claimId', 'NOT_IN_PROGRESS']]);
      const audit = await t.dataSource.getRepository(BusinessAuditEvent).findBy({ type: 'CLAIM_SUBMITTED' });
      expect(audit.map((a) => a.detail)).toEqual([
        `case=${claim.caseNumber} from=IN_PROGRESS to=SUBMITTED cents=1`,
      ]);
      expect(await t.dataSource.getRepository(DomainEventRecord).countBy({ type: 'CLAIM_SUBMITTED' })).toBe(
        1,
      );
      await bam.client.gql(WITHDRAW, { id: claim.id });
    });

    it('refuses bad input field by field, in the caller’s language, and writes nothing', async () => {
      const before = await count(t);
      const answer = payload<ClaimPayloadView>(
        await bam.client.gql(
          FILE,
          {
            input: adjustment(posted, {
              correctionKind: null,
              reason: 'x'.repeat(2001),
              lines: [
                { lineNumber: 0, originalCents: 100 },
                { lineNumber: 3, originalCents: 1000, correctedCents: 1000 },
                { lineNumber: 4, originalCents: 1000 },
              ],
            }),
          },
          { headers: { 'accept-language': 'fr' } },
        ),
      );
      expect(fieldCodes(answer.userErrors)).toEqual([
        ['input.correctionKind', 'REQUIRED'],
        ['input.reason', 'TOO_LONG'],
        ['input.lines.0.lineNumber', 'INVALID'],
        ['input.lines.0.correctedCents', 'REQUIRED'],
        ['input.lines.1.correctedCents', 'NO_REFUND'],
        ['input.lines.2.correctedCents', 'REQUIRED'],
      ]);
      expect(answer.userErrors[1].message).toBe('Le motif peut compter au plus 2000 caractères.');
      // Drawback: export date and destination.
      const drawback = await file(bam.client, {
        transactionId: posted,
        type: 'DRAWBACK',
        exportDate: '2026-11-16',
        exportDestination: 'CA',
        reason: 'Exported to a customer.',
        lines: [{ lineNumber: 7, originalCents: 482_916 }],
      });
      expect(fieldCodes(drawback.userErrors)).toEqual([
        ['input.exportDate', 'BEFORE_TRANSACTION'],
        ['input.exportDestination', 'INVALID'],
        ['input.lines', 'OVER_TRANSACTION'],
      ]);
      expect(await count(t)).toEqual(before);
    });

    it('files a drawback: the lines repay what they paid; the lines’ total may equal the transaction’s duties', async () => {
      const claim = await fileAndSubmit(bam.client, {
        transactionId: paid,
        type: 'DRAWBACK',
        exportDate: agencyDay(t.clock.now()),
        exportDestination: 'us',
        reason: 'The goods were exported to a customer in Ohio.',
        lines: [{ lineNumber: 1, originalCents: 367_842 }],
      });
      expect(claim).toMatchObject({ claimedCents: 367_842, status: 'SUBMITTED' });
      const read = payload<{ exportDestination: string; correctionKind: null }>(
        await bam.client.gql(CLAIM, { id: claim.id }),
      );
      expect(read).toMatchObject({ exportDestination: 'US', correctionKind: null });
      await bam.client.gql(WITHDRAW, { id: claim.id });
    });

    it('only on a posted or paid declaration, within 4 years of its date: the last day passes, the next is refused', async () => {
      const today = agencyDay(t.clock.now());
      const [atBound, overBound, cancelled] = await addTransactions(t, rm, [
        { amountCents: 50_000, status: 'PAID', date: yearsBefore(today, 4) },
        { amountCents: 50_000, status: 'PAID', date: yearsBefore(today, 4, -1) },
        { amountCents: 50_000, status: 'CANCELLED', date: today },
      ]);
      const before = await count(t);
      for (const [id, code] of [
        [credit, 'NOT_CLAIMABLE'],
        [cancelled, 'NOT_CLAIMABLE'],
        [overBound, 'TIME_LIMIT_PASSED'],
      ]) {
        const refused = await file(bam.client, adjustment(id));
        expect(fieldCodes(refused.userErrors), id).toEqual([['input.transactionId', code]]);
      }
      expect(await count(t)).toEqual(before);
      const over = await file(bam.client, adjustment(overBound));
      expect(over.userErrors[0].message).toBe(
        `The time limit to claim on this transaction (4 years) ended on ${yearsBefore(today, 0, -1)}.`,
      );
      const accepted = await fileAndSubmit(bam.client, adjustment(atBound));
      expect(accepted.status).toBe('SUBMITTED');
      await bam.client.gql(WITHDRAW, { id: accepted.id });
    });

    it('tells which transactions a claim may be filed on: a posted or paid declaration within the limit, never an interest charge', async () => {
      const today = agencyDay(t.clock.now());
      const ids = await addTransactions(t, rt, [
        { amountCents: 10_000, status: 'POSTED', date: '2026-09-01' },
        { amountCents: 10_000, status: 'POSTED', date: '2026-09-01', type: 'INTEREST' },
        { amountCents: 10_000, status: 'PAID', date: '2026-09-01', type: 'PENALTY' },
        { amountCents: 10_000, status: 'CANCELLED', date: '2026-09-01' },
        { amountCents: 10_000, status: 'PAID', date: yearsBefore(today, 4) },
        { amountCents: 10_000, status: 'PAID', date: yearsBefore(today, 4, -1) },
      ]);
      const read = payload<{
        transactions: { edges: Array<{ node: { id: string; type: string; claimable: boolean } }> };
      }>(
        await bam.client.gql(
          `query($id: ID!) { programAccount(id: $id) { transactions(first: 100) { edges { node { id type claimable } } } } }`,
          { id: rt },
        ),
      );
      const claimable = new Map(read.transactions.edges.map((e) => [e.node.id, e.node.claimable]));
      expect(ids.map((id) => claimable.get(id))).toEqual([true, false, false, false, true, false]);
      // The server agrees: filing on the interest charge is refused.
      const interest = await file(
        bam.client,
        adjustment(ids[1], { lines: [{ lineNumber: 1, originalCents: 5_000, correctedCents: 0 }] }),
      );
      expect(fieldCodes(interest.userErrors)).toEqual([['input.transactionId', 'NOT_CLAIMABLE']]);
    });

    it('one open claim per transaction line: a second is refused, concurrent ones leave exactly one, withdrawal frees the line', async () => {
      const [tx] = await addTransactions(t, rm, [
        { amountCents: 100_000, status: 'POSTED', date: '2026-11-01' },
      ]);
      const first = await file(bam.client, adjustment(tx));
      expect(first.userErrors).toEqual([]);
      const second = await file(
        bam.client,
        adjustment(tx, { lines: [{ lineNumber: 2, originalCents: 500, correctedCents: 0 }] }),
      );
      expect(fieldCodes(second.userErrors)).toEqual([['input.lines', 'LINE_ALREADY_CLAIMED']]);
      expect(second.userErrors[0].message).toBe(
        'Line 2 of this transaction already has an open or approved claim.',
      );
      await bam.client.gql(WITHDRAW, { id: first.claim!.id });

      // Two filings at once on the same line: one claim, one refusal, no orphan line or history.
      const before = await count(t);
      const line = { lines: [{ lineNumber: 9, originalCents: 500, correctedCents: 0 }] };
      const both = await Promise.all([
        file(bam.client, adjustment(tx, line)),
        file(bam.client, adjustment(tx, line)),
      ]);
      expect(both.map((b) => b.userErrors.map((e) => e.code)).sort()).toEqual([[], ['LINE_ALREADY_CLAIMED']]);
      const after = await count(t);
      expect(after).toEqual([before[0] + 1, before[1] + 1, before[2] + 1, before[3]]);
    });

    it('caps the lines across a transaction’s claims at what it paid: at the bound accepted, one cent over refused (EN/FR)', async () => {
      const [tx] = await addTransactions(t, rm, [
        { amountCents: 100_000, status: 'POSTED', date: '2026-10-20' },
      ]);
      const first = await file(bam.client, adjustment(tx)); // lines 1 and 2 paid 50,000
      expect(first.userErrors).toEqual([]);
      const line = (lineNumber: number, originalCents: number) => ({
        lines: [{ lineNumber, originalCents, correctedCents: 0 }],
      });
      const atBound = await file(bam.client, adjustment(tx, line(3, 50_000)));
      expect(atBound.userErrors).toEqual([]);
      const before = await count(t);
      const over = await file(bam.client, adjustment(tx, line(4, 1)));
      expect(fieldCodes(over.userErrors)).toEqual([['input.lines', 'OVER_TRANSACTION_CLAIMS']]);
      expect(over.userErrors[0].message).toBe(
        'With the other claims on this transaction, the lines paid more than its duties and taxes.',
      );
      const fr = t.client({ lang: 'fr' });
      await signIn(fr, bam.username);
      await acceptTerms(fr);
      const overFr = payload<ClaimPayloadView>(await fr.gql(FILE, { input: adjustment(tx, line(4, 1)) }));
      expect(overFr.userErrors[0].message).toBe(
        'Avec les autres demandes sur cette transaction, les lignes ont payé plus que ses droits et taxes.',
      );
      // A draft's update is held to the same cap (its own lines aside).
      const grown = payload<ClaimPayloadView>(
        await bam.client.gql(UPDATE, {
          input: { claimId: atBound.claim!.id, ...adjustment(tx, line(3, 50_001)), transactionId: undefined },
        }),
      );
      expect(fieldCodes(grown.userErrors)).toEqual([['input.lines', 'OVER_TRANSACTION_CLAIMS']]);
      expect(await count(t)).toEqual(before);
      // A withdrawn claim frees its share.
      await bam.client.gql(WITHDRAW, { id: atBound.claim!.id });
      expect((await file(bam.client, adjustment(tx, line(4, 1)))).userErrors).toEqual([]);
    });

    it('two concurrent submissions of one draft: one submits, the other is told, one history entry', async () => {
      const [tx] = await addTransactions(t, rm, [
        { amountCents: 100_000, status: 'POSTED', date: '2026-11-02' },
      ]);
      const draft = (await file(bam.client, adjustment(tx))).claim!;
      const submit = () => bam.client.gql(SUBMIT, { input: { claimId: draft.id, attestation: true } });
      const answers = (await Promise.all([submit(), submit()])).map((r) => payload<ClaimPayloadView>(r));
      expect(answers.map((a) => a.userErrors.map((e) => e.code)).sort()).toEqual([[], ['NOT_IN_PROGRESS']]);
      const events = await t.dataSource.getRepository(ClaimEvent).findBy({ claimId: draft.id });
      expect(events.map((e) => e.status).sort()).toEqual(['IN_PROGRESS', 'SUBMITTED']);
      await bam.client.gql(WITHDRAW, { id: draft.id });
    });

    it('an idempotency key makes a retried filing answer the first claim', async () => {
      const [tx] = await addTransactions(t, rm, [
        { amountCents: 100_000, status: 'POSTED', date: '2026-11-03' },
      ]);
      const key = { idempotencyKey: 'retry-7f3a' };
      const first = await file(bam.client, adjustment(tx, key));
      const again = await file(bam.client, adjustment(tx, key));
      expect(again.userErrors).toEqual([]);
      expect(again.claim!.id).toBe(first.claim!.id);
      expect(await t.dataSource.getRepository(Claim).countBy({ transactionId: tx })).toBe(1);
      // The same key for another transaction is refused rather than answered with the first claim (which
      // may be of an account the caller cannot see when a key is shared); nothing is filed.
      const [other] = await addTransactions(t, rm, [
        { amountCents: 90_000, status: 'POSTED', date: '2026-11-04' },
      ]);
      const reused = await file(bam.client, adjustment(other, key));
      expect(fieldCodes(reused.userErrors)).toEqual([['input.idempotencyKey', 'REUSED']]);
      expect(reused.claim).toBeNull();
      expect(await t.dataSource.getRepository(Claim).countBy({ transactionId: other })).toBe(0);
      await bam.client.gql(WITHDRAW, { id: first.claim!.id });
    });
  });

  describe('supporting documents (the documents module’s upload, to the claim’s case number)', () => {
    const DOCS = `query($id: ID!) { claim(id: $id) { documentsConnection { totalCount edges { node { id fileName downloadUrl } } } } }`;
    const pdf = [{ name: 'invoice.pdf', content: samplePdf() }];

    it('attaches files to an open claim, lists them on the claim, and the officer downloads them', async () => {
      const [tx] = await addTransactions(t, rm, [
        { amountCents: 80_000, status: 'POSTED', date: '2026-11-08' },
      ]);
      const claim = (await file(bam.client, adjustment(tx))).claim!;
      const answer = await upload(
        t.url,
        bam.client,
        { category: 'OTHER', caseNumber: claim.caseNumber },
        pdf,
      );
      expect(answer.status).toBe(201);
      const listed = payload<{
        documentsConnection: {
          totalCount: number;
          edges: Array<{ node: { id: string; downloadUrl: string } }>;
        };
      }>(await bam.client.gql(DOCS, { id: claim.id })).documentsConnection;
      expect(listed.totalCount).toBe(1);
      expect((await download(t.url, officer, listed.edges[0].node.downloadUrl)).status).toBe(200);
      await bam.client.gql(WITHDRAW, { id: claim.id });
    });

    it('a closed claim takes no more documents: nothing of the upload is kept, no row, no file', async () => {
      const [tx] = await addTransactions(t, rm, [
        { amountCents: 80_000, status: 'POSTED', date: '2026-11-09' },
      ]);
      const claim = (await file(bam.client, adjustment(tx))).claim!;
      // Step 1 of the app's upload finds the open claim by its case number...
      const CASE = `query($n: String!) { claimDocumentCase(caseNumber: $n) { id caseNumber status } }`;
      expect(payload<{ id: string } | null>(await bam.client.gql(CASE, { n: claim.caseNumber }))?.id).toBe(
        claim.id,
      );
      await bam.client.gql(WITHDRAW, { id: claim.id });
      // ...and a closed one no more, as an unknown number.
      expectForbidden(await bam.client.gql(CASE, { n: claim.caseNumber }), 'REQUESTS_AND_TRANSACTIONS');
      expectForbidden(await bam.client.gql(CASE, { n: '7000000000' }), 'REQUESTS_AND_TRANSACTIONS');
      const rows = await t.dataSource.getRepository(CaseDocument).count();
      const stored = filesUnder(path.join(dataDir, 'documents')).length;
      const answer = await upload(
        t.url,
        bam.client,
        { category: 'OTHER', caseNumber: claim.caseNumber },
        pdf,
      );
      expect(answer.status).toBe(422);
      expect(answer.body.errors?.map((e) => e.code)).toEqual(['CASE_NOT_FOUND']);
      expect(await t.dataSource.getRepository(CaseDocument).count()).toBe(rows);
      expect(filesUnder(path.join(dataDir, 'documents'))).toHaveLength(stored);
      expect(filesUnder(path.join(dataDir, 'uploads-tmp'))).toHaveLength(0);
    });
  });

  describe('the agency’s review and the repayment', () => {
    it('queues submitted claims oldest first, in keyset pages; officers only', async () => {
      const txs = await addTransactions(t, rm, [
        { amountCents: 10_000, status: 'POSTED', date: '2026-11-04' },
        { amountCents: 10_000, status: 'POSTED', date: '2026-11-05' },
        { amountCents: 10_000, status: 'POSTED', date: '2026-11-06' },
      ]);
      const cases: string[] = [];
      for (const tx of txs) {
        cases.push(
          (
            await fileAndSubmit(
              bam.client,
              adjustment(tx, { lines: [{ lineNumber: 1, originalCents: 1000, correctedCents: 0 }] }),
            )
          ).caseNumber,
        );
        t.clock.advance(1000);
      }
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const page: {
          edges: Array<{ node: { caseNumber: string } }>;
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        } = payload(await officer.gql(QUEUE, { first: 2, after, status: 'SUBMITTED' }));
        seen.push(...page.edges.map((e) => e.node.caseNumber));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      expect(seen.filter((c) => cases.includes(c))).toEqual(cases);
      const refused = await bam.client.gql(QUEUE, {});
      expect(refused.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const notOfficer = await bam.client.gql(TAKE, { id: 'x' });
      expect(notOfficer.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });

    it('review, request for information, the answer, an approval in part; the repayment is paid once; indicators follow', async () => {
      const [tx] = await addTransactions(t, rm, [
        { amountCents: 200_000, status: 'PAID', date: '2026-10-01' },
      ]);
      const claim = await fileAndSubmit(bam.client, adjustment(tx));
      const indicators = async () =>
        payload<{ claimIndicators: Record<string, number> }>(await bam.client.gql(ACCOUNT_CLAIMS, { id: rm }))
          .claimIndicators;
      const start = await indicators();

      // Not under review yet: no decision.
      const early = payload<ClaimPayloadView>(await officer.gql(APPROVE, { input: { claimId: claim.id } }));
      expect(fieldCodes(early.userErrors)).toEqual([['input.claimId', 'NOT_UNDER_REVIEW']]);
      expect(payload<ClaimPayloadView>(await officer.gql(TAKE, { id: claim.id })).claim!.status).toBe(
        'UNDER_REVIEW',
      );
      const asked = payload<ClaimPayloadView>(
        await officer.gql(REQUEST_INFO, {
          input: { claimId: claim.id, textEn: 'Send the invoice.', textFr: 'Envoyez la facture.' },
        }),
      );
      expect(asked.claim!.status).toBe('INFORMATION_REQUESTED');
      const answered = payload<ClaimPayloadView>(
        await bam.client.gql(ANSWER, { input: { claimId: claim.id, answer: 'Uploaded to the case.' } }),
      );
      expect(answered.claim!.status).toBe('UNDER_REVIEW');

      // Over the claimed refund, and a partial without its reasons: refused, nothing changes.
      const over = payload<ClaimPayloadView>(
        await officer.gql(APPROVE, {
          input: { claimId: claim.id, approvedCents: 35_001, reasonEn: 'a', reasonFr: 'b' },
        }),
      );
      expect(fieldCodes(over.userErrors)).toEqual([['input.approvedCents', 'OVER_CLAIMED']]);
      const bare = payload<ClaimPayloadView>(
        await officer.gql(APPROVE, { input: { claimId: claim.id, approvedCents: 20_000 } }),
      );
      expect(fieldCodes(bare.userErrors)).toEqual([
        ['input.reasonEn', 'REQUIRED'],
        ['input.reasonFr', 'REQUIRED'],
      ]);
      expect(await t.dataSource.getRepository(Repayment).countBy({ claimId: claim.id })).toBe(0);

      const approved = payload<ClaimPayloadView>(
        await officer.gql(APPROVE, {
          input: {
            claimId: claim.id,
            approvedCents: 20_000,
            reasonEn: 'Line 1 stays as declared.',
            reasonFr: 'La ligne 1 reste telle que déclarée.',
          },
        }),
      );
      expect(approved.userErrors).toEqual([]);
      expect(approved.claim).toMatchObject({
        status: 'PARTIALLY_APPROVED',
        approvedCents: 20_000,
        decisionReason: 'Line 1 stays as declared.',
        repayment: { amountCents: 20_000, status: 'PAYABLE', method: null },
      });
      // The claimant reads the timeline, and the reason in French.
      const fr = t.client({ lang: 'fr' });
      await signIn(fr, bam.username);
      await acceptTerms(fr);
      const read = payload<ClaimPayloadView['claim'] & object>(await fr.gql(CLAIM, { id: claim.id }));
      expect(read.decisionReason).toBe('La ligne 1 reste telle que déclarée.');
      expect(read.history.map((h) => [h.status, h.isAnswer, h.byAgency, h.note])).toEqual([
        ['IN_PROGRESS', false, false, null],
        ['SUBMITTED', false, false, null],
        ['UNDER_REVIEW', false, true, null],
        ['INFORMATION_REQUESTED', false, true, 'Envoyez la facture.'],
        ['UNDER_REVIEW', true, false, 'Uploaded to the case.'],
        ['PARTIALLY_APPROVED', false, true, 'La ligne 1 reste telle que déclarée.'],
      ]);
      const middle = await indicators();
      expect(middle.approvedCount - start.approvedCount).toBe(1);
      expect(middle.submittedCount - start.submittedCount).toBe(-1);
      expect(middle.openClaimedCents - start.openClaimedCents).toBe(-35_000);
      expect(middle.payableCents - start.payableCents).toBe(20_000);

      // Paid once: two officers at once, one wins; a later attempt is told.
      const repaymentId = approved.claim!.repayment!.id;
      const pay = () =>
        officer.gql(PAID, {
          input: { repaymentId, method: 'DIRECT_DEPOSIT', paidOn: agencyDay(t.clock.now()) },
        });
      const both = (await Promise.all([pay(), pay()])).map((r) =>
        payload<{ userErrors: Array<{ code: string }> }>(r),
      );
      expect(both.map((b) => b.userErrors.map((e) => e.code)).sort()).toEqual([[], ['NOT_PAYABLE']]);
      const withheld = payload<{ userErrors: Array<{ code: string }> }>(
        await officer.gql(WITHHOLD, { input: { repaymentId, reasonEn: 'Offset.', reasonFr: 'Compensé.' } }),
      );
      expect(withheld.userErrors.map((e) => e.code)).toEqual(['NOT_PAYABLE']);
      const end = await indicators();
      expect(end.payableCents - start.payableCents).toBe(0);
      expect(end.paidCents - start.paidCents).toBe(20_000);
      expect(
        await t.dataSource.getRepository(DomainEventRecord).countBy({ type: 'REPAYMENT_STATUS_CHANGED' }),
      ).toBe(1);
      const listed = payload<{ repayments: { edges: Array<{ node: { id: string; status: string } }> } }>(
        await bam.client.gql(ACCOUNT_CLAIMS, { id: rm }),
      ).repayments.edges.find((e) => e.node.id === repaymentId);
      expect(listed?.node.status).toBe('PAID');
    });

    it('an approved claim keeps its lines, and approvals on a transaction never repay more than it paid', async () => {
      const [tx] = await addTransactions(t, rm, [
        { amountCents: 60_000, status: 'PAID', date: '2026-10-03' },
      ]);
      const first = await fileAndSubmit(bam.client, adjustment(tx)); // lines 1 and 2: 35,000 claimed
      await officer.gql(TAKE, { id: first.id });
      const approved = payload<ClaimPayloadView>(
        await officer.gql(APPROVE, { input: { claimId: first.id } }),
      );
      expect(approved.claim!.status).toBe('APPROVED');
      // Line 1 was repaid: it cannot be claimed again (before, an approval freed it).
      const again = await file(
        bam.client,
        adjustment(tx, { lines: [{ lineNumber: 1, originalCents: 20_000, correctedCents: 0 }] }),
      );
      expect(fieldCodes(again.userErrors)).toEqual([['input.lines', 'LINE_ALREADY_CLAIMED']]);
      expect(again.userErrors[0].message).toBe(
        'Line 1 of this transaction already has an open or approved claim.',
      );
      const second = await fileAndSubmit(
        bam.client,
        adjustment(tx, { lines: [{ lineNumber: 3, originalCents: 10_000, correctedCents: 0 }] }),
      );
      await officer.gql(TAKE, { id: second.id });
      // The agency corrects the transaction: it paid 44,999 in the end, so 9,999 are left to repay.
      await t.dataSource
        .getRepository(RegistryTransaction)
        .update({ id: tx }, { dutiesAndTaxesCents: 44_999 });
      const over = payload<ClaimPayloadView>(await officer.gql(APPROVE, { input: { claimId: second.id } }));
      expect(fieldCodes(over.userErrors)).toEqual([['input.approvedCents', 'OVER_TRANSACTION_PAID']]);
      expect(over.userErrors[0].message).toBe(
        'With the refunds already approved on this transaction, this would repay more than was paid on it.',
      );
      expect(await t.dataSource.getRepository(Repayment).countBy({ claimId: second.id })).toBe(0);
      const atBound = payload<ClaimPayloadView>(
        await officer.gql(APPROVE, {
          input: { claimId: second.id, approvedCents: 9_999, reasonEn: 'Corrected.', reasonFr: 'Corrigée.' },
        }),
      );
      expect(atBound.userErrors).toEqual([]);
      expect(atBound.claim).toMatchObject({ status: 'PARTIALLY_APPROVED', approvedCents: 9_999 });
    });

    it('“paid” from the agency’s payment file: line by line, each refusal with its reason, the same file again changes nothing', async () => {
      const [tx] = await addTransactions(t, rm, [
        { amountCents: 90_000, status: 'PAID', date: '2026-10-04' },
      ]);
      const claim = await fileAndSubmit(bam.client, adjustment(tx));
      await officer.gql(TAKE, { id: claim.id });
      await officer.gql(APPROVE, { input: { claimId: claim.id } });
      const paidOn = agencyDay(t.clock.now());
      const lines = [
        { caseNumber: claim.caseNumber, amountCents: 35_000, paidOn, method: 'CHEQUE' as const },
        { caseNumber: '7999999999', amountCents: 100, paidOn, method: 'CHEQUE' as const },
        { caseNumber: claim.caseNumber, amountCents: 35_001, paidOn, method: 'CHEQUE' as const },
        {
          caseNumber: claim.caseNumber,
          amountCents: 35_000,
          paidOn: '2999-01-01',
          method: 'CHEQUE' as const,
        },
      ];
      // The file's format: a payment line is checked with the reference data (path and reason).
      const invalid = validateReferenceData({
        formatVersion: 1,
        businesses: [],
        repaymentPayments: [{ ...lines[0], caseNumber: '8000000001', method: 'CASH' }, lines[0], lines[0]],
      });
      expect(invalid.ok ? [] : invalid.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
        '$.repaymentPayments[0].caseNumber: must be a claim case number: 10 digits starting with 7',
        '$.repaymentPayments[0].method: must be one of DIRECT_DEPOSIT, CHEQUE',
        `$.repaymentPayments[2].caseNumber: duplicates the payment of case ${claim.caseNumber} of repaymentPayments[1]`,
      ]);
      const events = () =>
        t.dataSource.getRepository(DomainEventRecord).countBy({ type: 'REPAYMENT_STATUS_CHANGED' });
      const before = await events();
      const first = await importRepaymentPayments(t.dataSource, t.clock.now(), lines);
      expect(first.paid).toBe(1);
      expect(first.unchanged).toBe(0);
      expect(first.refused.map((r) => [r.index, r.message])).toEqual([
        [1, 'no claim has this case number'],
        [2, 'the repayment is 35000 cents, the file says 35001'],
        [3, `paid on 2999-01-01, after today (${paidOn})`],
      ]);
      const repayment = await t.dataSource.getRepository(Repayment).findOneByOrFail({ claimId: claim.id });
      expect([repayment.status, repayment.method, repayment.paidOn]).toEqual(['PAID', 'CHEQUE', paidOn]);
      // Idempotent: the same file again pays nothing twice.
      const again = await importRepaymentPayments(t.dataSource, t.clock.now(), lines);
      expect([again.paid, again.unchanged, again.refused.length]).toEqual([0, 1, 3]);
      // Another date for a paid repayment is refused, not applied.
      const other = await importRepaymentPayments(t.dataSource, t.clock.now(), [
        { ...lines[0], method: 'DIRECT_DEPOSIT' },
      ]);
      expect(other.refused.map((r) => r.message)).toEqual([`already paid on ${paidOn} by CHEQUE`]);
      expect(await events()).toBe(before + 1);
    });

    it('a rejection carries its reason in both languages and frees the lines', async () => {
      const [tx] = await addTransactions(t, rm, [
        { amountCents: 200_000, status: 'PAID', date: '2026-10-02' },
      ]);
      const claim = await fileAndSubmit(bam.client, adjustment(tx));
      await officer.gql(TAKE, { id: claim.id });
      const empty = payload<ClaimPayloadView>(
        await officer.gql(REJECT, { input: { claimId: claim.id, textEn: 'No.', textFr: ' ' } }),
      );
      expect(fieldCodes(empty.userErrors)).toEqual([['input.textFr', 'REQUIRED']]);
      const rejected = payload<ClaimPayloadView>(
        await officer.gql(REJECT, {
          input: {
            claimId: claim.id,
            textEn: 'The classification was right.',
            textFr: 'Le classement était exact.',
          },
        }),
      );
      expect(rejected.claim).toMatchObject({
        status: 'REJECTED',
        decisionReason: 'The classification was right.',
        repayment: null,
      });
      // The decision is also a letter in the business's correspondence, in both languages (issue 15).
      const letters = await t.dataSource
        .getRepository(Letter)
        .findBy({ kind: LetterKind.CLAIM_DECIDED, subjectEn: `Decision on claim ${claim.caseNumber}` });
      expect(letters.map((l) => [l.subjectFr, l.bodyFr.split('\n')[0]])).toEqual([
        [`Décision sur la demande ${claim.caseNumber}`, `L'agence a refusé la demande ${claim.caseNumber}.`],
      ]);
      // The lines are free again: a new claim may be filed on them.
      expect((await file(bam.client, adjustment(tx))).userErrors).toEqual([]);
      const withdrawn = payload<ClaimPayloadView>(await bam.client.gql(WITHDRAW, { id: claim.id }));
      expect(fieldCodes(withdrawn.userErrors)).toEqual([['claimId', 'NOT_OPEN']]);
    });
  });

  describe('access (REQUESTS_AND_TRANSACTIONS)', () => {
    let reader: Person;
    let rtEditor: Person;
    let bmBroker: Person;
    let pmBroker: Person;
    let unassigned: Person;
    let rtTx: string;

    beforeAll(async () => {
      const brokerBam = await person(t, 'CBrokerBam2026', 'Bruno', 'Maple');
      const consultantBam = await person(t, 'CConsultBam2026', 'Chloe', 'Harbour');
      const brokerId = await registerDirectly(t, BN.MAPLE, brokerBam.userId);
      const consultantId = await registerDirectly(t, BN.HARBOUR, consultantBam.userId);
      await establish(brokerBam, brokerId, bam, BN.NORTHERN, 'BUSINESS_MANAGEMENT');
      await establish(consultantBam, consultantId, bam, BN.NORTHERN, 'PROGRAM_MANAGEMENT', [rm]);
      bmBroker = await member(t, brokerId, brokerBam.userId, 'CBmBroker2026', BusinessRole.EDITOR);
      pmBroker = await member(t, consultantId, consultantBam.userId, 'CPmBroker2026', BusinessRole.EDITOR);
      const ASSIGN = `mutation($input: AssignEmployeeToClientInput!) { assignEmployeeToClient(input: $input) { userErrors { code } } }`;
      for (const [owner, providerId, who] of [
        [brokerBam, brokerId, bmBroker],
        [consultantBam, consultantId, pmBroker],
      ] as const)
        expect(
          payload<{ userErrors: unknown[] }>(
            await owner.client.gql(ASSIGN, {
              input: { providerBusinessId: providerId, userId: who.userId, clientBusinessId: clientId },
            }),
          ).userErrors,
        ).toEqual([]);
      unassigned = await member(t, brokerId, brokerBam.userId, 'CUnassigned2026', BusinessRole.EDITOR);
      reader = await member(t, clientId, bam.userId, 'CReader2026', BusinessRole.READER, [rm]);
      rtEditor = await member(t, clientId, bam.userId, 'CRtEditor2026', BusinessRole.EDITOR, [rt]);
      [rtTx] = await addTransactions(t, rt, [{ amountCents: 70_000, status: 'POSTED', date: '2026-11-20' }]);
    });

    it('business management: files and reads claims on every program account', async () => {
      const [rmTx] = await addTransactions(t, rm, [
        { amountCents: 70_000, status: 'POSTED', date: '2026-11-21' },
      ]);
      for (const tx of [rmTx, rtTx]) {
        const filed = await file(bmBroker.client, adjustment(tx));
        expect(filed.userErrors).toEqual([]);
        expect(payload<{ id: string }>(await bmBroker.client.gql(CLAIM, { id: filed.claim!.id })).id).toBe(
          filed.claim!.id,
        );
        await bmBroker.client.gql(WITHDRAW, { id: filed.claim!.id });
      }
    });

    it('program management of RM0001: RM0001 only; the business’s list answers only what is in scope', async () => {
      const [rmTx] = await addTransactions(t, rm, [
        { amountCents: 70_000, status: 'POSTED', date: '2026-11-22' },
      ]);
      const mine = await file(pmBroker.client, adjustment(rmTx));
      expect(mine.userErrors).toEqual([]);
      const before = await count(t);
      expectForbidden(
        await pmBroker.client.gql(FILE, { input: adjustment(rtTx) }),
        'REQUESTS_AND_TRANSACTIONS',
      );
      expect(await count(t)).toEqual(before);
      const rtClaim = (await file(bam.client, adjustment(rtTx))).claim!;
      expectForbidden(await pmBroker.client.gql(CLAIM, { id: rtClaim.id }), 'REQUESTS_AND_TRANSACTIONS');
      expectForbidden(await pmBroker.client.gql(WITHDRAW, { id: rtClaim.id }), 'REQUESTS_AND_TRANSACTIONS');
      const listed = payload<{ claims: { edges: Array<{ node: { id: string } }> } }>(
        await pmBroker.client.gql(BUSINESS_CLAIMS, { id: clientId, first: 100 }),
      );
      const ids = listed.claims.edges.map((e) => e.node.id);
      expect(ids).toContain(mine.claim!.id);
      expect(ids).not.toContain(rtClaim.id);
      await bam.client.gql(WITHDRAW, { id: rtClaim.id });
      await bam.client.gql(WITHDRAW, { id: mine.claim!.id });
    });

    it('own people: a Reader views and never files; an Editor files within its scope only', async () => {
      const [rmTx] = await addTransactions(t, rm, [
        { amountCents: 70_000, status: 'POSTED', date: '2026-11-23' },
      ]);
      const before = await count(t);
      expectForbidden(
        await reader.client.gql(FILE, { input: adjustment(rmTx) }),
        'REQUESTS_AND_TRANSACTIONS',
      );
      expectForbidden(
        await rtEditor.client.gql(FILE, { input: adjustment(rmTx) }),
        'REQUESTS_AND_TRANSACTIONS',
      );
      expect(await count(t)).toEqual(before);
      const filed = await file(rtEditor.client, adjustment(rtTx));
      expect(filed.userErrors).toEqual([]);
      const read = await reader.client.gql(BUSINESS_CLAIMS, { id: clientId, first: 100 });
      expect(read.body.errors).toBeUndefined();
      expectForbidden(await reader.client.gql(CLAIM, { id: filed.claim!.id }), 'REQUESTS_AND_TRANSACTIONS');
      expectForbidden(
        await reader.client.gql(WITHDRAW, { id: filed.claim!.id }),
        'REQUESTS_AND_TRANSACTIONS',
      );
      await rtEditor.client.gql(WITHDRAW, { id: filed.claim!.id });
    });

    // Issue 16 item 7: every status change of a claim and of its repayment is a notice (and its emails) for
    // those who may read the claim, written with the change; the decision letter stays the messaging module's.
    it('tells those who may read the claim of each status change, in both languages, and nobody else', async () => {
      const NOTICES = `{ notices(first: 100) { edges { node { type subject linkPath } } } }`;
      const noticesOf = async (client: GqlClient, claimId: string) =>
        (
          (await client.gql(NOTICES)).body.data?.notices as {
            edges: Array<{ node: { type: string; linkPath: string } }>;
          } | null
        )?.edges
          .filter((e) => e.node.linkPath === `/claims/${claimId}`)
          .map((e) => e.node.type) ?? [];
      const [rmTx] = await addTransactions(t, rm, [
        { amountCents: 70_000, status: 'POSTED', date: '2026-11-24' },
      ]);
      const filed = await file(bam.client, adjustment(rmTx));
      expect(filed.userErrors).toEqual([]);
      const claimId = filed.claim!.id;
      const rows = () => t.dataSource.getRepository(Notice).findBy({ linkPath: `/claims/${claimId}` });
      // A draft is the claimant's own: nothing to tell.
      expect(await rows()).toEqual([]);
      const submitted = payload<ClaimPayloadView>(
        await bam.client.gql(SUBMIT, { input: { claimId, attestation: true } }),
      );
      expect(submitted.userErrors).toEqual([]);
      const [notice] = await rows();
      expect(await rows()).toHaveLength(1);
      // Written in the change's transaction: dated as its event, owned as the claim.
      const event = await t.dataSource
        .getRepository(DomainEventRecord)
        .findOneByOrFail({ type: 'CLAIM_SUBMITTED', payload: Like(`%${claimId}%`) });
      expect(notice).toMatchObject({
        type: 'CLAIM_STATUS_CHANGED',
        area: 'REQUESTS_AND_TRANSACTIONS',
        businessId: clientId,
        programAccountId: rm,
        createdAt: event.occurredAt,
        subjectEn: `Claim ${filed.claim!.caseNumber} submitted`,
        subjectFr: `Demande ${filed.claim!.caseNumber} présentée`,
      });
      expect(notice.bodyEn).toContain('$350.00');
      expect(notice.bodyFr).toContain('350,00');
      const who: Array<[string, Person]> = [
        ['bam', bam],
        ['reader', reader],
        ['rtEditor', rtEditor],
        ['bmBroker', bmBroker],
        ['pmBroker', pmBroker],
        ['unassigned', unassigned],
        ['outsider', await person(t, 'CNoticeOut2026', 'Olga', 'Outsider')],
      ];
      const told = async () => {
        const out: string[] = [];
        for (const [name, p] of who) if ((await noticesOf(p.client, claimId)).length) out.push(name);
        return out;
      };
      // As the claim itself: RM0001's readers and both providers (program management names RM0001); not the
      // RT0001 editor, not the provider's employee unassigned to the client, not an outsider.
      expect(await told()).toEqual(['bam', 'reader', 'bmBroker', 'pmBroker']);
      // Emails for the business's own people who may read it, in their language.
      const mails = await t.dataSource.getRepository(MailOutbox).findBy({ noticeId: notice.id });
      expect(mails.map((m) => m.userId).sort()).toEqual([bam.userId, reader.userId].sort());
      expect(mails.every((m) => m.language === 'en' || m.language === 'fr')).toBe(true);

      // Review, approval (and its repayment payable), payment: one notice each, the right text each.
      expect(payload<ClaimPayloadView>(await officer.gql(TAKE, { id: claimId })).userErrors).toEqual([]);
      const approved = payload<ClaimPayloadView>(
        await officer.gql(APPROVE, {
          input: { claimId, approvedCents: 20_000, reasonEn: 'In part.', reasonFr: 'En partie.' },
        }),
      );
      expect(approved.userErrors).toEqual([]);
      const repaymentId = approved.claim!.repayment!.id;
      expect(
        payload<ClaimPayloadView>(
          await officer.gql(PAID, {
            input: { repaymentId, method: 'CHEQUE', paidOn: agencyDay(t.clock.now()) },
          }),
        ).userErrors,
      ).toEqual([]);
      const all = (await rows()).sort((a, b) => a.id.localeCompare(b.id));
      const c = filed.claim!.caseNumber;
      expect(all.map((n) => [n.type, n.subjectEn, n.subjectFr])).toEqual([
        ['CLAIM_STATUS_CHANGED', `Claim ${c} submitted`, `Demande ${c} présentée`],
        ['CLAIM_STATUS_CHANGED', `Claim ${c} under review`, `Demande ${c} en cours d’examen`],
        ['CLAIM_STATUS_CHANGED', `Claim ${c} approved in part`, `Demande ${c} approuvée en partie`],
        [
          'REPAYMENT_STATUS_CHANGED',
          `Repayment payable for claim ${c}`,
          `Remboursement payable pour la demande ${c}`,
        ],
        [
          'REPAYMENT_STATUS_CHANGED',
          `Repayment paid for claim ${c}`,
          `Remboursement payé pour la demande ${c}`,
        ],
      ]);
      expect(all[2].bodyEn).toContain('$200.00 of $350.00');
      expect(all[4].bodyFr).toContain('200,00');
      expect(await noticesOf(pmBroker.client, claimId)).toHaveLength(5);
      expect(await noticesOf(rtEditor.client, claimId)).toEqual([]);
    });

    it('tells of more information requested, a rejection and a withdrawal; a draft withdrawn tells nobody', async () => {
      const [a, b] = await addTransactions(t, rm, [
        { amountCents: 70_000, status: 'POSTED', date: '2026-11-25' },
        { amountCents: 70_000, status: 'POSTED', date: '2026-11-26' },
      ]);
      const subjects = async (claimId: string) =>
        (await t.dataSource.getRepository(Notice).findBy({ linkPath: `/claims/${claimId}` }))
          .sort((x, y) => x.id.localeCompare(y.id))
          .map((n) => [n.subjectEn, n.subjectFr]);
      const asked = await fileAndSubmit(bam.client, adjustment(a));
      expect(payload<ClaimPayloadView>(await officer.gql(TAKE, { id: asked.id })).userErrors).toEqual([]);
      for (const [query, input] of [
        [REQUEST_INFO, { claimId: asked.id, textEn: 'Send it.', textFr: 'Envoyez-le.' }],
      ] as const)
        expect(payload<ClaimPayloadView>(await officer.gql(query, { input })).userErrors).toEqual([]);
      expect(payload<ClaimPayloadView>(await bam.client.gql(WITHDRAW, { id: asked.id })).userErrors).toEqual(
        [],
      );
      const c = asked.caseNumber;
      expect((await subjects(asked.id)).slice(2)).toEqual([
        [`Claim ${c}: more information requested`, `Demande ${c} : renseignements supplémentaires demandés`],
        [`Claim ${c} withdrawn`, `Demande ${c} retirée`],
      ]);
      const refused = await fileAndSubmit(bam.client, adjustment(b));
      await officer.gql(TAKE, { id: refused.id });
      expect(
        payload<ClaimPayloadView>(
          await officer.gql(REJECT, { input: { claimId: refused.id, textEn: 'No.', textFr: 'Non.' } }),
        ).userErrors,
      ).toEqual([]);
      expect((await subjects(refused.id)).at(-1)).toEqual([
        `Claim ${refused.caseNumber} rejected`,
        `Demande ${refused.caseNumber} refusée`,
      ]);
      const [draftTx] = await addTransactions(t, rm, [
        { amountCents: 70_000, status: 'POSTED', date: '2026-11-27' },
      ]);
      const draft = (await file(bam.client, adjustment(draftTx))).claim!;
      await bam.client.gql(WITHDRAW, { id: draft.id });
      // A draft withdrawn never reached the agency: like its filing, the claimant's own doing tells nobody.
      expect(await subjects(draft.id)).toEqual([]);
    });

    it('a transaction of another business, or none, is FORBIDDEN alike', async () => {
      const stranger = await person(t, 'CStranger2026', 'Sam', 'Stranger');
      expectForbidden(
        await stranger.client.gql(FILE, { input: adjustment(posted) }),
        'REQUESTS_AND_TRANSACTIONS',
      );
      expectForbidden(
        await stranger.client.gql(FILE, { input: adjustment('00000000-0000-0000-0000-000000000000') }),
        'REQUESTS_AND_TRANSACTIONS',
      );
    });
  });
});
