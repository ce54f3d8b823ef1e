import { type AppContext } from '../../app/context.js';
import { type OwnerFromArgs } from '../../common/auth/access-directive.js';
import { programAccountById } from '../businesses/access-owners.js';
import { PadAgreement } from './finance.entities.js';

// How the guarded finance mutations find what they touch from their arguments. Null (FORBIDDEN) when the
// arguments name nothing that exists, so the answer does not tell whether it exists.

/** The program account of `input.programAccountId`. */
export const programAccountOfInput: OwnerFromArgs = (args, context) =>
  programAccountById(
    { id: String((args.input as { programAccountId?: unknown } | undefined)?.programAccountId) },
    context,
  );

/** The program account of a PAD agreement (`padAgreementId`). */
export const programAccountOfPad: OwnerFromArgs = async (args, context) => {
  const { dataSource } = context as AppContext;
  const agreement = await dataSource
    .getRepository(PadAgreement)
    .findOne({ select: { id: true, programAccountId: true }, where: { id: String(args.padAgreementId) } });
  return agreement ? programAccountById({ id: agreement.programAccountId }, context) : null;
};
