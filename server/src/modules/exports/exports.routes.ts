import { pipeline } from 'node:stream/promises';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { type DataSource } from 'typeorm';
import { sendHttpError, sendUnexpectedError } from '../../common/errors/http-errors.js';
import { type DocumentStorage } from '../../common/storage/document-storage.js';
import { type AppConfig } from '../../config/env.js';
import { decideFor } from '../../common/auth/access-directive.js';
import { AccessAction, AccessArea } from '../../common/auth/access-table.js';
import { httpCaller } from '../access/http-access.js';
import { ExportStatus, type ExportCaller, findOwnExport } from './exports.service.js';

// GET /api/exports/:id/download: the file of a READY export, to whoever started it (the session cookie or
// the bearer token, as /graphql: httpCaller), and only while the access table still lets them see their business
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
    const http = await httpCaller(req, res, { dataSource, config }, { bearer: true });
    if ('refused' in http)
      return http.refused === 'TOKEN_INVALID'
        ? sendHttpError(req, res, 401, 'UNAUTHENTICATED', 'errors.tokenInvalid')
        : sendHttpError(req, res, 401, 'UNAUTHENTICATED', 'errors.unauthenticated');
    const { session, active } = http;
    const token = session.apiToken;
    const caller: ExportCaller = token
      ? { kind: 'token', tokenId: token.token.id, businessId: token.token.businessId }
      : { kind: 'person', userId: active.user.id, businessId: active.session.activeBusinessId };
    const row = await findOwnExport(dataSource, caller, String(req.params.id));
    // Still allowed to see the business (BUSINESS_IDENTITY VIEW), decided as `business(id:)` decides.
    const allowed =
      row &&
      (await decideFor(http.access, AccessArea.BUSINESS_IDENTITY, AccessAction.VIEW, {
        businessId: row.businessId,
      }));
    if (!row || row.status !== String(ExportStatus.READY) || !row.storageKey || !allowed)
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
