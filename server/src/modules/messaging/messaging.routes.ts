import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { type DataSource } from 'typeorm';
import { type AppConfig } from '../../config/env.js';
import { decideFor } from '../../common/auth/access-directive.js';
import { AccessAction, AccessArea, visibleScope } from '../../common/auth/access-table.js';
import { isAgencyOfficer } from '../../common/auth/role-policy.js';
import { httpCaller, type HttpCaller } from '../access/http-access.js';
import { sendError, sendRefusal } from '../documents/documents.routes.js';
import { letterOwnerOf } from './access-owners.js';
import { findLetter, generatedLetterPdf, LETTER_ATTACHMENT } from './letters.service.js';
import { timeOrderedId } from '../../common/database/time-ordered-id.js';
import { requestLanguage, sendUnexpectedError } from '../../common/errors/http-errors.js';
import { translate, type MessageKey, type MessageParams } from '../../common/i18n/messages.js';
import { type UploadError } from '../../common/rules/upload-rules.js';
import { type DocumentStorage } from '../../common/storage/document-storage.js';
import { businessSummaries } from '../businesses/business-directory.service.js';
import { findAttachment, storeAttachments } from '../documents/documents.service.js';
import { checkedFiles, fileProblems, MalformedUpload, receiveUpload } from '../documents/upload-reception.js';
import { type Letter } from './messaging.entities.js';
import {
  ATTACHMENT_DOWNLOAD_BASE,
  LETTER_PDF_BASE,
  MESSAGE_ATTACHMENT,
  threadOfMessage,
  threadOwner,
} from './messaging.service.js';

// Attachments of messages and letters over plain HTTP, with the documents module's reception (same rules:
// up to 10 files, 15 MB each, types by extension and content, streamed) and storage. An upload names the
// business it is for (`businessId`, before the files) and is kept without an owner until the message or
// letter that names it is sent (documents' `attachToOwner`); a download asks the same access decision as
// what the attachment belongs to. docs/messaging.md.

export interface MessagingRoutesDeps {
  dataSource: DataSource;
  config: AppConfig;
  storage: DocumentStorage;
}

/**
 * Whether the caller may attach files for the business: an officer (the officer console's replies and
 * letters), or MESSAGES EDIT on some thread of it (the table's `visibleScope`, as openMessageThread's and
 * postMessage's owners are decided on one of its program accounts or on the business itself).
 */
async function mayUploadFor(
  dataSource: DataSource,
  caller: HttpCaller,
  businessId: string,
): Promise<boolean> {
  if (!businessId || !(await businessSummaries(dataSource.manager, [businessId])).get(businessId))
    return false;
  if (isAgencyOfficer(caller.active.user.role)) return true;
  const scope = visibleScope(
    await caller.access.standing(businessId),
    AccessArea.MESSAGES,
    AccessAction.EDIT,
  );
  return scope === 'ALL' || scope.size > 0;
}

/**
 * The letter and its portal business when the caller may read it: the decision of `letter(id:)`
 * (CORRESPONDENCE VIEW, its owner reader), for a letter's attachment and for its generated PDF.
 */
async function mayReadLetter(
  dataSource: DataSource,
  caller: HttpCaller,
  letterId: string,
): Promise<{ letter: Letter; businessId: string } | null> {
  const owner = await letterOwnerOf(letterId, caller.context);
  if (!owner || !(await decideFor(caller.access, AccessArea.CORRESPONDENCE, AccessAction.VIEW, owner)))
    return null;
  const letter = await findLetter(dataSource, letterId);
  return letter ? { letter, businessId: owner.businessId } : null;
}

/**
 * Whether the caller may download the attachment: the decision of what it is attached to (its thread's
 * MESSAGES VIEW, its letter's CORRESPONDENCE VIEW); one not yet attached is its uploader's only.
 */
async function mayDownload(
  dataSource: DataSource,
  caller: HttpCaller,
  attachment: NonNullable<Awaited<ReturnType<typeof findAttachment>>>,
): Promise<{ ok: boolean; area: AccessArea }> {
  if (!attachment.ownerId) {
    const owner = { businessId: attachment.businessId, recipientId: attachment.uploadedBy };
    return {
      ok: await decideFor(caller.access, AccessArea.MESSAGES, AccessAction.VIEW, owner),
      area: AccessArea.MESSAGES,
    };
  }
  if (attachment.ownerType === MESSAGE_ATTACHMENT) {
    const thread = await threadOfMessage(dataSource, attachment.ownerId);
    const owner = thread ? threadOwner(thread) : null;
    return {
      ok: await decideFor(caller.access, AccessArea.MESSAGES, AccessAction.VIEW, owner),
      area: AccessArea.MESSAGES,
    };
  }
  if (attachment.ownerType === LETTER_ATTACHMENT)
    return {
      ok: Boolean(await mayReadLetter(dataSource, caller, attachment.ownerId)),
      area: AccessArea.CORRESPONDENCE,
    };
  return { ok: false, area: AccessArea.MESSAGES };
}

