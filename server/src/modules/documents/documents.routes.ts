import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { finished, pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { type DataSource } from 'typeorm';
import { type AppConfig } from '../../config/env.js';
import { AccessAction, AccessArea, decideAccess } from '../../common/auth/access-table.js';
import { timeOrderedId } from '../../common/database/time-ordered-id.js';
import { requestLanguage, sendUnexpectedError } from '../../common/errors/http-errors.js';
import { characterCount } from '../../common/rules/text-rules.js';
import { translate, type MessageKey, type MessageParams } from '../../common/i18n/messages.js';
import { type DocumentStorage } from '../../common/storage/document-storage.js';
import { createStandingSource } from '../access/standing-source.js';
import { findOpenClaimByCase } from '../claims/claims.service.js';
import { CASE_NUMBER_MAX_LENGTH, findRulingByCase } from '../rulings/rulings.service.js';
import { RequestSession } from '../sessions/request-session.js';
import { isSecureRequest, readSessionToken } from '../sessions/session-cookie.js';
import { csrfTokenMatches } from '../sessions/session.service.js';
import { type CheckedFile, type DocumentCase, findDocument, storeUpload } from './documents.service.js';
import { downloadUrlOf } from './documents.view.js';
import { DocumentCategory } from './documents.types.js';
import { cleanFileName, ContentInspector, contentTypes } from './file-checks.js';
import {
  ACCEPTED_EXTENSIONS,
  extensionOf,
  FILE_NAME_MAX_LENGTH,
  isAcceptedExtension,
  MAX_FILE_BYTES,
  MAX_FILES_PER_UPLOAD,
  type UploadError,
} from '../../common/rules/upload-rules.js';

// Document upload and download over plain HTTP (multipart does not belong in GraphQL). The same session
// cookie and X-CSRF-Token as /graphql, the same access table: REQUESTS_AND_TRANSACTIONS EDIT on the case's
// program account to upload, VIEW to download. docs/rulings-and-documents.md.

interface ReceivedFile {
  index: number;
  fileName: string;
  extension: string;
  sizeBytes: number;
  truncated: boolean;
  tempPath: string | null;
  inspector: ContentInspector | null;
}

/** The body itself was bad (cut off, not well-formed multipart): the caller's to fix, not the server's. */
class MalformedUpload extends Error {}

function sendError(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ ok: false, errors: [{ field: [], code, message }] });
}

async function signedIn(req: Request, res: Response, deps: { dataSource: DataSource; config: AppConfig }) {
  const session = new RequestSession({
    dataSource: deps.dataSource,
    config: deps.config,
    res,
    token: readSessionToken(req.headers.cookie),
    secure: isSecureRequest(req, deps.config),
  });
  const active = await session.load();
  return active?.session.termsAcceptedAt ? { session, active } : null;
}

type CaseProblem = [code: string, key: MessageKey, params?: MessageParams];
interface CaseCheck {
  ruling: DocumentCase | null;
  problem?: CaseProblem;
}

/** Step 1's case number: present, at most 10 characters, a ruling the caller may change (EDIT). */
async function checkCase(
  dataSource: DataSource,
  session: RequestSession,
  caseNumber: string,
): Promise<CaseCheck> {
  if (!caseNumber) return { ruling: null, problem: ['REQUIRED', 'documents.caseNumber.REQUIRED'] };
  if (caseNumber.length > CASE_NUMBER_MAX_LENGTH)
    return {
      ruling: null,
      problem: ['TOO_LONG', 'documents.caseNumber.TOO_LONG', { max: CASE_NUMBER_MAX_LENGTH }],
    };
  // A ruling's case number, or an open claim's (a closed claim takes no more documents: "not found" alike).
  const found = await findRulingByCase(dataSource, caseNumber);
  const ruling: DocumentCase | null = found
    ? { kind: 'RULING', ...found }
    : await findOpenClaimByCase(dataSource, caseNumber);
  const standing = ruling
    ? await createStandingSource(dataSource, session).standing(ruling.businessId)
    : null;
  // Unknown and not the caller's to change get the same answer: the number tells nothing.
  const allowed =
    ruling &&
    standing &&
    decideAccess(standing, AccessArea.REQUESTS_AND_TRANSACTIONS, AccessAction.EDIT, {
      businessId: ruling.businessId,
      programAccountId: ruling.programAccountId,
    });
  return allowed
    ? { ruling }
    : { ruling: null, problem: ['CASE_NOT_FOUND', 'documents.caseNumber.CASE_NOT_FOUND'] };
}

export interface DocumentRoutesDeps {
  dataSource: DataSource;
  config: AppConfig;
  storage: DocumentStorage;
}

