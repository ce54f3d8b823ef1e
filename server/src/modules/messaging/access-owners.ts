import { type AppContext } from '../../app/context.js';
import { type OwnerFromArgs } from '../../common/auth/access-directive.js';
import { businessIdOfRegistry } from '../businesses/business-directory.service.js';
import { findLetter, letterOwner } from './letters.service.js';
import { findThread, THREAD_OF_BUSINESS, threadOwner } from './messaging.service.js';

// How the guarded root fields of messaging find what they touch. Null when the arguments name nothing:
// FORBIDDEN either way, so the answer never tells whether a thread or letter exists.

function idArg(args: Record<string, unknown>, name: string): string {
  const input = args.input as Record<string, unknown> | undefined;
  const value = input && name in input ? input[name] : args[name];
  return typeof value === 'string' ? value : '';
}

/** A thread by `id`, `threadId` or `input.threadId`. */
export const threadOwnerFromArgs: OwnerFromArgs = async (args, context) => {
  const id = idArg(args, 'threadId') || idArg(args, 'id');
  const row = id ? await findThread((context as AppContext).dataSource, id) : null;
  return row ? threadOwner(row) : null;
};

/** A new thread's business and program account (`input`): a business-level one needs the whole business. */
export const newThreadOwner: OwnerFromArgs = (args) => {
  const input = args.input as { businessId?: string; programAccountId?: string | null };
  return input?.businessId
    ? { businessId: input.businessId, programAccountId: input.programAccountId || THREAD_OF_BUSINESS }
    : null;
};

/** A letter by `id`. */
export const letterOwnerFromArgs: OwnerFromArgs = async (args, context) => {
  const ctx = context as AppContext;
  const row = await findLetter(ctx.dataSource, idArg(args, 'id'));
  const businessId = row && (await businessIdOfRegistry(ctx.dataSource.manager, row.registryBusinessId));
  return row && businessId ? letterOwner(businessId, row) : null;
};
