import { type AppContext, type OwnerContext } from '../../app/context.js';
import { ownerFromArg } from '../../common/auth/access-directive.js';
import { type AccessOwner } from '../../common/auth/access-table.js';
import { findRuling, findRulingByCase } from './rulings.service.js';

// How the guarded root fields of rulings find what they touch (see `Access` and `ownerFromArg` in
// common/auth). Null when the arguments name nothing: FORBIDDEN either way, so the answer never tells whether
// a ruling exists.

/** The program account of a ruling by id (`id`). */
export const rulingOwner = ownerFromArg(['id'], async (id, { dataSource }: AppContext) => {
  const row = await findRuling(dataSource, id);
  return row ? { businessId: row.businessId, programAccountId: row.programAccountId } : null;
});

/** The program account of the ruling a case number names. */
export async function rulingCaseOwner(
  caseNumber: string,
  { dataSource }: OwnerContext,
): Promise<AccessOwner | null> {
  const row = await findRulingByCase(dataSource, caseNumber);
  return row ? { businessId: row.businessId, programAccountId: row.programAccountId } : null;
}

/** The program account of a case number (`caseNumber`). */
export const caseOwner = ownerFromArg(['caseNumber'], rulingCaseOwner);
