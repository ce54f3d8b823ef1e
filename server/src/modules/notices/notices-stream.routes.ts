import express, { type Request, type Response, type Router } from 'express';
import { type DataSource } from 'typeorm';
import { type AppConfig } from '../../config/env.js';
import { requestLanguage, sendHttpError, sendUnexpectedError } from '../../common/errors/http-errors.js';
import {
  type BellSignal,
  fanoutOf,
  SharedStateUnavailable,
  type StreamSlots,
} from '../../common/shared/shared-state.js';
import { AppError } from '../../common/errors/app-error.js';
import { readBearerToken } from '../api-tokens/bearer.js';
import { createStandingSource, reachCallerOf } from '../access/standing-source.js';
import { RequestSession } from '../sessions/request-session.js';
import { isSecureRequest, readSessionToken } from '../sessions/session-cookie.js';
import { PersonRole } from '../users/user.types.js';
import { findVisibleNotice, type NoticeCaller, unreadCount } from './notices.service.js';
import { noticeTypeLabels } from './notices.types.js';

// The live bell (docs/notices.md "Live bell", decision 0027): GET /api/events/stream is a server-sent events
// stream of the caller's unread count and new notices. A notice written in any process signals, after its
// commit, the people it reaches (notice-writer.ts) through the fan-out (Redis pub/sub, or this process);
// the stream of such a person then reads the count and the notices through the notices service, with a
// standing source and a session loaded afresh: the same access decisions as the `notices` query, at the time
// of reading. Nothing is pushed that the caller could not query.
//
// Bounded: at most EVENT_STREAMS_PER_PERSON streams per person in the deployment (429 beyond; decision 0040):
// a place among the shared state's stream places (Redis when REDIS_URL is set, else the process), kept at each
// heartbeat and given back on disconnect; a dead process's places free themselves (streamPlaceTtlMs). A comment
// every EVENT_STREAM_HEARTBEAT_MS so that proxies keep it open, and a stream ends itself after STREAM_LIFETIME_MS
// (EventSource reconnects, which loads the session again: a signed-out or expired session stops there).

/** A stream ends itself after this; the browser reconnects at once (the `retry` field). */
export const STREAM_LIFETIME_MS = 10 * 60_000;
/** Signals arriving together are answered by one count. */
const COALESCE_MS = 100;
/** What the browser waits before reconnecting after a stream ended (its own backoff grows on failures). */
const RETRY_MS = 2_000;

/**
 * How long a stream's place is held without being kept: three heartbeats (each heartbeat keeps it), so that a
 * slow Redis answer loses no place, and a process that died frees its places within that.
 */
export function streamPlaceTtlMs(config: AppConfig): number {
  return 3 * config.eventStreams.heartbeatMs;
}

/** The session of a stream's request or of a later check: the cookie (or bearer) it came with. */
function sessionOf(req: Request, deps: { dataSource: DataSource; config: AppConfig }) {
  return new RequestSession({
    dataSource: deps.dataSource,
    config: deps.config,
    // A stream's headers are sent: a later check sets no cookie.
    res: { append: () => undefined },
    token: readSessionToken(req.headers.cookie),
    secure: isSecureRequest(req, deps.config),
    bearerToken: readBearerToken(req.get('authorization')),
  });
}

/** The reader of the notices, as the resolver makes it; null when the session no longer reads notices. */
async function callerOf(session: RequestSession): Promise<NoticeCaller | null> {
  const active = await session.load();
  if (!active?.session.termsAcceptedAt) return null;
  const reach = reachCallerOf(session);
  return reach && { ...reach, officer: active.user.role === PersonRole.OFFICER };
}

