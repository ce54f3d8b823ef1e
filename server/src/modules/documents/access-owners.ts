import { type OwnerContext } from '../../app/context.js';
import { type AccessOwner } from '../../common/auth/access-table.js';
import { findDocument } from './documents.service.js';

// What a case document belongs to: its case's program account (REQUESTS_AND_TRANSACTIONS), the owner the
// GraphQL fields of its ruling or claim decide on. Null when the id names nothing: FORBIDDEN either way.

/** The owner of a case document by id. */
export async function documentOwnerOf(id: string, { dataSource }: OwnerContext): Promise<AccessOwner | null> {
  const document = await findDocument(dataSource, id);
  return document ? { businessId: document.businessId, programAccountId: document.programAccountId } : null;
}
