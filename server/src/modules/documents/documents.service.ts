import { type DataSource, type EntityManager, In, IsNull } from 'typeorm';
import { type AppConfig } from '../../config/env.js';
import { inTransaction } from '../../common/database/transactions.js';
import { timeOrderedId } from '../../common/database/time-ordered-id.js';
import { type DocumentStorage } from '../../common/storage/document-storage.js';
import { publish } from '../../common/events/event-bus.js';
import { recordBusinessAudit } from '../businesses/business-audit.service.js';
import { registryIdOfBusiness } from '../businesses/business-directory.service.js';
import { Attachment, CaseDocument } from './documents.entities.js';
import { type DocumentCategory } from './documents.types.js';

/**
 * The case an upload attaches to: a ruling request, or a claim (docs/claims.md). Its id goes to
 * case_document.ruling_id, the column of the case id whatever its kind (decision 0031).
 */
export interface DocumentCase {
  kind: 'RULING' | 'CLAIM';
  id: string;
  caseNumber: string;
  businessId: string;
  programAccountId: string;
}

/** A file of an upload that passed every check, waiting in the temp folder. */
export interface CheckedFile {
  fileName: string;
  contentType: string;
  sizeBytes: number;
  tempPath: string;
}

/**
 * Commits an upload whose files all passed: each file goes to the storage under a new key, then one
 * transaction writes every row, the audit DOCUMENTS_UPLOADED and the domain event. If anything fails, the
 * stored objects are removed again, so that nothing of the upload is kept. Throws what storage or the
 * database threw.
 */
export async function storeUpload(
  dataSource: DataSource,
  config: AppConfig,
  storage: DocumentStorage,
  input: { ruling: DocumentCase; category: DocumentCategory; actorId: string; files: CheckedFile[] },
): Promise<CaseDocument[]> {
  const now = config.now();
  const uploadId = timeOrderedId(now.getTime());
  const rows: CaseDocument[] = input.files.map((file) => {
    const id = timeOrderedId(now.getTime());
    return {
      id,
      rulingId: input.ruling.id,
      businessId: input.ruling.businessId,
      programAccountId: input.ruling.programAccountId,
      uploadId,
      category: input.category,
      fileName: file.fileName,
      contentType: file.contentType,
      sizeBytes: file.sizeBytes,
      storageKey: `documents/${id}`,
      uploadedBy: input.actorId,
      uploadedAt: now,
    };
  });
  const stored: string[] = [];
  try {
    for (const [index, row] of rows.entries()) {
      const file = input.files[index];
      await storage.putFile(row.storageKey, file.tempPath, file.sizeBytes, row.contentType);
      stored.push(row.storageKey);
    }
    await inTransaction(dataSource, async (manager) => {
      await manager.insert(CaseDocument, rows);
      const registryBusinessId = await registryIdOfBusiness(manager, input.ruling.businessId);
      await recordBusinessAudit(manager, {
        registryBusinessId,
        type: 'DOCUMENTS_UPLOADED',
        actorId: input.actorId,
        details: {
          case: input.ruling.caseNumber,
          upload: uploadId,
          files: rows.length,
          category: input.category,
        },
        occurredAt: now,
      });
      await publish(
        manager,
        {
          type: 'DOCUMENTS_UPLOADED',
          payload: {
            rulingId: input.ruling.id,
            caseKind: input.ruling.kind,
            businessId: input.ruling.businessId,
            programAccountId: input.ruling.programAccountId,
            uploadId,
            documentIds: rows.map((row) => row.id),
            actorId: input.actorId,
          },
        },
        now,
      );
    });
    return rows;
  } catch (error) {
    await Promise.allSettled(stored.map((key) => storage.delete(key)));
    throw error;
  }
}

export function findDocument(dataSource: DataSource, id: string): Promise<CaseDocument | null> {
  return dataSource.getRepository(CaseDocument).findOneBy({ id });
}