export function noticeStreamRoutes(deps: {
  dataSource: DataSource;
  config: AppConfig;
  closing?: AbortSignal;
  /** The stream places, per person across the deployment. */
  slots: StreamSlots;
}): Router {
  const { dataSource, config, slots } = deps;
  const router = express.Router();

  router.get('/api/events/stream', async (req: Request, res: Response) => {
    const opening = sessionOf(req, deps);
    let caller: NoticeCaller | null;
    try {
      caller = await callerOf(opening);
    } catch (error) {
      if (error instanceof AppError) return sendHttpError(req, res, 401, error.code, 'errors.tokenInvalid');
      return sendUnexpectedError(req, res, error);
    }
    if (!caller) return sendHttpError(req, res, 401, 'UNAUTHENTICATED', 'errors.unauthenticated');
    const userId = caller.userId;
    const fanout = fanoutOf(dataSource);
    if (!fanout) return sendHttpError(req, res, 503, 'SERVICE_UNAVAILABLE', 'errors.serviceUnavailable');
    // The stream places are the wall clock's, not the app's (which tests move): they outlive a process.
    let place: string | null;
    try {
      place = await slots.take(userId, config.eventStreams.perPerson, new Date());
    } catch (error) {
      if (error instanceof SharedStateUnavailable)
        return sendHttpError(req, res, 503, 'SERVICE_UNAVAILABLE', 'errors.serviceUnavailable');
      return sendUnexpectedError(req, res, error);
    }
    if (!place) return sendHttpError(req, res, 429, 'THROTTLED', 'errors.tooManyStreams');
    const heldPlace = place;

    const lang = requestLanguage(req);
    let ended = false;
    const send = (event: string, data: unknown) => {
      if (!ended) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    };

    // What the caller may see now: the session again (signed out, revoked or expired ends the stream), the
    // count, and the signalled notices the caller may read (others are not even said to exist).
    let lastCount = -1;
    const refresh = async (noticeIds: string[]) => {
      const session = sessionOf(req, deps);
      const now = await callerOf(session).catch(() => null);
      if (!now || now.userId !== userId) return end();
      const access = createStandingSource(dataSource, session);
      for (const id of noticeIds) {
        const notice = await findVisibleNotice(dataSource, access, now, id);
        if (notice)
          send('notice', {
            id: notice.id,
            type: notice.type,
            typeLabel: noticeTypeLabels[notice.type][lang],
            subject: lang === 'fr' ? notice.subjectFr : notice.subjectEn,
            urgent: notice.urgent,
            linkPath: notice.linkPath,
            displayDate: notice.displayDate,
          });
      }
      const unread = await unreadCount(dataSource, access, now);
      if (unread !== lastCount || noticeIds.length) send('unread', { count: unread });
      lastCount = unread;
    };

    let queued: string[] | null = null;
    let running: Promise<void> = Promise.resolve();
    const onSignal = (signal: BellSignal) => {
      if (queued) {
        queued.push(...signal.noticeIds);
        return;
      }
      queued = [...signal.noticeIds];
      setTimeout(() => {
        const ids = [...new Set(queued)];
        queued = null;
        running = running
          .then(() => refresh(ids))
          .catch((error: unknown) => req.log.warn({ err: error }, 'live bell refresh failed'));
      }, COALESCE_MS).unref();
    };

    const unsubscribe = fanout.subscribe(userId, onSignal);
    const heartbeat = setInterval(() => {
      if (ended) return;
      res.write(': ping\n\n');
      void slots
        .keep(userId, heldPlace, new Date())
        .catch((error: unknown) => req.log.warn({ err: error }, 'live bell could not keep its place'));
    }, config.eventStreams.heartbeatMs);
    heartbeat.unref();
    const lifetime = setTimeout(() => end(), STREAM_LIFETIME_MS);
    lifetime.unref();
    const onClosing = () => end();
    deps.closing?.addEventListener('abort', onClosing);

    function end() {
      if (ended) return;
      ended = true;
      unsubscribe();
      clearInterval(heartbeat);
      clearTimeout(lifetime);
      deps.closing?.removeEventListener('abort', onClosing);
      void slots
        .release(userId, heldPlace)
        .catch((error: unknown) => req.log.warn({ err: error }, 'live bell could not give its place back'));
      res.end();
    }
    res.on('close', end);
    // Gone while its place was being taken: the place is given back at once.
    if (req.socket.destroyed) return end();

    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache, no-transform');
    // nginx would otherwise buffer the stream.
    res.setHeader('X-Accel-Buffering', 'no');
    res.flushHeaders();
    res.write(`retry: ${RETRY_MS}\n\n`);
    try {
      lastCount = await unreadCount(dataSource, createStandingSource(dataSource, opening), caller);
      send('unread', { count: lastCount });
    } catch (error) {
      req.log.warn({ err: error }, 'live bell could not count');
      end();
    }
  });
  return router;
}