/** POST /api/documents (multipart: category, caseNumber, then up to 10 `files`) and GET /api/documents/:id. */
export function documentRoutes(deps: DocumentRoutesDeps): Router {
  const router = express.Router();
  const { dataSource, config, storage } = deps;

  router.post('/api/documents', async (req, res) => {
    const lang = requestLanguage(req);
    const t = (key: MessageKey, params?: MessageParams) => translate(lang, key, params);
    const caller = await signedIn(req, res, deps);
    if (!caller) return sendError(res, 401, 'UNAUTHENTICATED', t('errors.unauthenticated'));
    if (!csrfTokenMatches(caller.active.session, req.get('x-csrf-token')))
      return sendError(res, 403, 'CSRF_TOKEN_INVALID', t('errors.csrfTokenInvalid'));
    if (!req.is('multipart/form-data'))
      return sendError(res, 400, 'NOT_MULTIPART', t('documents.NOT_MULTIPART'));

    // The case decides whether anything of the upload may touch the disk, so it is checked when the first
    // file starts (fields come first: category, caseNumber, then files). A caller who may not change the
    // case still has its files read, counted and inspected for the per-file answers, but never written.
    let caseCheck: Promise<CaseCheck> | undefined;
    const checkCaseOnce = (value: string | undefined) =>
      (caseCheck ??= checkCase(dataSource, caller.session, (value ?? '').trim()));

    const tempDir = path.join(config.documents.tempDir, timeOrderedId());
    await mkdir(tempDir, { recursive: true });
    // Every file's write, settled before the temp folder goes (a write can still start after a failure).
    const writes: Array<Promise<void>> = [];
    try {
      const fields: Record<string, string> = {};
      const files: ReceivedFile[] = [];
      let tooMany = false;
      let parts = 0;
      await new Promise<void>((resolve, reject) => {
        let parser: busboy.Busboy;
        try {
          parser = busboy({
            headers: req.headers,
            limits: {
              files: MAX_FILES_PER_UPLOAD,
              // One byte more than allowed: a file of exactly the limit is whole, one byte over is truncated.
              fileSize: MAX_FILE_BYTES + 1,
              fields: 10,
              fieldSize: 1000,
              parts: MAX_FILES_PER_UPLOAD + 20,
            },
          });
        } catch (error) {
          // busboy throws at once on a header it cannot use (multipart without a boundary).
          reject(new MalformedUpload((error as Error).message));
          return;
        }
        parser.on('field', (name, value) => {
          fields[name] = value;
        });
        parser.on('file', (name, stream, info) => {
          // A body cut off mid-file destroys the file stream with an error, and the parser reports it too
          // (below). Without a listener here, that error would be thrown as uncaught and end the process.
          stream.on('error', () => undefined);
          if (name !== 'files') {
            stream.resume();
            return;
          }
          const check = checkCaseOnce(fields.caseNumber);
          const fileName = cleanFileName(info.filename);
          const extension = extensionOf(fileName);
          const accepted = isAcceptedExtension(extension);
          const file: ReceivedFile = {
            index: files.length,
            fileName,
            extension,
            sizeBytes: 0,
            truncated: false,
            tempPath: accepted ? path.join(tempDir, String(parts++)) : null,
            inspector: accepted ? new ContentInspector(extension) : null,
          };
          files.push(file);
          stream.on('data', (chunk: Buffer) => {
            file.sizeBytes += chunk.length;
            file.inspector?.update(chunk);
          });
          stream.on('limit', () => {
            file.truncated = true;
          });
          // A refused type, or any file of a case the caller may not change, is read and thrown away:
          // nothing of it touches the disk. Paused until the case is known (busboy waits meanwhile).
          stream.pause();
          const write = check.then(
            async ({ ruling }) => {
              if (!ruling || stream.destroyed) file.tempPath = null;
              if (!file.tempPath) {
                stream.resume();
                await finished(stream);
              } else await pipeline(stream, createWriteStream(file.tempPath));
            },
            (error: unknown) => {
              // Drained, or busboy would wait for this stream forever and the request never end.
              stream.resume();
              throw error;
            },
          );
          // Awaited with the others once the body is read; until then a failure must not count as unhandled.
          write.catch(() => undefined);
          writes.push(write);
        });
        parser.on('filesLimit', () => {
          tooMany = true;
        });
        parser.on('error', (error: Error) => reject(new MalformedUpload(error.message)));
        parser.on('close', resolve);
        req.on('aborted', () => reject(new MalformedUpload('upload aborted')));
        req.pipe(parser);
      });
      await Promise.all(writes);

      const errors: UploadError[] = [];
      const problem = (field: UploadError['field'], code: string, key: string, params: MessageParams = {}) =>
        errors.push({
          field,
          code,
          message: t(key as MessageKey, params),
          ...(typeof params.fileName === 'string' ? { fileName: params.fileName } : {}),
        });
      const category = fields.category ?? '';
      if (!(Object.values(DocumentCategory) as string[]).includes(category))
        problem(['category'], 'REQUIRED', 'documents.category.REQUIRED');
      const { ruling, problem: caseProblem } = await checkCaseOnce(fields.caseNumber);
      if (caseProblem) {
        const [code, key, params] = caseProblem;
        problem(['caseNumber'], code, key, params);
      }
      if (tooMany) problem(['files'], 'TOO_MANY', 'documents.files.TOO_MANY', { max: MAX_FILES_PER_UPLOAD });
      else if (files.length === 0) problem(['files'], 'REQUIRED', 'documents.files.REQUIRED');
      for (const file of files) {
        const field = ['files', file.index];
        const fileName = file.fileName;
        if (!file.inspector)
          problem(field, 'TYPE_NOT_ALLOWED', 'documents.file.TYPE_NOT_ALLOWED', {
            fileName,
            types: ACCEPTED_EXTENSIONS.join(', '),
          });
        else if (file.truncated || file.sizeBytes > MAX_FILE_BYTES)
          problem(field, 'TOO_LARGE', 'documents.file.TOO_LARGE', {
            fileName,
            maxMb: MAX_FILE_BYTES / 1024 / 1024,
          });
        else if (file.sizeBytes === 0) problem(field, 'EMPTY', 'documents.file.EMPTY', { fileName });
        else if (!file.inspector.matches())
          problem(field, 'CONTENT_MISMATCH', 'documents.file.CONTENT_MISMATCH', {
            fileName,
            extension: file.extension,
          });
        else if (characterCount(fileName) > FILE_NAME_MAX_LENGTH)
          problem(field, 'NAME_TOO_LONG', 'documents.file.NAME_TOO_LONG', {
            fileName,
            max: FILE_NAME_MAX_LENGTH,
          });
      }
      if (errors.length || !ruling) {
        await rm(tempDir, { recursive: true, force: true });
        res.status(422).json({ ok: false, message: t('documents.NOTHING_STORED'), errors });
        return;
      }
      const checked: CheckedFile[] = files.map((file) => ({
        fileName: file.fileName,
        contentType: contentTypes[file.extension as keyof typeof contentTypes],
        sizeBytes: file.sizeBytes,
        tempPath: file.tempPath!,
      }));
      const rows = await storeUpload(dataSource, config, storage, {
        ruling,
        category: category as DocumentCategory,
        actorId: caller.active.user.id,
        files: checked,
      });
      await rm(tempDir, { recursive: true, force: true });
      res.status(201).json({
        ok: true,
        caseNumber: ruling.caseNumber,
        rulingId: ruling.id,
        caseKind: ruling.kind,
        documents: rows.map((row) => ({
          id: row.id,
          fileName: row.fileName,
          category: row.category,
          contentType: row.contentType,
          sizeBytes: row.sizeBytes,
          uploadedAt: row.uploadedAt.toISOString(),
          downloadUrl: downloadUrlOf(row.id),
        })),
      });
    } catch (error) {
      if (error instanceof MalformedUpload) {
        req.log.warn({ reason: error.message }, 'document upload refused: malformed body');
        if (!res.headersSent) sendError(res, 400, 'BAD_MULTIPART', t('documents.BAD_MULTIPART'));
        return;
      }
      req.log.error({ err: error }, 'document upload failed');
      sendUnexpectedError(req, res, error);
    } finally {
      await Promise.allSettled(writes);
      await rm(tempDir, { recursive: true, force: true });
    }
  });

  router.get('/api/documents/:id', async (req, res) => {
    const lang = requestLanguage(req);
    const caller = await signedIn(req, res, deps);
    if (!caller) return sendError(res, 401, 'UNAUTHENTICATED', translate(lang, 'errors.unauthenticated'));
    const document = await findDocument(dataSource, String(req.params.id));
    const standing = document
      ? await createStandingSource(dataSource, caller.session).standing(document.businessId)
      : null;
    // Unknown and not the caller's to see get the same answer.
    if (
      !document ||
      !standing ||
      !decideAccess(standing, AccessArea.REQUESTS_AND_TRANSACTIONS, AccessAction.VIEW, {
        businessId: document.businessId,
        programAccountId: document.programAccountId,
      })
    )
      return sendError(
        res,
        403,
        'FORBIDDEN',
        translate(lang, 'errors.accessDenied.REQUESTS_AND_TRANSACTIONS'),
      );
    try {
      const body = await storage.open(document.storageKey);
      const ascii = document.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
      res.setHeader('Content-Type', document.contentType);
      res.setHeader('Content-Length', String(document.sizeBytes));
      res.setHeader(
        'Content-Disposition',
        `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(document.fileName)}`,
      );
      res.setHeader('Cache-Control', 'private, no-store');
      await pipeline(body, res);
    } catch (error) {
      req.log.error({ err: error }, 'document download failed');
      sendUnexpectedError(req, res, error);
    }
  });

  // Anything a handler throws before its own catch (the database away while the session or the case is
  // read) is answered in these routes' shape and the caller's language: 503 SERVICE_UNAVAILABLE or 500.
  router.use('/api/documents', (error: unknown, req: Request, res: Response, _next: NextFunction) => {
    req.log.error({ err: error }, 'document route failed');
    sendUnexpectedError(req, res, error);
  });

  return router;
}