/** POST /api/messaging/attachments (multipart: businessId, then up to 10 `files`) and GET …/:id. */
export function messagingRoutes(deps: MessagingRoutesDeps): Router {
  const router = express.Router();
  const { dataSource, config, storage } = deps;

  router.post(ATTACHMENT_DOWNLOAD_BASE, async (req, res) => {
    const lang = requestLanguage(req);
    const t = (key: MessageKey, params?: MessageParams) => translate(lang, key, params);
    const caller = await httpCaller(req, res, deps, { csrf: true });
    if ('refused' in caller) return sendRefusal(res, lang, caller.refused);
    if (!req.is('multipart/form-data'))
      return sendError(res, 400, 'NOT_MULTIPART', t('documents.NOT_MULTIPART'));

    // Decided once, for the first businessId seen; the files are stored under that same business, whatever a
    // later businessId part says (the one checked is the one used).
    let allowed: Promise<boolean> | undefined;
    let checkedBusinessId = '';
    const allowedFor = (businessId: string | undefined) => {
      if (!allowed) {
        checkedBusinessId = (businessId ?? '').trim();
        allowed = mayUploadFor(dataSource, caller, checkedBusinessId);
      }
      return allowed;
    };
    const tempDir = path.join(config.documents.tempDir, timeOrderedId());
    await mkdir(tempDir, { recursive: true });
    const writes: Array<Promise<void>> = [];
    try {
      const upload = await receiveUpload(req, tempDir, (fields) => allowedFor(fields.businessId), writes);
      const errors: UploadError[] = [];
      const ok = await allowedFor(upload.fields.businessId);
      // Unknown and not the caller's to write to get the same answer.
      if (!ok)
        errors.push({
          field: ['businessId'],
          code: 'REQUIRED',
          message: t('messaging.businessId.REQUIRED'),
        });
      errors.push(...fileProblems(upload, t));
      if (errors.length) {
        res.status(422).json({ ok: false, message: t('documents.NOTHING_STORED'), errors });
        return;
      }
      const rows = await storeAttachments(dataSource, config, storage, {
        businessId: checkedBusinessId,
        actorId: caller.active.user.id,
        files: checkedFiles(upload),
      });
      res.status(201).json({
        ok: true,
        attachments: rows.map((row) => ({
          id: row.id,
          fileName: row.fileName,
          contentType: row.contentType,
          sizeBytes: row.sizeBytes,
          downloadUrl: `${ATTACHMENT_DOWNLOAD_BASE}/${row.id}`,
        })),
      });
    } catch (error) {
      if (error instanceof MalformedUpload) {
        req.log.warn({ reason: error.message }, 'attachment upload refused: malformed body');
        if (!res.headersSent) sendError(res, 400, 'BAD_MULTIPART', t('documents.BAD_MULTIPART'));
        return;
      }
      req.log.error({ err: error }, 'attachment upload failed');
      sendUnexpectedError(req, res, error);
    } finally {
      await Promise.allSettled(writes);
      await rm(tempDir, { recursive: true, force: true });
    }
  });

  router.get(`${ATTACHMENT_DOWNLOAD_BASE}/:id`, async (req, res) => {
    const lang = requestLanguage(req);
    // A person's session, or a broker system's API token (issue 15 §6): the same access decision.
    const caller = await httpCaller(req, res, deps, { bearer: true });
    if ('refused' in caller) return sendRefusal(res, lang, caller.refused);
    const attachment = await findAttachment(dataSource, String(req.params.id));
    const decision = attachment ? await mayDownload(dataSource, caller, attachment) : null;
    // Unknown and not the caller's to see get the same answer.
    if (!attachment || !decision?.ok)
      return sendError(
        res,
        403,
        'FORBIDDEN',
        translate(lang, `errors.accessDenied.${decision?.area ?? AccessArea.MESSAGES}` as MessageKey),
      );
    try {
      const body = await storage.open(attachment.storageKey);
      const ascii = attachment.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
      res.setHeader('Content-Type', attachment.contentType);
      res.setHeader('Content-Length', String(attachment.sizeBytes));
      res.setHeader(
        'Content-Disposition',
        `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`,
      );
      res.setHeader('Cache-Control', 'private, no-store');
      await pipeline(body, res);
    } catch (error) {
      req.log.error({ err: error }, 'attachment download failed');
      sendUnexpectedError(req, res, error);
    }
  });

  // The PDF of a letter the portal wrote (issue 15 §3), in `?lang=en|fr` (the request's language by default),
  // rendered on demand: the same caller (session or bearer token) and the same decision as a posted letter's
  // PDF, and the same 403 for unknown and refused. An officer's letter has no generated PDF (its attachment
  // is its PDF): 404 once access is granted.
  router.get(`${LETTER_PDF_BASE}/:letterId`, async (req, res) => {
    const lang = requestLanguage(req);
    const caller = await httpCaller(req, res, deps, { bearer: true });
    if ('refused' in caller) return sendRefusal(res, lang, caller.refused);
    const readable = await mayReadLetter(dataSource, caller, String(req.params.letterId));
    if (!readable)
      return sendError(
        res,
        403,
        'FORBIDDEN',
        translate(lang, `errors.accessDenied.${AccessArea.CORRESPONDENCE}` as MessageKey),
      );
    try {
      const pdf = await generatedLetterPdf(dataSource, readable.letter, readable.businessId, lang);
      if (!pdf) return sendError(res, 404, 'NOT_FOUND', translate(lang, 'errors.notFound'));
      res.setHeader('Content-Type', 'application/pdf');
      res.setHeader('Content-Length', String(pdf.bytes.byteLength));
      res.setHeader('Content-Disposition', `attachment; filename="${pdf.fileName}"`);
      res.setHeader('Cache-Control', 'private, no-store');
      res.end(Buffer.from(pdf.bytes.buffer, pdf.bytes.byteOffset, pdf.bytes.byteLength));
    } catch (error) {
      req.log.error({ err: error }, 'letter PDF failed');
      sendUnexpectedError(req, res, error);
    }
  });

  router.use(ATTACHMENT_DOWNLOAD_BASE, (error: unknown, req: Request, res: Response, _next: NextFunction) => {
    req.log.error({ err: error }, 'attachment route failed');
    sendUnexpectedError(req, res, error);
  });

  return router;
}
