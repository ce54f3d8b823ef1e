import { type AppContext } from '../../app/context.js';
import { ownerFromArg } from '../../common/auth/access-directive.js';
import { programAccountOwner } from '../businesses/access-owners.js';
import { PadAgreement } from './finance.entities.js';

// How the guarded finance mutations find what they touch from their arguments (typed: `ownerFromArg`). Null
// (FORBIDDEN) when the arguments name nothing that exists, so the answer does not tell whether it exists.

export { programAccountOfInput } from '../businesses/access-owners.js';

/** The program account of a PAD agreement (`padAgreementId`). */
export const programAccountOfPad = ownerFromArg(['padAgreementId'], async (id, context: AppContext) => {
  const agreement = await context.dataSource
    .getRepository(PadAgreement)
    .findOne({ select: { id: true, programAccountId: true }, where: { id } });
  return agreement ? programAccountOwner(agreement.programAccountId, context) : null;
});
