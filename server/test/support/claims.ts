import { expect } from 'vitest';
import { RegistryTransaction } from '../../src/modules/registry/financial-record.entity.js';
import { type GqlClient } from './gql-client.js';
import { payload } from './identity.js';
import { type TestApp } from './test-app.js';

// GraphQL documents and helpers of the claims tests (docs/claims.md).

export const ERRORS = 'userErrors { field code message }';
export const CLAIM_FIELDS = `id caseNumber type correctionKind exportDate exportDestination reason status claimedCents
  approvedCents decisionReason submittedAt decidedAt transaction { id transactionNumber transactionDate }
  programAccount { id accountNumber }
  lines { lineNumber originalCents correctedClassification correctedValueForDutyCents correctedTreatment correctedCents refundCents }
  history { status isAnswer byAgency note occurredAt }
  repayment { id amountCents status method paidOn unpaidReason }`;
export const FILE = `mutation($input: FileClaimInput!) { fileClaim(input: $input) { claim { ${CLAIM_FIELDS} } ${ERRORS} } }`;
export const UPDATE = `mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { claim { ${CLAIM_FIELDS} } ${ERRORS} } }`;
export const SUBMIT = `mutation($input: SubmitClaimInput!) { submitClaim(input: $input) { claim { ${CLAIM_FIELDS} } ${ERRORS} } }`;
export const WITHDRAW = `mutation($id: ID!) { withdrawClaim(claimId: $id) { claim { id status } ${ERRORS} } }`;
export const ANSWER = `mutation($input: AnswerClaimInput!) { answerClaimInformation(input: $input) { claim { ${CLAIM_FIELDS} } ${ERRORS} } }`;
export const CLAIM = `query($id: ID!) { claim(id: $id) { ${CLAIM_FIELDS} } }`;
export const BUSINESS_CLAIMS = `query($id: ID!, $status: ClaimStatus, $first: Int, $after: String) { business(id: $id) {
  claims(status: $status, first: $first, after: $after) { edges { cursor node { id caseNumber status } }
  pageInfo { hasNextPage endCursor } totalCount }
  claimIndicators { inProgressCount submittedCount approvedCount openClaimedCents payableCount payableCents paidCents unpaidCents } } }`;
export const ACCOUNT_CLAIMS = `query($id: ID!) { programAccount(id: $id) {
  claims { totalCount edges { node { id status } } }
  repayments { totalCount edges { node { id amountCents status caseNumber } } }
  claimIndicators { inProgressCount submittedCount approvedCount openClaimedCents payableCount payableCents paidCents unpaidCents } } }`;
export const QUEUE = `query($first: Int, $after: String, $status: ClaimStatus) { officerClaimQueue(first: $first, after: $after, status: $status) {
  edges { cursor node { id caseNumber status submittedAt } } pageInfo { hasNextPage endCursor } totalCount } }`;
export const TAKE = `mutation($id: ID!) { takeClaim(claimId: $id) { claim { id status } ${ERRORS} } }`;
export const REQUEST_INFO = `mutation($input: ClaimOfficerTextInput!) { requestClaimInformation(input: $input) { claim { id status } ${ERRORS} } }`;
export const APPROVE = `mutation($input: ApproveClaimInput!) { approveClaim(input: $input) { claim { ${CLAIM_FIELDS} } ${ERRORS} } }`;
export const REJECT = `mutation($input: ClaimOfficerTextInput!) { rejectClaim(input: $input) { claim { ${CLAIM_FIELDS} } ${ERRORS} } }`;
export const PAID = `mutation($input: MarkRepaymentPaidInput!) { markRepaymentPaid(input: $input) { repayment { id status method paidOn } ${ERRORS} } }`;
export const WITHHOLD = `mutation($input: WithholdRepaymentInput!) { withholdRepayment(input: $input) { repayment { id status unpaidReason } ${ERRORS} } }`;

export type Errors = Array<{ field: string[]; code: string; message: string }>;
export interface ClaimView {
  id: string;
  caseNumber: string;
  status: string;
  claimedCents: number;
  approvedCents: number | null;
  decisionReason: string | null;
  lines: Array<{ lineNumber: number; refundCents: number; correctedCents: number }>;
  history: Array<{ status: string; isAnswer: boolean; byAgency: boolean; note: string | null }>;
  repayment: {
    id: string;
    amountCents: number;
    status: string;
    method: string | null;
    paidOn: string | null;
  } | null;
}
export interface ClaimPayloadView {
  claim: ClaimView | null;
  userErrors: Errors;
}

export const fieldCodes = (errors: Errors) => errors.map((e) => [e.field.join('.'), e.code]);

/** An adjustment's content: line 1 recomputed with the tariff (coffee, free: GST only), line 2 as typed. */
export function adjustment(transactionId: string, overrides: Record<string, unknown> = {}) {
  return {
    transactionId,
    type: 'ADJUSTMENT',
    correctionKind: 'CLASSIFICATION',
    reason: 'The coffee was classified under the wrong heading.',
    lines: [
      {
        lineNumber: 1,
        originalCents: 20_000,
        correctedClassification: '0901.21.00.00',
        correctedValueForDutyCents: 100_000,
        correctedTreatment: 'MFN',
      },
      { lineNumber: 2, originalCents: 30_000, correctedCents: 10_000 },
    ],
    ...overrides,
  };
}

export async function file(client: GqlClient, input: Record<string, unknown>): Promise<ClaimPayloadView> {
  return payload<ClaimPayloadView>(await client.gql(FILE, { input }));
}

/** Files and submits; answers the submitted claim. */
export async function fileAndSubmit(client: GqlClient, input: Record<string, unknown>): Promise<ClaimView> {
  const filed = await file(client, input);
  expect(filed.userErrors).toEqual([]);
  const submitted = payload<ClaimPayloadView>(
    await client.gql(SUBMIT, { input: { claimId: filed.claim!.id, attestation: true } }),
  );
  expect(submitted.userErrors).toEqual([]);
  return submitted.claim!;
}

export async function transactionIdOf(t: TestApp, transactionNumber: string): Promise<string> {
  return (await t.dataSource.getRepository(RegistryTransaction).findOneByOrFail({ transactionNumber })).id;
}
