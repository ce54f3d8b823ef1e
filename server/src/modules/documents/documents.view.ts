import DataLoader from 'dataloader';
import { type DataSource, In } from 'typeorm';
import { CaseDocument } from './documents.entities.js';
import { type CaseDocumentNode } from './documents.types.js';

export function downloadUrlOf(id: string): string {
  return `/api/documents/${id}`;
}

export function documentNode(row: CaseDocument): CaseDocumentNode {
  return {
    id: row.id,
    category: row.category,
    fileName: row.fileName,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    uploadedAt: row.uploadedAt,
    downloadUrl: downloadUrlOf(row.id),
  };
}

const perRequest = new WeakMap<object, DataLoader<string, CaseDocument[]>>();

/** The documents of each ruling, oldest first: one query for every ruling of a list (per request). */
export function documentsOfRuling(ctx: { dataSource: DataSource }): DataLoader<string, CaseDocument[]> {
  let loader = perRequest.get(ctx);
  if (!loader) {
    loader = new DataLoader<string, CaseDocument[]>(async (ids) => {
      const rows = await ctx.dataSource.getRepository(CaseDocument).find({
        where: { rulingId: In([...ids]) },
        order: { uploadedAt: 'ASC', id: 'ASC' },
      });
      return ids.map((id) => rows.filter((row) => row.rulingId === id));
    });
    perRequest.set(ctx, loader);
  }
  return loader;
}
