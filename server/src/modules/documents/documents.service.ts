import { type DataSource } from 'typeorm';
import { type AppConfig } from '../../config/env.js';
import { inTransaction } from '../../common/database/transactions.js';
import { timeOrderedId } from '../../common/database/time-ordered-id.js';
import { type DocumentStorage } from '../../common/storage/document-storage.js';
import { publish } from '../../common/events/event-bus.js';
import { recordBusinessAudit } from '../businesses/business-audit.service.js';
import { registryIdOfBusiness } from '../businesses/business-directory.service.js';
import { CaseDocument } from './documents.entities.js';
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
        detail: `case=${input.ruling.caseNumber} upload=${uploadId} files=${rows.length} category=${input.category}`,
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
