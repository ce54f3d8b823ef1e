import { type NextFunction, type Request, type Response } from 'express';
import { type AppConfig } from '../config/env.js';
import { sendHttpError } from '../common/errors/http-errors.js';
import { type ModuleManifest } from './module-manifest.js';

/** The path prefixes of the modules' routes that carry files (each manifest's `transferPaths`). */
export function transferPathsOf(modules: readonly ModuleManifest[]): string[] {
  return modules.flatMap((module) => module.transferPaths ?? []);
}

/**
 * No request outlives its deadline (REQUEST_TIMEOUT_MS; TRANSFER_TIMEOUT_MS for the routes that carry files,
 * `transferPaths`: document and attachment uploads and downloads, letters' PDFs, export files, whose bodies
 * take time to cross a slow link): past it the caller gets 503 SERVICE_UNAVAILABLE
 * with Retry-After, or, when the answer has started, the connection is cut. What the handler does after that
 * is no longer sent (decision 0021).
 */
export function requestDeadline(deadline: AppConfig['requestDeadline'], transferPaths: readonly string[]) {
  return (req: Request, res: Response, next: NextFunction) => {
    // The live bell's stream is long by nature: it bounds itself (notices-stream.routes.ts).
    if (req.path === '/api/events/stream') return next();
    const ms = transferPaths.some((prefix) => req.path.startsWith(prefix))
      ? deadline.transferMs
      : deadline.defaultMs;
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
