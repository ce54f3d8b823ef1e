import http from 'node:http';
import { type AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { type GraphQLSchema } from 'graphql';
import { type DataSource } from 'typeorm';
import { type AppConfig } from '../config/env.js';
import { languageFromHeader } from '../common/i18n/language.js';
import { type Logger } from '../common/logger.js';
import { isDatabaseReachable } from '../database/data-source.js';
import { RETRY_AFTER_SECONDS } from '../common/database/availability.js';
import { createContext, type AppContext } from './context.js';
import { errorHandlingPlugin, formatError } from './error-handling.js';
import { requestLogging } from './request-context.js';
import { requestDeadline, transferPathsOf } from './request-deadline.js';
import { sendHttpError, sendUnexpectedError } from '../common/errors/http-errors.js';
import { sessionOfRequest } from '../modules/sessions/http-session.js';
import { sessionPlugin } from './session-plugin.js';
import { freeTextGuardPlugin } from './free-text-guard.js';
import { apiLimitsPlugin, validationRules } from './api-limits.js';
import { drainer } from './server-drain.js';
import { graphqlHandler } from './graphql-http.js';
import { bindFanout, memorySharedState, type SharedState } from '../common/shared/shared-state.js';
import { idempotencyPlugin } from './idempotency-plugin.js';
import { staticClient } from './static-client.js';
import { appModules } from './modules.js';

export interface HttpAppDeps {
  config: AppConfig;
  dataSource: DataSource;
  log: Logger;
  schema: GraphQLSchema;
  /** Plain HTTP routes beyond the manifests' (e.g. the sign-in partner redirects), mounted before the SPA. */
  routes?: Router[];
  /** What the processes share (Redis, or this process's memory when omitted): cost budgets, the bell's fan-out. */
  shared?: SharedState;
}

export interface HttpApp {
  server: http.Server;
  /** Resolves with the bound port once listening. */
  listen(port?: number, host?: string): Promise<number>;
  /** Stops accepting, lets in-flight requests finish (up to the shutdown timeout), then stops Apollo. */
  close(): Promise<void>;
}

// Conservative headers for every response; a stricter per-page policy can come with the sign-in work.
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  // GC Design System web components inject their own style elements.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

function securityHeaders(_req: Request, res: Response, next: NextFunction) {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
  res.setHeader('Content-Security-Policy', contentSecurityPolicy);
  next();
}

/** Builds the one HTTP process: /graphql, /healthz, /readyz and the built SPA. */
export async function createHttpApp({
  config,
  dataSource,
  log,
  schema,
  routes = [],
  shared = memorySharedState(),
}: HttpAppDeps): Promise<HttpApp> {
  const app = express();
  app.disable('x-powered-by');
  // The balancer's address is not the caller's: X-Forwarded-For is read from the proxies TRUST_PROXY names.
  app.set('trust proxy', config.trustProxy);
  // Notices written in a transaction reach the live bells of every process through this (notice-writer.ts).
  bindFanout(dataSource, shared.fanout);
  const server = http.createServer(app);
  // Node's 5 s would close a connection a balancer (or any client that keeps connections longer) is about to
  // reuse: the request it sends then is reset unread (decision 0063). Headers and request timeouts are Node's.
  server.keepAliveTimeout = config.keepAliveTimeoutMs;
  // Stops without cutting a request a balancer has sent (server-drain.ts).
  const drain = drainer(server);

  const apollo = new ApolloServer<AppContext>({
    schema,
    // Anonymous introspection is refused by the limits plugin where config.introspection is off (production).
    introspection: config.introspection || config.introspectionAuthenticated,
    validationRules: validationRules(config.apiLimits),
    // graphql-js's own token limit: too many tokens is a syntax error (HTTP 400), not a 500 as with armor.
    parseOptions: { maxTokens: config.apiLimits.maxTokens },
    // One operation per request (explicit: Apollo's default): a batch would multiply every limit.
    allowBatchedHttpRequests: false,
    // main.ts owns signal handling: Apollo's own handler would re-raise the signal before the pool closes.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: !config.isProduction,
    hideSchemaDetailsFromClientErrors: config.isProduction,
    formatError,
    plugins: [
      // Cache hints are not used and the plugin costs list throughput.
      ApolloServerPluginCacheControlDisabled(),
      errorHandlingPlugin(),
      freeTextGuardPlugin(),
      sessionPlugin(),
      apiLimitsPlugin(
        config,
        config.apiLimits,
        shared.costBuckets(config.apiLimits.costBucketSize, config.apiLimits.costRestoreRate),
      ),
      // Idempotency-Key on mutations (decision 0029); a request the other plugins refuse gives its key back.
      idempotencyPlugin(),
    ],
  });
  await apollo.start();

  app.use(requestLogging(log));
  app.use(securityHeaders);
  app.use(requestDeadline(config.requestDeadline, transferPathsOf(appModules)));

  // Set by close(): /readyz answers 503 from then on.
  let stopping = false;
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  // Answers within a second: 503 once the process is stopping (close(): the balancer stops sending here while
  // the process still answers), and while the database does not answer a probe in time.
  app.get('/readyz', async (_req, res) => {
    if (stopping) {
      res.status(503).json({ status: 'stopping' });
      return;
    }
    const [database, redis] = await Promise.all([isDatabaseReachable(dataSource), shared.ping(800)]);
    const ready = database && redis;
    if (!ready) res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    res.status(ready ? 200 : 503).json({
      status: ready ? 'ready' : 'unavailable',
      database,
      ...(shared.kind === 'redis' && { redis }),
    });
  });

  app.use(
    '/graphql',
    express.json({ limit: config.bodyLimit }),
    // No database access in the context: the session plugin loads the session, where a failure is masked and
    // logged.
    graphqlHandler(apollo, ({ req, res }) =>
      Promise.resolve(
        createContext({
          requestId: req.id,
          lang: languageFromHeader(req.get('accept-language')),
          log: req.log,
          config,
          dataSource,
          client: { ipAddress: req.ip ?? null, userAgent: req.get('user-agent') ?? null },
          session: sessionOfRequest(req, res, { dataSource, config }, { bearer: true }),
        }),
      ),
    ),
  );

  // The modules' own routes (document upload and download), then the ones main.ts adds (the sign-in partner).
  const closing = new AbortController();
  for (const module of appModules)
    for (const router of module.routes?.({ config, dataSource, closing: closing.signal, shared }) ?? [])
      app.use(router);
  for (const router of routes) app.use(router);
  app.use(staticClient(config.clientDistDir));

  // Body-parser errors (too large, malformed JSON) and anything else thrown outside GraphQL.
  // A response already under way (the deadline answered, or a stream broke) can only be cut.
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const status = (error as { status?: number }).status;
    if (status && status >= 400 && status < 500 && !res.headersSent) {
      if (status === 413) sendHttpError(req, res, 413, 'PAYLOAD_TOO_LARGE', 'errors.payloadTooLarge');
      else sendHttpError(req, res, status, 'BAD_REQUEST', 'errors.badRequest');
      return;
    }
    if (!res.headersSent) req.log.error({ err: error }, 'unhandled HTTP error');
    sendUnexpectedError(req, res, error);
  });

  return {
    server,
    listen(port = config.port, host = config.host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
      });
    },
    async close() {
      // Not ready at once, still listening and answering for SHUTDOWN_DRAIN_DELAY_MS: a balancer that probes
      // /readyz (or an orchestrator removing the endpoint) stops sending here before the listener closes, when
      // a connection still in the kernel's accept queue would be reset unread (docs/operations.md).
      stopping = true;
      if (config.shutdownDrainDelayMs > 0)
        await new Promise((resolve) => setTimeout(resolve, config.shutdownDrainDelayMs));
      // Event streams end first (the browser reconnects, through the balancer, to another process).
      closing.abort();
      // Stops accepting, lets requests already sent arrive and finish, closes idle keep-alive sockets.
      await drain.stop(config.shutdownTimeoutMs);
      await apollo.stop();
    },
  };
}
