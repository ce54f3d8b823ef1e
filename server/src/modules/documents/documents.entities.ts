import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn, UuidColumn } from '../../common/database/columns.js';
import { type DocumentCategory } from './documents.types.js';

// Documents attached to a case (a ruling request). The bytes live in the document storage
// (common/storage) under `storage_key`; a row exists only once every file of its upload passed the checks
// and was stored (docs/decisions/0012-documents-storage.md).

@Entity('case_document')
@Index('IDX_case_document_ruling', ['rulingId', 'uploadedAt', 'id'])
export class CaseDocument {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @UuidColumn('ruling_id')
  rulingId: string;

  /** Copied from the ruling so that the access check needs no join. */
  @UuidColumn('business_id')
  businessId: string;

  @UuidColumn('program_account_id')
  programAccountId: string;

  /** The upload (one POST) the file came with. */
  @UuidColumn('upload_id')
  uploadId: string;

  @Column({ type: 'varchar', length: 40 })
  category: DocumentCategory;

  /** The name the person gave the file, cleaned of paths and control characters. */
  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName: string;

  @Column({ name: 'content_type', type: 'varchar', length: 100 })
  contentType: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes: number;

  @Column({ name: 'storage_key', type: 'varchar', length: 100 })
  storageKey: string;

  @UuidColumn('uploaded_by')
  uploadedBy: string;

  @InstantColumn('uploaded_at')
  uploadedAt: Date;
}

/**
 * A file attached to something other than a case (a message, a letter), under the same rules and storage as
 * case documents. Uploaded first with no owner (`owner_id` null, by `uploaded_by` for `business_id`), then
 * given to its owner in the owner's transaction (`attachToOwner`); one left without an owner past the sweep
 * grace is removed with its file by the sweeper.
 */
@Entity('attachment')
@Index('IDX_attachment_owner', ['ownerId', 'uploadedAt', 'id'])
export class Attachment {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** What owns it: MESSAGE or LETTER (the owning module's word); '' while it has no owner. */
  @Column({ name: 'owner_type', type: 'varchar', length: 20 })
  ownerType: string;

  @UuidColumn('owner_id', { nullable: true })
  ownerId: string | null;

  /** The portal business it was uploaded for (the access check's owner while it has no owner). */
  @UuidColumn('business_id')
  businessId: string;

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName: string;

  @Column({ name: 'content_type', type: 'varchar', length: 100 })
  contentType: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes: number;

  @Column({ name: 'storage_key', type: 'varchar', length: 100 })
  storageKey: string;

  @UuidColumn('uploaded_by')
  uploadedBy: string;

  @InstantColumn('uploaded_at')
  uploadedAt: Date;
}

export const documentEntities = [CaseDocument, Attachment];
