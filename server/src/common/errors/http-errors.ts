import { type Request, type Response } from 'express';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '../database/availability.js';
import { languageFromHeader, type Language } from '../i18n/language.js';
import { translate, type MessageKey } from '../i18n/messages.js';

// Errors answered outside GraphQL's own error handling (body parsing, the request deadline, REST routes), in
// the shape of the route that answers and in the caller's language, never as a raw message key.

/** The caller's language: `?lang=` (links to documents) or Accept-Language. */
export function requestLanguage(req: Request): Language {
  const query = req.query.lang;
  return query === 'fr' || query === 'en' ? query : languageFromHeader(req.get('accept-language'));
}

/** REST routes (`/api/...`) answer `{ ok: false, errors: [{ field, code, message }] }`; the rest GraphQL's shape. */
function isRestPath(req: Request): boolean {
  return req.originalUrl.startsWith('/api/');
}

/** Sends one error in the route's shape; 503 answers also say when to retry. */
export function sendHttpError(
  req: Request,
  res: Response,
  status: number,
  code: string,
  key: MessageKey,
): void {
  const message = translate(requestLanguage(req), key);
  if (status === 503) res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
  res
    .status(status)
    .json(
      isRestPath(req)
        ? { ok: false, errors: [{ field: [], code, message }] }
        : { errors: [{ message, extensions: { code } }] },
    );
}

/**
 * Answers an unexpected error: 503 SERVICE_UNAVAILABLE when the database is away or too slow, otherwise 500
 * INTERNAL_SERVER_ERROR. The caller logs it (serializeError keeps driver messages out of the logs).
 */
export function sendUnexpectedError(req: Request, res: Response, error: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (isDatabaseUnavailable(error))
    sendHttpError(req, res, 503, 'SERVICE_UNAVAILABLE', 'errors.serviceUnavailable');
  else sendHttpError(req, res, 500, 'INTERNAL_SERVER_ERROR', 'errors.internal');
}
