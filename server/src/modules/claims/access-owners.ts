import { type AppContext, type OwnerContext } from '../../app/context.js';
import { ownerFromArg } from '../../common/auth/access-directive.js';
import { type AccessOwner } from '../../common/auth/access-table.js';
import { programAccountOwner } from '../businesses/access-owners.js';
import { transactionSummary } from '../registry/registry-lookups.service.js';
import { findClaim, findOpenClaimByCase } from './claims.service.js';

// How the guarded root fields of claims find what they touch (typed: `ownerFromArg` in common/auth). Null
// when the arguments name nothing: FORBIDDEN either way, so the answer never tells whether a claim or
// transaction exists.

async function claimOwnerOf(id: string, { dataSource }: AppContext): Promise<AccessOwner | null> {
  const row = await findClaim(dataSource, id);
  return row ? { businessId: row.businessId, programAccountId: row.programAccountId } : null;
}

/** The program account of a claim by `id`. */
export const claimOwner = ownerFromArg(['id'], claimOwnerOf);

/** The program account of a claim by `claimId`. */
export const claimOwnerById = ownerFromArg(['claimId'], claimOwnerOf);

/** The program account of a claim by `input.claimId`. */
export const claimOwnerOfInput = ownerFromArg(['input', 'claimId'], claimOwnerOf);

/** The program account of the transaction a new claim is filed on (`input.transactionId`). */
export const transactionOwner = ownerFromArg(['input', 'transactionId'], async (id, context: AppContext) => {
  const transaction = await transactionSummary(context.dataSource.manager, id);
  return transaction ? programAccountOwner(transaction.programAccountId, context) : null;
});

/** The program account of the open claim a case number names, as the documents' upload takes it. */
export async function openClaimOwnerOf(
  caseNumber: string,
  { dataSource }: OwnerContext,
): Promise<AccessOwner | null> {
  const found = await findOpenClaimByCase(dataSource, caseNumber);
  return found ? { businessId: found.businessId, programAccountId: found.programAccountId } : null;
}

/** The open claim a case number names (`caseNumber`). */
export const openClaimCaseOwner = ownerFromArg(['caseNumber'], openClaimOwnerOf);
