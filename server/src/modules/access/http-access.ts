import { type Request, type Response } from 'express';
import { type DataSource } from 'typeorm';
import { type OwnerContext } from '../../app/context.js';
import { type StandingSource } from '../../common/auth/access-directive.js';
import { AppError } from '../../common/errors/app-error.js';
import { type AppConfig } from '../../config/env.js';
import { sessionOfRequest } from '../sessions/http-session.js';
import { type RequestSession } from '../sessions/request-session.js';
import { csrfTokenMatches, type ActiveSession } from '../sessions/session.service.js';
import { createStandingSource } from './standing-source.js';

// The caller of a REST route that serves a business's data (documents, message attachments, letters' PDFs,
// export downloads), resolved as /graphql resolves it: the session cookie or, where the route takes one, the
// bearer token (sessionOfRequest); accepted terms; the session's X-CSRF-Token on a change (decision 0007); and
// the same standing source as the `@access` directive, so that a route decides with `decideFor` and the owner
// readers of the GraphQL fields (issue 19 item 4). Each route answers a refusal in its own shape.

export interface HttpCaller {
  session: RequestSession;
  active: ActiveSession;
  /** The caller's standing toward businesses (one load per business per request), as `@access` uses it. */
  access: StandingSource;
  /** What the owner readers need: the same readers as the GraphQL fields'. */
  context: OwnerContext;
}

/**
 * Why there is no caller: nobody signed in (or terms not accepted), a bearer token unknown, revoked or expired,
 * or a change without the session's CSRF token.
 */
export type CallerRefusal = 'UNAUTHENTICATED' | 'TOKEN_INVALID' | 'CSRF_TOKEN_INVALID';

export async function httpCaller(
  req: Request,
  res: Response,
  deps: { dataSource: DataSource; config: AppConfig },
  options: { bearer?: boolean; csrf?: boolean } = {},
): Promise<HttpCaller | { refused: CallerRefusal }> {
  const session = sessionOfRequest(req, res, deps, { bearer: Boolean(options.bearer) });
  let active: ActiveSession | null;
  try {
    active = await session.load();
  } catch (error) {
    if (options.bearer && error instanceof AppError) return { refused: 'TOKEN_INVALID' };
    throw error;
  }
  if (!active?.session.termsAcceptedAt) return { refused: 'UNAUTHENTICATED' };
  if (options.csrf && !csrfTokenMatches(active.session, req.get('x-csrf-token')))
    return { refused: 'CSRF_TOKEN_INVALID' };
  const access = createStandingSource(deps.dataSource, session);
  return { session, active, access, context: { dataSource: deps.dataSource, access } };
}
