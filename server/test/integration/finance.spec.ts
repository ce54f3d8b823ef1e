import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BusinessAuditEvent } from '../../src/modules/businesses/businesses.entities.js';
import { BusinessRole } from '../../src/modules/businesses/businesses.types.js';
import {
  CreditApplication,
  FinancialSecurityChange,
  PadAgreement,
  TransactionAllocation,
} from '../../src/modules/finance/finance.entities.js';
import {
  importReferenceData,
  loadDemoReferenceData,
} from '../../src/modules/registry/reference-data.service.js';
import { drivers } from '../support/databases.js';
import {
  addTransactions,
  allTransactions,
  apply,
  APPLICATIONS,
  type ApplyPayload,
  BALANCE,
  byNumber,
  CANCEL_PAD,
  CREATE_PAD,
  type Errors,
  fieldCodes,
  INVOICES,
  PAD_INPUT,
  PADS,
  RECENT,
  SECURITY,
  SECURITY_INPUT,
  STATEMENTS,
  SUBMIT_SECURITY,
  TRANSACTIONS,
  type Tx,
} from '../support/finance.js';
import { type GqlClient } from '../support/gql-client.js';
import { expectForbidden, payload } from '../support/identity.js';
import {
  accountsOf,
  BN,
  member,
  person,
  registerDirectly,
  registryBusinessId,
  signInAgain,
  type Person,
} from '../support/relationships.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Program account finances through the real HTTP API (docs/finance.md): transactions and their keyset pages,
// the balance, statements and invoices, applying credits (bounds, bad input, concurrency), financial security
// changes and pre-authorized debit agreements. Northern Lights' RM0001 in the demo file has 9 transactions:
// two payable CADs, three unapplied credits ($10.00, $2,000.99, $3,000.99) and settled ones.

const NUMBERS = {
  cad1: '13409539086039', // 2026-11-17, $4,829.15 POSTED
  cad2: '13409539085981', // 2026-11-10, $12,500.00 POSTED
  credit10: '13409539085874', // 2026-11-02, -$10.00 UNAPPLIED_CREDIT
  paidCad: '13409539085760', // PAID
  appliedCredit: '13409539085544', // APPLIED_CREDIT
  credit2000: '13409539085321', // -$2,000.99
  credit3000: '13409539085210', // -$3,000.99
};

type Payload<T> = T & { userErrors: Errors };

