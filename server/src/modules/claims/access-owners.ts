import { type AppContext } from '../../app/context.js';
import { type OwnerFromArgs } from '../../common/auth/access-directive.js';
import { programAccountById } from '../businesses/access-owners.js';
import { transactionSummary } from '../registry/registry-lookups.service.js';
import { findClaim, findOpenClaimByCase } from './claims.service.js';

// How the guarded root fields of claims find what they touch. Null when the arguments name nothing: FORBIDDEN
// either way, so the answer never tells whether a claim or transaction exists.

const idOf = (args: Record<string, unknown>, name: string): string => {
  const input = args.input as Record<string, unknown> | undefined;
  const value = input?.[name] ?? args[name];
  return typeof value === 'string' ? value : '';
};

/** The program account of a claim (`claimId` or `input.claimId`, or `id`). */
export const claimOwner: OwnerFromArgs = async (args, context) => {
  const id = idOf(args, 'claimId') || idOf(args, 'id');
  const row = id ? await findClaim((context as AppContext).dataSource, id) : null;
  return row ? { businessId: row.businessId, programAccountId: row.programAccountId } : null;
};

/** The program account of the transaction a new claim is filed on (`input.transactionId`). */
export const transactionOwner: OwnerFromArgs = async (args, context) => {
  const id = idOf(args, 'transactionId');
  const transaction = id ? await transactionSummary((context as AppContext).dataSource.manager, id) : null;
  return transaction ? programAccountById({ id: transaction.programAccountId }, context) : null;
};

/** The program account of the open claim a case number names (`caseNumber`), as the documents' upload takes it. */
export const openClaimCaseOwner: OwnerFromArgs = async (args, context) => {
  const caseNumber = typeof args.caseNumber === 'string' ? args.caseNumber : '';
  const found = await findOpenClaimByCase((context as AppContext).dataSource, caseNumber);
  return found ? { businessId: found.businessId, programAccountId: found.programAccountId } : null;
};
