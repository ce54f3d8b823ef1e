import { timeOrderedId } from '../../src/common/database/time-ordered-id.js';
import { RegistryTransaction } from '../../src/modules/registry/financial-record.entity.js';
import { type GqlClient } from './gql-client.js';
import { payload } from './identity.js';
import { type TestApp } from './test-app.js';

// GraphQL documents and setup helpers for the finance tests (docs/finance.md).

export const ERRORS = 'userErrors { field code message }';
export const TX = `id programAccountId transactionNumber transactionDate description type amountCents dutiesAndTaxesCents
  status remainingCents isApplicableCredit isPayable`;
export const TRANSACTIONS = `query($id: ID!, $first: Int, $after: String, $from: String, $to: String) {
  programAccount(id: $id) { transactions(first: $first, after: $after, from: $from, to: $to) {
    edges { cursor node { ${TX} } } pageInfo { hasNextPage endCursor } totalCount } } }`;
export const BALANCE = `query($id: ID!) { programAccount(id: $id) { balance { balanceCents availableCreditCents amountOwingCents } } }`;
export const STATEMENTS = `query($id: ID!, $first: Int, $after: String) { programAccount(id: $id) {
  statements(first: $first, after: $after) { edges { cursor node { id statementDate periodStart periodEnd balanceCents
    amountDueCents dueDate } } pageInfo { hasNextPage endCursor } totalCount } } }`;
export const INVOICES = `query($id: ID!, $first: Int, $after: String) { programAccount(id: $id) {
  invoices(first: $first, after: $after) { edges { cursor node { id invoiceNumber invoiceDate description amountCents
    dueDate status } } pageInfo { hasNextPage endCursor } totalCount } } }`;
export const APPLICATIONS = `query($id: ID!) { programAccount(id: $id) { creditApplications { id creditTransactionNumber
  targetTransactionNumber amountCents appliedAt appliedBy { id name } } } }`;
export const SECURITY = `query($id: ID!) { programAccount(id: $id) {
  financialSecurity { type amountCents provider reference effectiveDate expiryDate }
  financialSecurityChanges { id type amountCents provider reference effectiveDate expiryDate reason status submittedAt
    submittedBy { id name } } } }`;
export const PADS = `query($id: ID!) { programAccount(id: $id) { padAgreements { ${PAD_FIELDS()} } } }`;
export const RECENT = `query($id: ID!, $first: Int) { business(id: $id) { recentTransactions(first: $first) { ${TX} } } }`;
export const APPLY = `mutation($input: ApplyCreditInput!) { applyCredit(input: $input) {
  credit { ${TX} } paid { ${TX} } ${ERRORS} } }`;
export const SUBMIT_SECURITY = `mutation($input: SubmitFinancialSecurityChangeInput!) {
  submitFinancialSecurityChange(input: $input) { change { id type amountCents provider reference effectiveDate expiryDate
    reason status submittedBy { name } } ${ERRORS} } }`;
export const CREATE_PAD = `mutation($input: CreatePadAgreementInput!) { createPadAgreement(input: $input) {
  agreement { ${PAD_FIELDS()} } ${ERRORS} } }`;
export const CANCEL_PAD = `mutation($id: ID!) { cancelPadAgreement(padAgreementId: $id) { agreement { ${PAD_FIELDS()} } ${ERRORS} } }`;

function PAD_FIELDS() {
  return 'id status institutionNumber maskedTransitNumber maskedAccountNumber accountNumberEnding accountHolder debitDay createdAt cancelledAt';
}

export interface Tx {
  id: string;
  programAccountId: string;
  transactionNumber: string;
  transactionDate: string;
  type: string;
  amountCents: number;
  status: string;
  remainingCents: number;
  isApplicableCredit: boolean;
  isPayable: boolean;
}
export type Errors = Array<{ field: string[]; code: string; message: string }>;
export interface ApplyPayload {
  credit: Tx | null;
  paid: Tx[];
  userErrors: Errors;
}

export const fieldCodes = (errors: Errors) => errors.map((e) => [e.field.join('.'), e.code]);

/** Every transaction of an account, newest first, through the API. */
export async function allTransactions(client: GqlClient, programAccountId: string): Promise<Tx[]> {
  const connection = payload<{ transactions: { edges: Array<{ node: Tx }> } }>(
    await client.gql(TRANSACTIONS, { id: programAccountId, first: 100 }),
  ).transactions;
  return connection.edges.map((e) => e.node);
}

export async function byNumber(client: GqlClient, programAccountId: string): Promise<Record<string, Tx>> {
  return Object.fromEntries(
    (await allTransactions(client, programAccountId)).map((t) => [t.transactionNumber, t]),
  );
}

export function apply(
  client: GqlClient,
  programAccountId: string,
  creditTransactionId: string,
  allocations: Array<{ transactionId: string; amountCents: number }>,
) {
  return client.gql(APPLY, { input: { programAccountId, creditTransactionId, allocations } });
}

let counter = 0;
/** Adds registry transactions to an account straight in the database (what an agency import would do). */
export async function addTransactions(
  t: TestApp,
  programAccountId: string,
  rows: Array<{ amountCents: number; status: string; date?: string; type?: string }>,
): Promise<string[]> {
  const values = rows.map((row) => {
    counter += 1;
    return {
      id: timeOrderedId(),
      programAccountId,
      transactionNumber: `9${String(Date.now()).slice(-8)}${String(counter).padStart(5, '0')}`,
      transactionDate: row.date ?? '2026-08-15',
      transactionType: (row.type ??
        (row.amountCents < 0 ? 'CARD_BATCH' : 'CAD')) as RegistryTransaction['transactionType'],
      description: row.amountCents < 0 ? 'Card batch' : 'Commercial accounting declaration',
      amountCents: row.amountCents,
      dutiesAndTaxesCents: Math.max(row.amountCents, 0),
      status: row.status as RegistryTransaction['status'],
    };
  });
  await t.dataSource.getRepository(RegistryTransaction).insert(values);
  return values.map((v) => v.id);
}

export const PAD_INPUT = {
  institutionNumber: '003',
  transitNumber: '12345',
  accountNumber: '987654321',
  accountHolder: 'Northern Lights Imports Inc.',
  debitDay: 15,
  acceptTerms: true,
};

export const SECURITY_INPUT = {
  type: 'SURETY_BOND',
  amountCents: 7_500_000,
  provider: 'Trans-Canada Bonding Ltd.',
  reference: 'SB-2027-000001',
  effectiveDate: '2027-03-01',
  expiryDate: '2030-02-28',
  reason: 'Higher monthly imports from next spring.',
};