/** An attachment as other modules receive it (its table stays this module's). */
export type StoredAttachment = Attachment;

export function attachmentDownloadUrl(id: string, base: string): string {
  return `${base}/${id}`;
}

/**
 * Stores files that passed every check as attachments without an owner yet, uploaded by `actorId` for the
 * portal business `businessId`: each file to the storage under a new key, then one transaction for the
 * rows. If anything fails, the stored objects are removed again. Throws what storage or the database threw.
 */
export async function storeAttachments(
  dataSource: DataSource,
  config: AppConfig,
  storage: DocumentStorage,
  input: { businessId: string; actorId: string; files: CheckedFile[] },
): Promise<Attachment[]> {
  const now = config.now();
  const rows: Attachment[] = input.files.map((file) => {
    const id = timeOrderedId(now.getTime());
    return {
      id,
      ownerType: '',
      ownerId: null,
      businessId: input.businessId,
      fileName: file.fileName,
      contentType: file.contentType,
      sizeBytes: file.sizeBytes,
      storageKey: `attachments/${id}`,
      uploadedBy: input.actorId,
      uploadedAt: now,
    };
  });
  const stored: string[] = [];
  try {
    for (const [index, row] of rows.entries()) {
      const file = input.files[index];
      await storage.putFile(row.storageKey, file.tempPath, file.sizeBytes, row.contentType);
      stored.push(row.storageKey);
    }
    await inTransaction(dataSource, (manager) => manager.insert(Attachment, rows).then(() => undefined));
    return rows;
  } catch (error) {
    await Promise.allSettled(stored.map((key) => storage.delete(key)));
    throw error;
  }
}

/**
 * Gives uploaded attachments to their owner, in the owner's transaction. Only attachments `uploadedBy`
 * uploaded for `businessId` and not yet owned are taken; answers false (and changes nothing) when any id is
 * not one of those, so the caller can refuse the whole change.
 */
export async function attachToOwner(
  manager: EntityManager,
  input: { ids: string[]; ownerType: string; ownerId: string; businessId: string; uploadedBy: string },
): Promise<boolean> {
  const ids = [...new Set(input.ids)];
  if (ids.length === 0) return true;
  const rows = await manager.find(Attachment, {
    select: { id: true },
    where: { id: In(ids), businessId: input.businessId, uploadedBy: input.uploadedBy, ownerId: IsNull() },
  });
  if (rows.length !== ids.length) return false;
  const result = await manager.update(
    Attachment,
    { id: In(ids), ownerId: IsNull() },
    { ownerType: input.ownerType, ownerId: input.ownerId },
  );
  // A concurrent change took one meanwhile: the caller's transaction rolls back.
  if (result.affected !== undefined && result.affected !== ids.length)
    throw new Error('attachToOwner: an attachment was taken concurrently');
  return true;
}

/** The attachments of each owner, oldest first (one statement for every owner of a page). */
export async function attachmentsOf(
  manager: EntityManager,
  ownerIds: string[],
): Promise<Map<string, Attachment[]>> {
  const wanted = [...new Set(ownerIds)];
  const byOwner = new Map<string, Attachment[]>(wanted.map((id) => [id, []]));
  if (wanted.length === 0) return byOwner;
  const rows = await manager.find(Attachment, {
    where: { ownerId: In(wanted) },
    order: { uploadedAt: 'ASC', id: 'ASC' },
  });
  for (const row of rows) byOwner.get(row.ownerId!)?.push(row);
  return byOwner;
}

export function findAttachment(dataSource: DataSource, id: string): Promise<Attachment | null> {
  return dataSource.getRepository(Attachment).findOneBy({ id });
}

/** The content types of attachments by id (unknown ids are left out). */
export async function attachmentContentTypes(manager: EntityManager, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await manager.find(Attachment, { select: { contentType: true }, where: { id: In(ids) } });
  return rows.map((row) => row.contentType);
}
