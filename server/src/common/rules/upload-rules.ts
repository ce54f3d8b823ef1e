// What a document upload may hold (seed 003 §2.5, docs/rulings-and-documents.md), and what the upload route
// answers. Owned by the server (modules/documents) and imported by the client through `@rules/*`
// (docs/decisions/0008): the upload page checks the same limits before sending, and reads the same answer.

/** 15 MB read as 15 MiB: 15 × 1024 × 1024 bytes. */
export const MAX_FILE_BYTES = 15 * 1024 * 1024;
export const MAX_FILES_PER_UPLOAD = 10;
export const FILE_NAME_MAX_LENGTH = 255;

export const ACCEPTED_EXTENSIONS = [
  'pdf',
  'doc',
  'docx',
  'xls',
  'xlsx',
  'rtf',
  'txt',
  'jpg',
  'jpeg',
  'tiff',
  'tif',
  'xps',
] as const;
export type AcceptedExtension = (typeof ACCEPTED_EXTENSIONS)[number];

/** What a document is (step 1 of the upload); the GraphQL enum DocumentCategory has these values, in this order. */
export const DOCUMENT_CATEGORIES = [
  'PRODUCT_DOCUMENTATION',
  'DRAWINGS_AND_DIAGRAMS',
  'PHOTOGRAPHS',
  'COMMERCIAL_DOCUMENTS',
  'CORRESPONDENCE',
  'OTHER',
] as const;
export type DocumentCategoryValue = (typeof DOCUMENT_CATEGORIES)[number];

export function isAcceptedExtension(value: string): value is AcceptedExtension {
  return (ACCEPTED_EXTENSIONS as readonly string[]).includes(value);
}

/** The lower-case extension of a file name ('' when it has none). */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
}

/** One problem of an upload: `field` is `['category']`, `['caseNumber']`, `['files']` or `['files', index]`. */
export interface UploadError {
  field: Array<string | number>;
  code: string;
  message: string;
  fileName?: string;
}

/** A stored document, as POST /api/documents answers it. */
export interface UploadedDocument {
  id: string;
  fileName: string;
  category: DocumentCategoryValue;
  contentType: string;
  sizeBytes: number;
  /** ISO 8601. */
  uploadedAt: string;
  downloadUrl: string;
}

/** The answer of POST /api/documents: 201 with every file stored, or an error status with nothing stored. */
export type UploadAnswer =
  | { ok: true; caseNumber: string; rulingId: string; documents: UploadedDocument[] }
  | { ok: false; message?: string; errors: UploadError[] };
