import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { type GqlClient } from './gql-client.js';
import { payload } from './identity.js';

// Helpers for the rulings and documents tests: GraphQL documents, small valid files, multipart uploads with
// the client's session cookie and CSRF token.

export const RULING_FIELDS = `id caseNumber type status goodsDescription tariffClassification questions requestedAt
  programAccount { id accountNumber name } documents { id fileName category sizeBytes contentType downloadUrl }`;
export const REQUEST_RULING = `mutation($input: RequestRulingInput!) { requestRuling(input: $input) {
  ruling { ${RULING_FIELDS} } userErrors { field code message } } }`;
export const RULING = `query($id: ID!) { ruling(id: $id) { ${RULING_FIELDS} } }`;
export const DOCUMENT_CASE = `query($caseNumber: String!) { documentCase(caseNumber: $caseNumber) { id caseNumber } }`;
export const BUSINESS_RULINGS = `query($id: ID!, $programAccountId: ID, $first: Int, $after: String) {
  business(id: $id) { rulings(programAccountId: $programAccountId, first: $first, after: $after) {
    edges { cursor node { id caseNumber programAccount { accountNumber } } } pageInfo { hasNextPage endCursor } totalCount } } }`;
export const ACCOUNT_RULINGS = `query($id: ID!) { programAccount(id: $id) { id rulings { totalCount edges { node { id caseNumber documents { id } } } } } }`;

export interface RulingView {
  id: string;
  caseNumber: string;
  type: string;
  status: string;
  tariffClassification: string | null;
  documents: Array<{ id: string; fileName: string; sizeBytes: number; downloadUrl: string }>;
  programAccount: { id: string; accountNumber: string };
}

export async function requestRuling(
  client: GqlClient,
  programAccountId: string,
  overrides: Record<string, unknown> = {},
): Promise<RulingView> {
  const result = payload<{ ruling: RulingView; userErrors: unknown[] }>(
    await client.gql(REQUEST_RULING, {
      input: {
        programAccountId,
        type: 'TARIFF_CLASSIFICATION',
        goodsDescription: 'Insulated stainless steel bottles, 750 ml',
        tariffClassification: '9617.00.00.00',
        questions: 'Is heading 96.17 right for these bottles?',
        ...overrides,
      },
    }),
  );
  expect(result.userErrors).toEqual([]);
  return result.ruling;
}

/** A small, valid one-page PDF. */
export function samplePdf(text = 'Passerelle test document'): Buffer {
  const content = `BT /F1 18 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A Windows executable's first bytes (MZ header), for ".exe renamed .pdf". */
export function sampleExe(): Buffer {
  const bytes = Buffer.alloc(512);
  bytes.write('MZ', 0, 'latin1');
  bytes.write('This program cannot be run in DOS mode.', 78, 'latin1');
  return bytes;
}

/** A PDF of exactly `size` bytes (a valid header, padding after %%EOF). */
export function pdfOfSize(size: number): Buffer {
  const pdf = samplePdf();
  const bytes = Buffer.alloc(size, 0x20);
  pdf.copy(bytes, 0, 0, Math.min(pdf.length, size));
  return bytes;
}

export interface UploadFile {
  name: string;
  content: Buffer;
}

export interface UploadAnswer {
  status: number;
  body: {
    ok: boolean;
    message?: string;
    caseNumber?: string;
    documents?: Array<{ id: string; fileName: string; sizeBytes: number; downloadUrl: string }>;
    errors?: Array<{ field: Array<string | number>; code: string; message: string; fileName?: string }>;
  };
}

/** POST /api/documents as the browser app does: session cookie, X-CSRF-Token, fields then files. */
export async function upload(
  url: string,
  client: GqlClient,
  fields: { category?: string; caseNumber?: string },
  files: UploadFile[],
  options: { csrf?: 'none'; lang?: 'en' | 'fr' } = {},
): Promise<UploadAnswer> {
  const form = new FormData();
  if (fields.category !== undefined) form.append('category', fields.category);
  if (fields.caseNumber !== undefined) form.append('caseNumber', fields.caseNumber);
  for (const file of files) form.append('files', new Blob([new Uint8Array(file.content)]), file.name);
  const headers: Record<string, string> = {};
  if (client.session) headers.cookie = `passerelle_session=${client.session}`;
  const token = options.csrf === 'none' ? undefined : await client.csrf();
  if (token) headers['x-csrf-token'] = token;
  if (options.lang) headers['accept-language'] = options.lang;
  const res = await fetch(`${url}/api/documents`, { method: 'POST', headers, body: form });
  return { status: res.status, body: (await res.json()) as UploadAnswer['body'] };
}

export async function download(
  url: string,
  client: GqlClient,
  downloadUrl: string,
): Promise<{ status: number; bytes: Buffer; headers: Headers }> {
  const headers: Record<string, string> = {};
  if (client.session) headers.cookie = `passerelle_session=${client.session}`;
  const res = await fetch(`${url}${downloadUrl}`, { headers });
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()), headers: res.headers };
}

/** Every file under a folder (recursively), with its size: what the storage and temp folders hold. */
export function filesUnder(dir: string): Array<{ path: string; size: number }> {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const full = path.join(dir, entry);
    const stats = statSync(full);
    return stats.isDirectory() ? filesUnder(full) : [{ path: full, size: stats.size }];
  });
}
