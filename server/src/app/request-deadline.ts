import { type NextFunction, type Request, type Response } from 'express';
import { type AppConfig } from '../config/env.js';
import { sendHttpError } from '../common/errors/http-errors.js';

/**
 * No request outlives its deadline (REQUEST_TIMEOUT_MS; TRANSFER_TIMEOUT_MS for document uploads and
 * downloads, whose bodies take time to cross a slow link): past it the caller gets 503 SERVICE_UNAVAILABLE
 * with Retry-After, or, when the answer has started, the connection is cut. What the handler does after that
 * is no longer sent (decision 0021).
 */
export function requestDeadline(deadline: AppConfig['requestDeadline']) {
  return (req: Request, res: Response, next: NextFunction) => {
    // The live bell's stream is long by nature: it bounds itself (notices-stream.routes.ts).
    if (req.path === '/api/events/stream') return next();
    const ms = req.path.startsWith('/api/documents') ? deadline.transferMs : deadline.defaultMs;
    const timer = setTimeout(() => {
      req.log.warn({ ms }, 'request deadline passed');
      if (res.headersSent) res.destroy();
      else sendHttpError(req, res, 503, 'SERVICE_UNAVAILABLE', 'errors.serviceUnavailable');
    }, ms);
    timer.unref();
    res.on('close', () => clearTimeout(timer));
    next();
  };
}
