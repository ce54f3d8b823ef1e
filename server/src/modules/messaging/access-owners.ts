import { type AppContext, type OwnerContext } from '../../app/context.js';
import { type OwnerReader, ownerFromArg } from '../../common/auth/access-directive.js';
import { type AccessOwner } from '../../common/auth/access-table.js';
import { businessIdOfRegistry } from '../businesses/business-directory.service.js';
import { findLetter, letterOwner } from './letters.service.js';
import { findThread, THREAD_OF_BUSINESS, threadOwner } from './messaging.service.js';

// How the guarded root fields of messaging find what they touch (typed: `ownerFromArg` in common/auth). Null
// when the arguments name nothing: FORBIDDEN either way, so the answer never tells whether a thread or letter
// exists. The REST routes of attachments and letters' PDFs use the same functions (messaging.routes.ts).

export async function threadOwnerOf(id: string, { dataSource }: OwnerContext): Promise<AccessOwner | null> {
  const row = await findThread(dataSource, id);
  return row ? threadOwner(row) : null;
}

/** A thread by `id`. */
export const threadOwnerById = ownerFromArg(['id'], threadOwnerOf);

/** A thread by `input.threadId`. */
export const threadOwnerOfInput = ownerFromArg(['input', 'threadId'], threadOwnerOf);

/** A new thread's business and program account (`input`): a business-level one needs the whole business. */
export const newThreadOwner: OwnerReader<
  { input: { businessId: string; programAccountId?: string | null } },
  AppContext
> = ({ input }) =>
  input.businessId
    ? { businessId: input.businessId, programAccountId: input.programAccountId || THREAD_OF_BUSINESS }
    : null;

/** A letter's owner by id: its registry business's portal business, and its program account if any. */
export async function letterOwnerOf(id: string, { dataSource }: OwnerContext): Promise<AccessOwner | null> {
  const row = await findLetter(dataSource, id);
  const businessId = row && (await businessIdOfRegistry(dataSource.manager, row.registryBusinessId));
  return row && businessId ? letterOwner(businessId, row) : null;
}

/** A letter by `id`. */
export const letterOwnerFromArgs = ownerFromArg(['id'], letterOwnerOf);
