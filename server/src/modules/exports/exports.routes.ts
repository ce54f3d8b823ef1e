import { pipeline } from 'node:stream/promises';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { type DataSource } from 'typeorm';
import { AccessAction, AccessArea, decideAccess } from '../../common/auth/access-table.js';
import { AppError } from '../../common/errors/app-error.js';
import { sendHttpError, sendUnexpectedError } from '../../common/errors/http-errors.js';
import { type DocumentStorage } from '../../common/storage/document-storage.js';
import { type AppConfig } from '../../config/env.js';
import { createStandingSource } from '../access/standing-source.js';
import { readBearerToken } from '../api-tokens/bearer.js';
import { RequestSession } from '../sessions/request-session.js';
import { isSecureRequest, readSessionToken } from '../sessions/session-cookie.js';
import { ExportStatus, type ExportCaller, findOwnExport } from './exports.service.js';

// GET /api/exports/:id/download: the file of a READY export, to whoever started it (the session cookie or
// the bearer token, as /graphql), and only while the access table still lets them see their business
// (BUSINESS_IDENTITY VIEW): a person who left the business, or a token whose creator is no longer its BAM,
// cannot download what they exported before. Unknown, someone else's and not ready answer alike.

export function exportRoutes(deps: {
  config: AppConfig;
  dataSource: DataSource;
  storage: DocumentStorage;
}): Router {
  const { config, dataSource, storage } = deps;
  const router = express.Router();

  router.get('/api/exports/:id/download', async (req: Request, res: Response) => {
    const session = new RequestSession({
      dataSource,
      config,
      res,
      token: readSessionToken(req.headers.cookie),
      secure: isSecureRequest(req, config),
      bearerToken: readBearerToken(req.get('authorization')),
    });
    let active;
    try {
      active = await session.load();
    } catch (error) {
      if (error instanceof AppError)
        return sendHttpError(req, res, 401, 'UNAUTHENTICATED', 'errors.tokenInvalid');
      throw error;
    }
    if (!active?.session.termsAcceptedAt)
      return sendHttpError(req, res, 401, 'UNAUTHENTICATED', 'errors.unauthenticated');
    const token = session.apiToken;
    const caller: ExportCaller = token
      ? { kind: 'token', tokenId: token.token.id, businessId: token.token.businessId }
      : { kind: 'person', userId: active.user.id, businessId: active.session.activeBusinessId };
    const row = await findOwnExport(dataSource, caller, String(req.params.id));
    const standing = row ? await createStandingSource(dataSource, session).standing(row.businessId) : null;
    if (
      !row ||
      row.status !== String(ExportStatus.READY) ||
      !row.storageKey ||
      !standing ||
      !decideAccess(standing, AccessArea.BUSINESS_IDENTITY, AccessAction.VIEW, { businessId: row.businessId })
    )
      return sendHttpError(req, res, 404, 'NOT_FOUND', 'errors.notFound');
    const body = await storage.open(row.storageKey);
    const csv = row.format === 'CSV';
    res.setHeader('Content-Type', csv ? 'text/csv; charset=utf-8' : 'application/x-ndjson');
    res.setHeader('Content-Length', String(row.sizeBytes ?? 0));
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="${row.reportName ?? 'export'}-${row.id}.${csv ? 'csv' : 'ndjson'}"`,
    );
    res.setHeader('Cache-Control', 'private, no-store');
    await pipeline(body, res);
  });

  router.use('/api/exports', (error: unknown, req: Request, res: Response, _next: NextFunction) => {
    req.log.error({ err: error }, 'export route failed');
    sendUnexpectedError(req, res, error);
  });
  return router;
}