describe.each(drivers)('program account finances on %s', (driver) => {
  let t: TestApp;
  let bam: Person;
  let bamFr: Person;
  let editor: Person;
  let reader: Person;
  let clientId: string;
  let rm: string;
  let rt: string;
  let tx: Record<string, Tx>;

  const counts = async () => ({
    allocated: (await t.dataSource.getRepository(TransactionAllocation).find()).reduce(
      (sum, row) => sum + row.allocatedCents,
      0,
    ),
    applications: await t.dataSource.getRepository(CreditApplication).count(),
    changes: await t.dataSource.getRepository(FinancialSecurityChange).count(),
    pads: await t.dataSource.getRepository(PadAgreement).count(),
  });

  beforeAll(async () => {
    t = await startTestApp(driver);
    await importReferenceData(t.dataSource, await loadDemoReferenceData());
    bam = await person(t, 'FinBam2026', 'Alexandra', 'Whitfield');
    clientId = await registerDirectly(t, BN.NORTHERN, bam.userId);
    ({ RM0001: rm, RT0001: rt } = await accountsOf(t, BN.NORTHERN));
    bamFr = await signInAgain(t, bam, 'fr');
    editor = await member(t, clientId, bam.userId, 'FinEditor2026', BusinessRole.EDITOR, [rm]);
    reader = await member(t, clientId, bam.userId, 'FinReader2026', BusinessRole.READER, [rm]);
    tx = await byNumber(bam.client, rm);
  });
  afterAll(async () => t?.close());

  // ---- Transactions, balance, statements, invoices ---------------------------------------------------

  it('lists the account’s transactions newest first, with the agency’s statuses and what is left', async () => {
    const all = await allTransactions(bam.client, rm);
    expect(all.map((x) => x.transactionNumber)).toEqual([
      NUMBERS.cad1,
      NUMBERS.cad2,
      NUMBERS.credit10,
      NUMBERS.paidCad,
      '13409539085652',
      NUMBERS.appliedCredit,
      '13409539085433',
      // Same date: the id breaks the tie, so the order is stable from page to page.
      ...[NUMBERS.credit2000, NUMBERS.credit3000].sort((a, b) => (tx[a].id < tx[b].id ? 1 : -1)),
    ]);
    expect(tx[NUMBERS.cad1]).toMatchObject({
      transactionDate: '2026-11-17',
      type: 'CAD',
      amountCents: 482_915,
      status: 'POSTED',
      remainingCents: 482_915,
      isPayable: true,
      isApplicableCredit: false,
    });
    expect(tx[NUMBERS.credit10]).toMatchObject({
      amountCents: -1_000,
      status: 'UNAPPLIED_CREDIT',
      remainingCents: 1_000,
      isApplicableCredit: true,
    });
    expect(tx[NUMBERS.paidCad]).toMatchObject({ status: 'PAID', remainingCents: 0, isPayable: false });
  });

  it('pages the history with keyset cursors and filters it by dates, inclusive', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      type Page = {
        edges: Array<{ cursor: string; node: Tx }>;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        totalCount: number;
      };
      const page: Page = payload<{
        transactions: {
          edges: Array<{ cursor: string; node: Tx }>;
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
          totalCount: number;
        };
      }>(await bam.client.gql(TRANSACTIONS, { id: rm, first: 4, after })).transactions;
      pages += 1;
      expect(page.totalCount).toBe(9);
      seen.push(...page.edges.map((e) => e.node.transactionNumber));
      if (!page.pageInfo.hasNextPage) break;
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)!.cursor);
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual((await allTransactions(bam.client, rm)).map((x) => x.transactionNumber));

    const filtered = payload<{ transactions: { edges: Array<{ node: Tx }>; totalCount: number } }>(
      await bam.client.gql(TRANSACTIONS, { id: rm, from: '2026-11-02', to: '2026-11-17' }),
    ).transactions;
    expect(filtered.edges.map((e) => e.node.transactionNumber)).toEqual([
      NUMBERS.cad1,
      NUMBERS.cad2,
      NUMBERS.credit10,
    ]);
    expect(filtered.totalCount).toBe(3);
  });

  it('refuses a page of more than 100, a bad date and a cursor it did not make', async () => {
    const code = async (variables: Record<string, unknown>) =>
      (await bam.client.gql(TRANSACTIONS, { id: rm, ...variables })).body.errors?.map(
        (e) => e.extensions?.code,
      );
    expect(await code({ first: 100 })).toBeUndefined();
    expect(await code({ first: 101 })).toEqual(['BAD_USER_INPUT']);
    expect(await code({ first: 0 })).toEqual(['BAD_USER_INPUT']);
    expect(await code({ from: '2026-02-30' })).toEqual(['BAD_USER_INPUT']);
    expect(await code({ to: '17/11/2026' })).toEqual(['BAD_USER_INPUT']);
    expect(await code({ after: 'bm9wZQ' })).toEqual(['BAD_USER_INPUT']);
  });

  it('gives the account balance, the credit available and what is owed', async () => {
    const { balance } = payload<{ balance: Record<string, number> }>(
      await bam.client.gql(BALANCE, { id: rm }),
    );
    const all = await allTransactions(bam.client, rm);
    expect(balance).toEqual({
      balanceCents: all.reduce((sum, x) => sum + x.amountCents, 0),
      availableCreditCents: 1_000 + 200_099 + 300_099,
      amountOwingCents: 482_915 + 1_250_000,
    });
  });

  it('lists the monthly statements and the agency invoices, newest first; none for a GST/HST account', async () => {
    const statements = payload<{
      statements: {
        edges: Array<{ node: { statementDate: string; balanceCents: number } }>;
        totalCount: number;
      };
    }>(await bam.client.gql(STATEMENTS, { id: rm })).statements;
    expect(statements.edges.map((e) => [e.node.statementDate, e.node.balanceCents])).toEqual([
      ['2026-11-03', 876_543],
      ['2026-10-05', 2_584_210],
      ['2026-09-03', 0],
    ]);
    const page = payload<{
      statements: { edges: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
    }>(await bam.client.gql(STATEMENTS, { id: rm, first: 2 })).statements;
    expect(page.edges).toHaveLength(2);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const invoices = payload<{
      invoices: { edges: Array<{ node: { invoiceNumber: string; status: string; amountCents: number } }> };
    }>(await bam.client.gql(INVOICES, { id: rm })).invoices;
    expect(invoices.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({
        invoiceNumber: 'INV-2026-004217',
        status: 'OUTSTANDING',
        amountCents: 4_500,
      }),
      expect.objectContaining({ invoiceNumber: 'INV-2026-003198', status: 'PAID' }),
    ]);
    expect(
      payload<{ transactions: { totalCount: number } }>(await bam.client.gql(TRANSACTIONS, { id: rt }))
        .transactions.totalCount,
    ).toBe(0);
  });

  it('shows the home page’s recent transactions: 5 by default, 1 to 20', async () => {
    const recent = (first?: number) => bam.client.gql(RECENT, { id: clientId, ...(first ? { first } : {}) });
    const five = payload<{ recentTransactions: Tx[] }>(await recent()).recentTransactions;
    expect(five.map((x) => x.transactionNumber)).toEqual(
      (await allTransactions(bam.client, rm)).slice(0, 5).map((x) => x.transactionNumber),
    );
    expect(payload<{ recentTransactions: Tx[] }>(await recent(20)).recentTransactions).toHaveLength(9);
    expect((await recent(21)).body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  // ---- Applying credits ------------------------------------------------------------------------------

  it('applies a credit exactly to its limit: the credit is used up and the transaction partly paid', async () => {
    const before = await counts();
    const { balance: balanceBefore } = payload<{ balance: { balanceCents: number } }>(
      await bam.client.gql(BALANCE, { id: rm }),
    );
    const result = payload<ApplyPayload>(
      await apply(bam.client, rm, tx[NUMBERS.credit10].id, [
        { transactionId: tx[NUMBERS.cad1].id, amountCents: 1_000 },
      ]),
    );
    expect(result.userErrors).toEqual([]);
    expect(result.credit).toMatchObject({
      status: 'APPLIED_CREDIT',
      remainingCents: 0,
      isApplicableCredit: false,
    });
    expect(result.paid).toEqual([
      expect.objectContaining({
        transactionNumber: NUMBERS.cad1,
        status: 'PARTIALLY_PAID',
        remainingCents: 481_915,
      }),
    ]);
    expect(await counts()).toMatchObject({
      allocated: before.allocated + 2_000,
      applications: before.applications + 1,
    });
    // The credit moved onto the debt: the balance is the same, the credit available and the amount owed fell.
    const { balance } = payload<{ balance: Record<string, number> }>(
      await bam.client.gql(BALANCE, { id: rm }),
    );
    expect(balance.balanceCents).toBe(balanceBefore.balanceCents);
    expect(balance.availableCreditCents).toBe(200_099 + 300_099);
    // Recorded and audited, with who did it.
    const applications = payload<{ creditApplications: Array<Record<string, unknown>> }>(
      await bam.client.gql(APPLICATIONS, { id: rm }),
    ).creditApplications;
    expect(applications[0]).toMatchObject({
      creditTransactionNumber: NUMBERS.credit10,
      targetTransactionNumber: NUMBERS.cad1,
      amountCents: 1_000,
      appliedBy: { id: bam.userId, name: 'Alexandra Whitfield' },
    });
    const audit = await t.dataSource
      .getRepository(BusinessAuditEvent)
      .findBy({ registryBusinessId: await registryBusinessId(t, BN.NORTHERN), type: 'CREDIT_APPLIED' });
    expect(audit.map((a) => a.detail)).toContain(
      `account=123456789RM0001 credit=${NUMBERS.credit10} cents=1000 transactions=1`,
    );
    // A used-up credit cannot be applied again.
    const again = payload<ApplyPayload>(
      await apply(bam.client, rm, tx[NUMBERS.credit10].id, [
        { transactionId: tx[NUMBERS.cad2].id, amountCents: 1 },
      ]),
    );
    expect(fieldCodes(again.userErrors)).toEqual([['input.creditTransactionId', 'NOT_A_CREDIT']]);
  });

  it('refuses a cent over the credit, in the caller’s language, and changes nothing', async () => {
    const before = await counts();
    const over = payload<ApplyPayload>(
      await apply(bamFr.client, rm, tx[NUMBERS.credit2000].id, [
        { transactionId: tx[NUMBERS.cad1].id, amountCents: 100_000 },
        { transactionId: tx[NUMBERS.cad2].id, amountCents: 100_100 },
      ]),
    );
    expect(fieldCodes(over.userErrors)).toEqual([['input.allocations', 'OVER_CREDIT']]);
    expect(over.userErrors[0].message).toMatch(
      /^Ensemble, les montants dépassent les 2\s000,99\s\$ de crédit disponible\.$/,
    );
    expect(await counts()).toEqual(before);
    const english = payload<ApplyPayload>(
      await apply(bam.client, rm, tx[NUMBERS.credit2000].id, [
        { transactionId: tx[NUMBERS.cad2].id, amountCents: 200_100 },
      ]),
    );
    expect(english.userErrors[0].message).toBe(
      'Together, the amounts are more than the $2,000.99 of credit available.',
    );
  });

  it('never pays a transaction more than it owes: at the amount owed, and a cent over', async () => {
    const [credit, owed] = await addTransactions(t, rm, [
      { amountCents: -10_000, status: 'UNAPPLIED_CREDIT' },
      { amountCents: 2_500, status: 'POSTED' },
    ]);
    const before = await counts();
    const over = payload<ApplyPayload>(
      await apply(bam.client, rm, credit, [{ transactionId: owed, amountCents: 2_501 }]),
    );
    expect(fieldCodes(over.userErrors)).toEqual([['input.allocations.0.amountCents', 'OVER_OWING']]);
    expect(over.userErrors[0].message).toBe(
      'The amount is more than the $25.00 still owed on this transaction.',
    );
    expect(await counts()).toEqual(before);
    const exact = payload<ApplyPayload>(
      await apply(bam.client, rm, credit, [{ transactionId: owed, amountCents: 2_500 }]),
    );
    expect(exact.userErrors).toEqual([]);
    expect(exact.paid[0]).toMatchObject({ status: 'PAID', remainingCents: 0, isPayable: false });
    expect(exact.credit).toMatchObject({ status: 'UNAPPLIED_CREDIT', remainingCents: 7_500 });
    const paidAgain = payload<ApplyPayload>(
      await apply(bam.client, rm, credit, [{ transactionId: owed, amountCents: 1 }]),
    );
    expect(fieldCodes(paidAgain.userErrors)).toEqual([['input.allocations.0.transactionId', 'NOT_PAYABLE']]);
  });

  it('pays 20 transactions at once, and refuses 21', async () => {
    const [credit, ...owed] = await addTransactions(t, rm, [
      { amountCents: -2_100, status: 'UNAPPLIED_CREDIT' },
      ...Array.from({ length: 21 }, () => ({ amountCents: 100, status: 'POSTED' })),
    ]);
    const before = await counts();
    const tooMany = payload<ApplyPayload>(
      await apply(
        bam.client,
        rm,
        credit,
        owed.map((id) => ({ transactionId: id, amountCents: 100 })),
      ),
    );
    expect(fieldCodes(tooMany.userErrors)).toEqual([['input.allocations', 'TOO_MANY']]);
    expect(tooMany.userErrors[0].message).toBe('Choose at most 20 transactions at a time.');
    expect(await counts()).toEqual(before);
    const twenty = payload<ApplyPayload>(
      await apply(
        bam.client,
        rm,
        credit,
        owed.slice(0, 20).map((id) => ({ transactionId: id, amountCents: 100 })),
      ),
    );
    expect(twenty.userErrors).toEqual([]);
    expect(twenty.paid.map((p) => p.status)).toEqual(Array(20).fill('PAID'));
    expect(twenty.credit?.remainingCents).toBe(100);
  });

  it('refuses bad choices with one error each, beside its field, and changes nothing', async () => {
    const [otherCredit] = await addTransactions(t, rt, [{ amountCents: -500, status: 'UNAPPLIED_CREDIT' }]);
    const before = await counts();
    const credit = tx[NUMBERS.credit3000].id;
    const codesOf = async (
      creditId: string,
      allocations: Array<{ transactionId: string; amountCents: number }>,
    ) => fieldCodes(payload<ApplyPayload>(await apply(bam.client, rm, creditId, allocations)).userErrors);
    expect(await codesOf(credit, [])).toEqual([['input.allocations', 'REQUIRED']]);
    expect(await codesOf(credit, [{ transactionId: tx[NUMBERS.cad2].id, amountCents: 0 }])).toEqual([
      ['input.allocations.0.amountCents', 'AMOUNT_INVALID'],
    ]);
    expect(
      await codesOf(credit, [
        { transactionId: tx[NUMBERS.cad2].id, amountCents: 1 },
        { transactionId: tx[NUMBERS.cad2].id, amountCents: 1 },
      ]),
    ).toEqual([['input.allocations.1.transactionId', 'DUPLICATE']]);
    // A credit of another account (even of the same business) is not this account's.
    expect(await codesOf(otherCredit, [{ transactionId: tx[NUMBERS.cad2].id, amountCents: 1 }])).toEqual([
      ['input.creditTransactionId', 'CREDIT_NOT_FOUND'],
    ]);
    // A debt is not a credit; a paid transaction and another account's are not payable here.
    expect(
      await codesOf(tx[NUMBERS.cad1].id, [{ transactionId: tx[NUMBERS.cad2].id, amountCents: 1 }]),
    ).toEqual([['input.creditTransactionId', 'NOT_A_CREDIT']]);
    expect(
      await codesOf(credit, [
        { transactionId: tx[NUMBERS.paidCad].id, amountCents: 1 },
        { transactionId: otherCredit, amountCents: 1 },
        { transactionId: tx[NUMBERS.credit2000].id, amountCents: 1 },
      ]),
    ).toEqual([
      ['input.allocations.0.transactionId', 'NOT_PAYABLE'],
      ['input.allocations.1.transactionId', 'TRANSACTION_NOT_FOUND'],
      ['input.allocations.2.transactionId', 'NOT_PAYABLE'],
    ]);
    expect(await counts()).toEqual(before);
  });

  it('never spends more than the credit under concurrent requests', async () => {
    // Five requests at once, each for $1,000.00 of a $3,000.99 credit, on five different transactions: three fit.
    const owed = await addTransactions(
      t,
      rm,
      Array.from({ length: 5 }, () => ({ amountCents: 500_000, status: 'POSTED' })),
    );
    const credit = tx[NUMBERS.credit3000].id;
    const clients = [bam.client, editor.client, bam.client, editor.client, bam.client];
    const raw = await Promise.all(
      owed.map((id, i) => apply(clients[i], rm, credit, [{ transactionId: id, amountCents: 100_000 }])),
    );
    const results = raw.map((r) => payload<ApplyPayload>(r));
    const succeeded = results.filter((r) => r.userErrors.length === 0);
    expect(succeeded).toHaveLength(3);
    expect(results.filter((r) => r.userErrors.length > 0).map((r) => fieldCodes(r.userErrors))).toEqual([
      [['input.allocations', 'OVER_CREDIT']],
      [['input.allocations', 'OVER_CREDIT']],
    ]);
    const allocation = await t.dataSource
      .getRepository(TransactionAllocation)
      .findOneByOrFail({ transactionId: credit });
    expect(allocation.allocatedCents).toBe(300_000);
    expect(await t.dataSource.getRepository(CreditApplication).countBy({ creditTransactionId: credit })).toBe(
      3,
    );
    // Two at once for the whole remaining $0.99: one gets it.
    const [a, b] = await addTransactions(t, rm, [
      { amountCents: 99, status: 'POSTED' },
      { amountCents: 99, status: 'POSTED' },
    ]);
    const pair = await Promise.all([
      apply(bam.client, rm, credit, [{ transactionId: a, amountCents: 99 }]),
      apply(editor.client, rm, credit, [{ transactionId: b, amountCents: 99 }]),
    ]);
    expect(pair.map((r) => payload<ApplyPayload>(r).userErrors.length).sort()).toEqual([0, 1]);
    expect(
      (await t.dataSource.getRepository(TransactionAllocation).findOneByOrFail({ transactionId: credit }))
        .allocatedCents,
    ).toBe(300_099);
  });

  it('lets a Reader view the transactions but not apply a credit', async () => {
    expect((await allTransactions(reader.client, rm)).length).toBeGreaterThan(0);
    const before = await counts();
    expectForbidden(
      await apply(reader.client, rm, tx[NUMBERS.credit2000].id, [
        { transactionId: tx[NUMBERS.cad2].id, amountCents: 1 },
      ]),
      'REQUESTS_AND_TRANSACTIONS',
    );
    expect(await counts()).toEqual(before);
  });

  // ---- Financial security ----------------------------------------------------------------------------

  it('shows the surety bond on file; none for a GST/HST account', async () => {
    const rmSecurity = payload<{ financialSecurity: unknown }>(await bam.client.gql(SECURITY, { id: rm }));
    expect(rmSecurity.financialSecurity).toEqual({
      type: 'SURETY_BOND',
      amountCents: 5_000_000,
      provider: 'Laurentian Surety Company',
      reference: 'SB-2024-118204',
      effectiveDate: '2024-03-01',
      expiryDate: '2027-02-28',
    });
    expect(
      payload<{ financialSecurity: unknown }>(await bam.client.gql(SECURITY, { id: rt })).financialSecurity,
    ).toBeNull();
  });

  it('records a submitted change, audited, that the account’s people then see', async () => {
    const result = payload<Payload<{ change: Record<string, unknown> }>>(
      await editor.client.gql(SUBMIT_SECURITY, { input: { programAccountId: rm, ...SECURITY_INPUT } }),
    );
    expect(result.userErrors).toEqual([]);
    expect(result.change).toMatchObject({
      status: 'SUBMITTED',
      type: 'SURETY_BOND',
      amountCents: 7_500_000,
      submittedBy: { name: 'FinEditor Employee' },
    });
    const seen = payload<{ financialSecurityChanges: Array<Record<string, unknown>> }>(
      await bam.client.gql(SECURITY, { id: rm }),
    ).financialSecurityChanges;
    expect(seen[0]).toMatchObject({
      id: result.change.id,
      reason: SECURITY_INPUT.reason,
      submittedBy: { id: editor.userId },
    });
    const audit = await t.dataSource.getRepository(BusinessAuditEvent).findBy({
      registryBusinessId: await registryBusinessId(t, BN.NORTHERN),
      type: 'SECURITY_CHANGE_SUBMITTED',
    });
    expect(audit).toHaveLength(1);
    expect(audit[0].actorId).toBe(editor.userId);
    // The security on file is the agency's: it changes once the agency processes the request.
    expect(
      payload<{ financialSecurity: { amountCents: number } }>(await bam.client.gql(SECURITY, { id: rm }))
        .financialSecurity.amountCents,
    ).toBe(5_000_000);
  });

  it('takes amounts, names and reasons up to their limits and refuses one over, in French too', async () => {
    const submit = (client: GqlClient, overrides: Record<string, unknown>) =>
      client.gql(SUBMIT_SECURITY, { input: { programAccountId: rm, ...SECURITY_INPUT, ...overrides } });
    const ok = async (overrides: Record<string, unknown>) =>
      expect(payload<Payload<object>>(await submit(bam.client, overrides)).userErrors).toEqual([]);
    await ok({
      amountCents: 1_000_000_000,
      provider: 'P'.repeat(175),
      reason: 'R'.repeat(500),
      expiryDate: null,
    });
    await ok({ amountCents: 1, type: 'CASH_DEPOSIT', reference: null });
    const before = await counts();
    const refused = payload<Payload<object>>(
      await submit(bamFr.client, {
        amountCents: 1_000_000_001,
        provider: 'P'.repeat(176),
        reference: 'SB 2027/1',
        reason: 'R'.repeat(501),
        expiryDate: SECURITY_INPUT.effectiveDate,
      }),
    );
    expect(fieldCodes(refused.userErrors)).toEqual([
      ['input.amountCents', 'OUT_OF_RANGE'],
      ['input.provider', 'TOO_LONG'],
      ['input.reference', 'INVALID_FORMAT'],
      ['input.expiryDate', 'BEFORE_EFFECTIVE'],
      ['input.reason', 'TOO_LONG'],
    ]);
    expect(refused.userErrors[0].message).toMatch(/^Entrez un montant de 0,01 \$ à 10\s000\s000,00\s\$\.$/);
    const empty = payload<Payload<object>>(
      await submit(bam.client, {
        amountCents: 0,
        provider: '  ',
        reason: '',
        effectiveDate: '2027-02-30',
        expiryDate: '2030-13-01',
      }),
    );
    expect(fieldCodes(empty.userErrors)).toEqual([
      ['input.amountCents', 'OUT_OF_RANGE'],
      ['input.provider', 'REQUIRED'],
      ['input.effectiveDate', 'INVALID_DATE'],
      ['input.expiryDate', 'INVALID_DATE'],
      ['input.reason', 'REQUIRED'],
    ]);
    const gst = payload<Payload<object>>(
      await bam.client.gql(SUBMIT_SECURITY, { input: { programAccountId: rt, ...SECURITY_INPUT } }),
    );
    expect(fieldCodes(gst.userErrors)).toEqual([['input.programAccountId', 'NOT_AN_RM_ACCOUNT']]);
    expect(await counts()).toEqual(before);
  });

  // ---- Pre-authorized debit --------------------------------------------------------------------------

  it('creates a monthly PAD agreement, shows its numbers masked, and never stores or logs the account number', async () => {
    const result = payload<Payload<{ agreement: Record<string, unknown> }>>(
      await bam.client.gql(CREATE_PAD, { input: { programAccountId: rm, ...PAD_INPUT } }),
    );
    expect(result.userErrors).toEqual([]);
    expect(result.agreement).toMatchObject({
      status: 'ACTIVE',
      institutionNumber: '003',
      maskedTransitNumber: '•••45',
      maskedAccountNumber: '••••4321',
      accountNumberEnding: '4321',
      debitDay: 15,
    });
    const rows = await t.dataSource.query<unknown[]>('SELECT * FROM finance_pad_agreement');
    expect(JSON.stringify(rows)).not.toContain(PAD_INPUT.accountNumber);
    // The logger's own figures (time, duration, request id) are left out: a timestamp such as 1796648123455
    // holds the transit number's digits without anything having leaked (a CI run failed on exactly that).
    const logged = JSON.stringify(t.logs, (key, value: unknown) =>
      ['time', 'ms', 'requestId'].includes(key) ? undefined : value,
    );
    expect(logged).toContain('"msg":"request"');
    expect(logged).not.toContain(PAD_INPUT.accountNumber);
    expect(logged).not.toContain(PAD_INPUT.transitNumber);
    const audit = await t.dataSource.query<unknown[]>('SELECT detail FROM business_audit_event');
    expect(JSON.stringify(audit)).not.toContain(PAD_INPUT.accountNumber);

    // One active agreement per account.
    const second = payload<Payload<object>>(
      await bam.client.gql(CREATE_PAD, { input: { programAccountId: rm, ...PAD_INPUT } }),
    );
    expect(fieldCodes(second.userErrors)).toEqual([['input.programAccountId', 'PAD_EXISTS']]);
    expect(await t.dataSource.getRepository(PadAgreement).countBy({ status: 'ACTIVE' })).toBe(1);

    // Cancel, cancel again, create again.
    const id = String(result.agreement.id);
    const cancelled = payload<Payload<{ agreement: Record<string, unknown> }>>(
      await bam.client.gql(CANCEL_PAD, { id }),
    );
    expect(cancelled.agreement).toMatchObject({ status: 'CANCELLED' });
    expect(cancelled.agreement.cancelledAt).not.toBeNull();
    const again = payload<Payload<object>>(await bam.client.gql(CANCEL_PAD, { id }));
    expect(fieldCodes(again.userErrors)).toEqual([['padAgreementId', 'PAD_NOT_ACTIVE']]);
    const renewed = payload<Payload<object>>(
      await editor.client.gql(CREATE_PAD, { input: { programAccountId: rm, ...PAD_INPUT, debitDay: 28 } }),
    );
    expect(renewed.userErrors).toEqual([]);
    const list = payload<{ padAgreements: Array<{ status: string }> }>(
      await bam.client.gql(PADS, { id: rm }),
    ).padAgreements;
    expect(list.map((p) => p.status)).toEqual(['ACTIVE', 'CANCELLED']);
    // The connection that replaces the list: the same agreements, newest first, one page at a time.
    const PAGE = `query($id: ID!, $after: String) { programAccount(id: $id) { padAgreementsConnection(first: 1, after: $after) {
      edges { node { status } } pageInfo { hasNextPage endCursor } totalCount } } }`;
    type PadPage = {
      edges: Array<{ node: { status: string } }>;
      pageInfo: { hasNextPage: boolean; endCursor: string };
      totalCount: number;
    };
    const first = payload<{ padAgreementsConnection: PadPage }>(
      await bam.client.gql(PAGE, { id: rm }),
    ).padAgreementsConnection;
    const next = payload<{ padAgreementsConnection: PadPage }>(
      await bam.client.gql(PAGE, { id: rm, after: first.pageInfo.endCursor }),
    ).padAgreementsConnection;
    expect([first, next].map((page) => [page.edges[0].node.status, page.pageInfo.hasNextPage])).toEqual([
      ['ACTIVE', true],
      ['CANCELLED', false],
    ]);
    expect(next.totalCount).toBe(2);
    expect(await t.dataSource.getRepository(BusinessAuditEvent).countBy({ type: 'PAD_CREATED' })).toBe(2);
    expect(await t.dataSource.getRepository(BusinessAuditEvent).countBy({ type: 'PAD_CANCELLED' })).toBe(1);
  });

  it('keeps one active agreement when two are created at once', async () => {
    const active = await t.dataSource.getRepository(PadAgreement).findOneByOrFail({ status: 'ACTIVE' });
    expect(payload<Payload<object>>(await bam.client.gql(CANCEL_PAD, { id: active.id })).userErrors).toEqual(
      [],
    );
    const both = await Promise.all([
      bam.client.gql(CREATE_PAD, { input: { programAccountId: rm, ...PAD_INPUT } }),
      editor.client.gql(CREATE_PAD, { input: { programAccountId: rm, ...PAD_INPUT } }),
    ]);
    expect(both.map((r) => fieldCodes(payload<Payload<object>>(r).userErrors)).sort()).toEqual([
      [],
      [['input.programAccountId', 'PAD_EXISTS']],
    ]);
    expect(await t.dataSource.getRepository(PadAgreement).countBy({ status: 'ACTIVE' })).toBe(1);
  });

  it('validates the bank numbers, the day and the terms at their bounds, and changes nothing when refused', async () => {
    const before = await counts();
    const create = (client: GqlClient, overrides: Record<string, unknown>) =>
      client.gql(CREATE_PAD, { input: { programAccountId: rm, ...PAD_INPUT, ...overrides } });
    const refused = payload<Payload<object>>(
      await create(bamFr.client, {
        institutionNumber: '03',
        transitNumber: '1234',
        accountNumber: '123456',
        accountHolder: 'H'.repeat(176),
        debitDay: 29,
        acceptTerms: false,
      }),
    );
    expect(fieldCodes(refused.userErrors)).toEqual([
      ['input.institutionNumber', 'INVALID_FORMAT'],
      ['input.transitNumber', 'INVALID_FORMAT'],
      ['input.accountNumber', 'INVALID_FORMAT'],
      ['input.accountHolder', 'TOO_LONG'],
      ['input.debitDay', 'OUT_OF_RANGE'],
      ['input.acceptTerms', 'REQUIRED'],
    ]);
    expect(refused.userErrors.map((e) => e.message)).toContain('Choisissez un jour du mois de 1 à 28.');
    expect(refused.userErrors.map((e) => e.message)).toContain(
      'Le numéro de compte compte de 7 à 12 chiffres, sans espaces.',
    );
    const more = payload<Payload<object>>(
      await create(bam.client, {
        accountNumber: '1234567890123',
        debitDay: 0,
        accountHolder: ' ',
        transitNumber: '12a45',
      }),
    );
    expect(fieldCodes(more.userErrors)).toEqual([
      ['input.transitNumber', 'INVALID_FORMAT'],
      ['input.accountNumber', 'INVALID_FORMAT'],
      ['input.accountHolder', 'REQUIRED'],
      ['input.debitDay', 'OUT_OF_RANGE'],
    ]);
    const gst = payload<Payload<object>>(
      await bam.client.gql(CREATE_PAD, { input: { programAccountId: rt, ...PAD_INPUT } }),
    );
    expect(fieldCodes(gst.userErrors)).toEqual([['input.programAccountId', 'NOT_AN_RM_ACCOUNT']]);
    expect(await counts()).toEqual(before);
    // At the bounds: 7 and 12 digits, day 1, a 175-character holder (on an account without an agreement).
    const cote = await person(t, 'CoteBam2026', 'Élise', 'Lévesque');
    await registerDirectly(t, BN.COTE, cote.userId);
    const accounts = await accountsOf(t, BN.COTE);
    for (const [account, overrides] of [
      [accounts.RM0001, { accountNumber: '1234567', debitDay: 1, accountHolder: 'H'.repeat(175) }],
      [accounts.RM0002, { accountNumber: '123456789012', debitDay: 28 }],
    ] as const) {
      const made = payload<Payload<{ agreement: { maskedAccountNumber: string } }>>(
        await cote.client.gql(CREATE_PAD, {
          input: { programAccountId: account, ...PAD_INPUT, ...overrides },
        }),
      );
      expect(made.userErrors).toEqual([]);
      expect(made.agreement.maskedAccountNumber).toBe(`••••${overrides.accountNumber.slice(-4)}`);
    }
    const closed = payload<Payload<object>>(
      await cote.client.gql(CREATE_PAD, { input: { programAccountId: accounts.RM0003, ...PAD_INPUT } }),
    );
    expect(fieldCodes(closed.userErrors)).toEqual([['input.programAccountId', 'ACCOUNT_CLOSED']]);
  });

  it('lets a Reader see the PAD agreements but not create or cancel one', async () => {
    const list = payload<{ padAgreements: unknown[] }>(
      await reader.client.gql(PADS, { id: rm }),
    ).padAgreements;
    expect(list.length).toBeGreaterThan(0);
    expectForbidden(
      await reader.client.gql(CREATE_PAD, { input: { programAccountId: rm, ...PAD_INPUT } }),
      'PAD',
    );
    const active = await t.dataSource
      .getRepository(PadAgreement)
      .findOneByOrFail({ status: 'ACTIVE', programAccountId: rm });
    expectForbidden(await reader.client.gql(CANCEL_PAD, { id: active.id }), 'PAD');
    expect((await t.dataSource.getRepository(PadAgreement).findOneByOrFail({ id: active.id })).status).toBe(
      'ACTIVE',
    );
  });
});
