import { AccessAction, AccessArea } from '../../common/auth/access-table.js';
import { AccessType } from '../../common/auth/access-directive.js';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../../common/graphql/date-time.scalar.js';
import { type ListConnection, listConnectionType } from '../../common/graphql/list-connection.js';
import { DOCUMENT_CATEGORIES, type DocumentCategoryValue } from '../../common/rules/upload-rules.js';

/**
 * What a document is (step 1 of the upload, seed 003 §2.5): the values of the shared list
 * (common/rules/upload-rules.ts), which the client's upload page offers too.
 */
export const DocumentCategory = Object.fromEntries(DOCUMENT_CATEGORIES.map((value) => [value, value])) as {
  readonly [K in DocumentCategoryValue]: K;
};
export type DocumentCategory = DocumentCategoryValue;

registerEnumType(DocumentCategory, {
  name: 'DocumentCategory',
  description: 'What kind of document a case document is.',
  valuesConfig: {
    PRODUCT_DOCUMENTATION: { description: 'Producers’ or manufacturers’ product documentation.' },
    DRAWINGS_AND_DIAGRAMS: { description: 'Drawings, plans and diagrams.' },
    PHOTOGRAPHS: { description: 'Photographs of the goods.' },
    COMMERCIAL_DOCUMENTS: { description: 'Invoices, contracts, certificates of origin.' },
    CORRESPONDENCE: { description: 'Letters and answers to the agency’s questions.' },
    OTHER: { description: 'Anything else that supports the request.' },
  },
});

@AccessType(AccessArea.REQUESTS_AND_TRANSACTIONS, AccessAction.VIEW)
@ObjectType('CaseDocument', { description: 'A file attached to a case (a ruling request).' })
export class CaseDocumentNode {
  @Field(() => ID, { description: 'The case document’s id (opaque).' })
  id: string;

  @Field(() => DocumentCategory, { description: 'What kind of document it is, as chosen at upload.' })
  category: DocumentCategory;

  @Field(() => String, { description: 'The file name as uploaded (at most 255 characters).' })
  fileName: string;

  @Field(() => String, {
    description: 'The media type, from the checked extension and content (e.g. application/pdf).',
  })
  contentType: string;

  @Field(() => Int, { description: 'Size in bytes (at most 15 MB).' })
  sizeBytes: number;

  @Field(() => DateTimeScalar, { description: 'When it was uploaded.' })
  uploadedAt: Date;

  @Field(() => String, {
    description:
      'Where to download it (GET, with the session cookie): the same access check as the case (REQUESTS_AND_TRANSACTIONS VIEW).',
  })
  downloadUrl: string;
}

export const CaseDocumentConnection = listConnectionType<CaseDocumentNode>('CaseDocument', CaseDocumentNode, {
  items: 'documents of the case',
  item: 'a document of the case',
  order: 'oldest upload first',
});
export type CaseDocumentConnection = ListConnection<CaseDocumentNode>;
