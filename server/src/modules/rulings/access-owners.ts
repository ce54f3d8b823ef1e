import { type AppContext } from '../../app/context.js';
import { type OwnerFromArgs } from '../../common/auth/access-directive.js';
import { findRuling, findRulingByCase } from './rulings.service.js';

// How the guarded root fields of rulings find what they touch (see `Access` in common/auth). Null when the
// arguments name nothing: FORBIDDEN either way, so the answer never tells whether a ruling exists.

/** The program account of a ruling by id (`id`). */
export const rulingOwner: OwnerFromArgs = async (args, context) => {
  const row = await findRuling((context as AppContext).dataSource, String(args.id));
  return row ? { businessId: row.businessId, programAccountId: row.programAccountId } : null;
};

/** The program account of a case number (`caseNumber`). */
export const caseOwner: OwnerFromArgs = async (args, context) => {
  const row = await findRulingByCase(
    (context as AppContext).dataSource,
    typeof args.caseNumber === 'string' ? args.caseNumber : '',
  );
  return row ? { businessId: row.businessId, programAccountId: row.programAccountId } : null;
};
