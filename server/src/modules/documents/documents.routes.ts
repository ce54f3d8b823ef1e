import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { type DataSource } from 'typeorm';
import { type AppConfig } from '../../config/env.js';
import { decideFor } from '../../common/auth/access-directive.js';
import { AccessAction, AccessArea } from '../../common/auth/access-table.js';
import { type Language } from '../../common/i18n/language.js';
import { httpCaller, type CallerRefusal, type HttpCaller } from '../access/http-access.js';
import { openClaimOwnerOf } from '../claims/access-owners.js';
import { rulingCaseOwner } from '../rulings/access-owners.js';
import { documentOwnerOf } from './access-owners.js';
import { timeOrderedId } from '../../common/database/time-ordered-id.js';
import { requestLanguage, sendUnexpectedError } from '../../common/errors/http-errors.js';
import { translate, type MessageKey, type MessageParams } from '../../common/i18n/messages.js';
import { type DocumentStorage } from '../../common/storage/document-storage.js';
import { findOpenClaimByCase } from '../claims/claims.service.js';
import { CASE_NUMBER_MAX_LENGTH, findRulingByCase } from '../rulings/rulings.service.js';
import { type DocumentCase, findDocument, storeUpload } from './documents.service.js';
import { downloadUrlOf } from './documents.view.js';
import { DocumentCategory } from './documents.types.js';
import { checkedFiles, fileProblems, MalformedUpload, receiveUpload } from './upload-reception.js';
import { type UploadError } from '../../common/rules/upload-rules.js';

// Document upload and download over plain HTTP (multipart does not belong in GraphQL). The same caller as
// /graphql (httpCaller: session cookie, terms, X-CSRF-Token) and the same decision (decideFor, with the owner
// readers of the GraphQL fields): REQUESTS_AND_TRANSACTIONS EDIT on the case's program account to upload,
// VIEW to download. docs/rulings-and-documents.md.

export function sendError(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ ok: false, errors: [{ field: [], code, message }] });
}

/** A caller refusal in these routes' shape: 401 UNAUTHENTICATED (an invalid token alike), 403 CSRF_TOKEN_INVALID. */
export function sendRefusal(res: Response, lang: Language, refused: CallerRefusal): void {
  if (refused === 'CSRF_TOKEN_INVALID')
    return sendError(res, 403, 'CSRF_TOKEN_INVALID', translate(lang, 'errors.csrfTokenInvalid'));
  sendError(res, 401, 'UNAUTHENTICATED', translate(lang, 'errors.unauthenticated'));
}

type CaseProblem = [code: string, key: MessageKey, params?: MessageParams];
interface CaseCheck {
  ruling: DocumentCase | null;
  problem?: CaseProblem;
}

/**
 * Step 1's case number: present, at most 10 characters, a ruling or an open claim the caller may change: the
 * decision of `documentCase` / `claimDocumentCase` (REQUESTS_AND_TRANSACTIONS EDIT, their owner readers).
 */
async function checkCase(dataSource: DataSource, caller: HttpCaller, caseNumber: string): Promise<CaseCheck> {
  if (!caseNumber) return { ruling: null, problem: ['REQUIRED', 'documents.caseNumber.REQUIRED'] };
  if (caseNumber.length > CASE_NUMBER_MAX_LENGTH)
    return {
      ruling: null,
      problem: ['TOO_LONG', 'documents.caseNumber.TOO_LONG', { max: CASE_NUMBER_MAX_LENGTH }],
    };
  // A ruling's case number, or an open claim's (a closed claim takes no more documents: "not found" alike).
  const owner =
    (await rulingCaseOwner(caseNumber, caller.context)) ??
    (await openClaimOwnerOf(caseNumber, caller.context));
  // Unknown and not the caller's to change get the same answer: the number tells nothing.
  const allowed = await decideFor(
    caller.access,
    AccessArea.REQUESTS_AND_TRANSACTIONS,
    AccessAction.EDIT,
    owner,
  );
  const found = allowed ? await findRulingByCase(dataSource, caseNumber) : null;
  const ruling: DocumentCase | null = !allowed
    ? null
    : found
      ? { kind: 'RULING', ...found }
      : await findOpenClaimByCase(dataSource, caseNumber);
  return ruling
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
    const caller = await httpCaller(req, res, deps, { csrf: true });
    if ('refused' in caller) return sendRefusal(res, lang, caller.refused);
    if (!req.is('multipart/form-data'))
      return sendError(res, 400, 'NOT_MULTIPART', t('documents.NOT_MULTIPART'));

    // The case decides whether anything of the upload may touch the disk, so it is checked when the first
    // file starts (fields come first: category, caseNumber, then files). A caller who may not change the
    // case still has its files read, counted and inspected for the per-file answers, but never written.
    let caseCheck: Promise<CaseCheck> | undefined;
    const checkCaseOnce = (value: string | undefined) =>
      (caseCheck ??= checkCase(dataSource, caller, (value ?? '').trim()));

    const tempDir = path.join(config.documents.tempDir, timeOrderedId());
    await mkdir(tempDir, { recursive: true });
    // Every file's write, settled before the temp folder goes (a write can still start after a failure).
    const writes: Array<Promise<void>> = [];
    try {
      const upload = await receiveUpload(
        req,
        tempDir,
        async (fields) => Boolean((await checkCaseOnce(fields.caseNumber)).ruling),
        writes,
      );
      const { fields } = upload;
      const errors: UploadError[] = [];
      const problem = (field: UploadError['field'], code: string, key: string, params: MessageParams = {}) =>
        errors.push({ field, code, message: t(key as MessageKey, params) });
      const category = fields.category ?? '';
      if (!(Object.values(DocumentCategory) as string[]).includes(category))
        problem(['category'], 'REQUIRED', 'documents.category.REQUIRED');
      const { ruling, problem: caseProblem } = await checkCaseOnce(fields.caseNumber);
      if (caseProblem) {
        const [code, key, params] = caseProblem;
        problem(['caseNumber'], code, key, params);
      }
      errors.push(...fileProblems(upload, t));
      if (errors.length || !ruling) {
        await rm(tempDir, { recursive: true, force: true });
        res.status(422).json({ ok: false, message: t('documents.NOTHING_STORED'), errors });
        return;
      }
      const checked = checkedFiles(upload);
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
    const caller = await httpCaller(req, res, deps);
    if ('refused' in caller) return sendRefusal(res, lang, caller.refused);
    // The decision of the document's ruling or claim fields (REQUESTS_AND_TRANSACTIONS VIEW on its owner).
    // Unknown and not the caller's to see get the same answer.
    const id = String(req.params.id);
    const owner = await documentOwnerOf(id, caller.context);
    const allowed = await decideFor(
      caller.access,
      AccessArea.REQUESTS_AND_TRANSACTIONS,
      AccessAction.VIEW,
      owner,
    );
    const document = allowed ? await findDocument(dataSource, id) : null;
    if (!document)
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
