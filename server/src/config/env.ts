import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { type ApiLimits } from '../app/api-limits.js';

const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

/** What the README's configuration table says of a variable (`npm run docs:config` writes the table). */
export interface EnvDoc {
  description: string;
  /** The default as a person reads it, when it is not the schema's own default (computed, or a path). */
  shownDefault?: string;
}

/** Attaches the README's text to a variable's schema, so the table cannot drift from what is parsed. */
function documented<T extends z.ZodType>(schema: T, description: string, shownDefault?: string): T {
  const doc: EnvDoc = shownDefault === undefined ? { description } : { description, shownDefault };
  return schema.meta({ ...doc });
}

/** A variable's schema waiting for its README text: `.doc(description, shownDefault?)` attaches it. */
interface Setting<T extends z.ZodType> {
  doc(description: string, shownDefault?: string): T;
}

function setting<T extends z.ZodType>(schema: T): Setting<T> {
  return { doc: (description, shownDefault) => documented(schema, description, shownDefault) };
}

/** A whole number within bounds (no upper one when `max` is left out), with its default. */
function intSetting(bounds: { min: number; max?: number; default: number }) {
  const int = z.coerce.number().int().min(bounds.min);
  return setting((bounds.max === undefined ? int : int.max(bounds.max)).default(bounds.default));
}

/** `true`/`false` (or `1`/`0`), with its default. */
function flagSetting(fallback: boolean) {
  return setting(booleanFlag.default(fallback));
}

/** One of a few words, with its default. */
function enumSetting<const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) {
  return setting(z.enum(values).default(fallback));
}

/** Any text that is not empty, with its default. */
function textSetting(fallback: string) {
  return setting(z.string().min(1).default(fallback));
}

/** Any text that is not empty; unset by default (the README's `shownDefault` says what that means). */
function optionalTextSetting() {
  return setting(z.string().min(1).optional());
}

/** An http:// or https:// address; unset by default. */
function optionalHttpUrlSetting() {
  return setting(z.url({ protocol: /^https?$/ }).optional());
}

/**
 * Every environment variable the server reads, each with its README text: the README's configuration table
 * is generated from this (`npm run docs:config`; `npm run check:drift` fails when it is stale).
 */
export const envSchema = z
  .object({
    NODE_ENV: enumSetting(['development', 'production', 'test'], 'development').doc(
      '`production` turns off introspection (unless `GRAPHQL_INTROSPECTION=true`), stack traces and schema hints in errors; it also turns off the bundled demo sign-in partner.',
    ),
    PORT: intSetting({ min: 0, max: 65535, default: 4000 }).doc('HTTP port. `0` picks a free one.'),
    HOST: textSetting('0.0.0.0').doc('Interface to listen on.'),
    DATA_DIR: optionalTextSetting().doc(
      'Folder of the embedded SQLite database (`passerelle.sqlite`), the local document storage (`documents/`), uploads being checked (`uploads-tmp/`) and the local mail sink (`mail/`). Relative paths resolve against the working directory.',
      '`./data` (repository root)',
    ),
    DATABASE_URL: documented(
      z
        .string()
        .regex(
          /^(mysql|mariadb):\/\/.+/,
          'must be a mysql:// URL (leave it unset for the embedded SQLite database)',
        )
        .optional(),
      '`mysql://user:password@host:3306/database` switches from the embedded SQLite database to MySQL 8 / MariaDB 10.11+.',
    ),
    LOG_LEVEL: enumSetting(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'info').doc(
      '`fatal`, `error`, `warn`, `info`, `debug`, `trace` or `silent`. Logs are JSON lines on stdout.',
    ),
    CLIENT_DIST_DIR: optionalTextSetting().doc('Folder of the built single-page app.', '`client/dist`'),
    SEED_DEMO_DATA: flagSetting(true).doc(
      'Import the demo reference data when the registry is empty (first start). Outside production it also seeds the demo world (four prepared people; `npm run demo:seed` does the same) and shows the landing page\'s "Try the demo" one-click sign-ins; `false` turns both off.',
    ),
    DEMO_WORLD: flagSetting(true).doc(
      'The demo world and its one-click sign-ins alone (they also need `SEED_DEMO_DATA`): `false` keeps the demo reference data but neither seeds the four prepared people at start nor offers "Try the demo". The browser journeys that do not use the demo start their servers so, sparing each the seeding.',
    ),
    GRAPHQL_INTROSPECTION: documented(
      booleanFlag.optional(),
      '`true` or `false`. Unset: on except in production, where signed-in callers and API tokens still get it; `false` turns it off for them too.',
      'on except in production',
    ),
    BODY_LIMIT: documented(
      z
        .string()
        .regex(/^\d+(b|kb|mb)$/i, 'must look like 100kb or 1mb')
        .default('1mb'),
      'Largest request body accepted on `/graphql` (413 above it).',
    ),
    KEEP_ALIVE_TIMEOUT_MS: intSetting({ min: 1_000, max: 3_600_000, default: 65_000 }).doc(
      'How long an idle connection is kept open between requests (announced as `Keep-Alive: timeout=`). Keep it longer than the idle timeout of whatever reuses connections to the process (a balancer with upstream keep-alive: 60 s on AWS ALB): the client must close first, or a request sent as the process closes the connection is reset, and a POST cannot be retried safely (decision 0063).',
    ),
    SHUTDOWN_TIMEOUT_MS: intSetting({ min: 0, default: 10_000 }).doc(
      'How long SIGTERM waits for in-flight requests before closing connections.',
    ),
    SHUTDOWN_DRAIN_DELAY_MS: documented(
      z.coerce.number().int().min(0).max(60_000).optional(),
      'On SIGTERM, how long the process goes on accepting and answering requests while `/readyz` answers 503, before it closes its listener and drains (`SHUTDOWN_TIMEOUT_MS`): the time for the balancer to stop sending to it (its readiness probe interval times its failure threshold, or the orchestrator removing the endpoint). A connection still queued when the listener closes is reset (Linux). 0 to 60000.',
      '5000 in production, 0 otherwise',
    ),
    DB_CONNECT_TIMEOUT_MS: intSetting({ min: 50, max: 120_000, default: 3_000 }).doc(
      'MySQL: how long opening a connection may take.',
    ),
    DB_ACQUIRE_TIMEOUT_MS: intSetting({ min: 50, max: 120_000, default: 3_000 }).doc(
      'How long a request waits for a free pooled connection (MySQL, 10 of them) or, on SQLite, for the transactions queued before its own, before 503; a write that gave up never runs.',
    ),
    DB_QUERY_TIMEOUT_MS: intSetting({ min: 50, max: 600_000, default: 5_000 }).doc(
      'MySQL: how long one statement may wait for its answer; the connection is then dropped and the request answers 503. Raise it for a large `npm run registry:import` (migrations are not bound by it).',
    ),
    DB_LOCK_TIMEOUT_MS: intSetting({ min: 50, max: 120_000, default: 3_000 }).doc(
      'How long a statement waits for another’s lock: SQLite’s busy timeout, MySQL’s `innodb_lock_wait_timeout` (whole seconds).',
    ),
    REQUEST_TIMEOUT_MS: intSetting({ min: 100, max: 600_000, default: 15_000 }).doc(
      'No request outlives this: past it the caller gets 503 `SERVICE_UNAVAILABLE` with `Retry-After`.',
    ),
    DOCUMENT_SWEEP_GRACE_MINUTES: intSetting({ min: 0, max: 10_080, default: 60 }).doc(
      'Age after which the sweep (at start, then hourly) removes upload temp folders and stored files without a database row: what a crash left. Must be longer than `TRANSFER_TIMEOUT_MS`, or the sweep could remove an upload in progress.',
    ),
    TRANSFER_TIMEOUT_MS: intSetting({ min: 1_000, max: 3_600_000, default: 300_000 }).doc(
      'The deadline of the routes that carry files: document and message attachment uploads and downloads, letters’ PDFs, export files (`/api/documents`, `/api/messaging/attachments`, `/api/exports/:id/download`).',
    ),
    AGENCY_PHONE: textSetting('1-800-461-9999').doc('Agency telephone number shown on the landing page.'),
    PUBLIC_URL: optionalHttpUrlSetting().doc(
      "The portal's address as browsers see it (e.g. `https://portal.example.ca`): the sign-in partner's redirect URI is `<PUBLIC_URL>/auth/partner/callback` ([docs/partner-sign-in.md](docs/partner-sign-in.md)).",
      '`http://localhost:<port>`',
    ),
    OIDC_ISSUER: optionalHttpUrlSetting().doc(
      'The external sign-in partner (OpenID Connect issuer). Unset: outside production, the bundled demo partner; in production, partner sign-in is off.',
    ),
    OIDC_CLIENT_ID: optionalTextSetting().doc(
      "The portal's client id at the sign-in partner (required with `OIDC_ISSUER`).",
    ),
    OIDC_CLIENT_SECRET: optionalTextSetting().doc(
      "The portal's client secret at the sign-in partner (`client_secret_basic`; required with `OIDC_ISSUER`).",
    ),
    DEV_IDENTITY_PROVIDER_PORT: intSetting({ min: 0, max: 65535, default: 4001 }).doc(
      'Port of the bundled demo sign-in partner, started beside the portal outside production when `OIDC_ISSUER` is unset.',
    ),
    COOKIE_SECURE: enumSetting(['auto', 'true', 'false'], 'auto').doc(
      '`Secure` flag of the session cookie: `auto` sets it when the request came over HTTPS (through a proxy on loopback, `X-Forwarded-Proto`) or with `NODE_ENV=production`; `true` or `false` force it.',
    ),
    SESSION_IDLE_MINUTES: intSetting({ min: 1, max: 1440, default: 20 }).doc(
      'A session ends after this long without a request.',
    ),
    SESSION_IDLE_SECONDS: documented(
      z.coerce.number().int().min(1).max(86_400).optional(),
      'The idle timeout in seconds instead of minutes, for tests that watch a session end (a browser journey waits seconds, not a minute). Overrides `SESSION_IDLE_MINUTES` when set.',
    ),
    SESSION_ABSOLUTE_HOURS: intSetting({ min: 1, max: 168, default: 12 }).doc(
      'A session ends this long after sign-in, however active.',
    ),
    LOCKOUT_THRESHOLD: intSetting({ min: 1, max: 100, default: 5 }).doc(
      'Consecutive failures (sign-in, password recovery, current password) that lock a username, existing or not.',
    ),
    LOCKOUT_MINUTES: intSetting({ min: 1, max: 10_080, default: 30 }).doc(
      'How long a locked username stays locked (an officer can unlock it sooner).',
    ),
    ADDRESS_FAILURE_LIMIT: intSetting({ min: 1, max: 100_000, default: 30 }).doc(
      'Failed sign-ins and recoveries one client address may make per window; then THROTTLED.',
    ),
    ADDRESS_LOOKUP_LIMIT: intSetting({ min: 1, max: 100_000, default: 60 }).doc(
      'Username lookups (availability, recovery question, taken usernames at registration) per address per window.',
    ),
    ADDRESS_WINDOW_MINUTES: intSetting({ min: 1, max: 1440, default: 15 }).doc(
      'The window of the two address limits.',
    ),
    AUTH_SECRET: documented(
      z.string().min(32, 'must be at least 32 characters').optional(),
      'At least 32 characters: the key of the username HMACs (throttling keys, the recovery question shown for unknown usernames). Unset: a random secret kept in the database.',
    ),
    RELATIONSHIP_EXPIRY_DAYS: intSetting({ min: 1, max: 365, default: 30 }).doc(
      "Days a business relationship request waits for the client's answer before it expires (see [docs/relationships.md](docs/relationships.md)).",
    ),
    GRAPHQL_MAX_DEPTH: intSetting({ min: 1, max: 100, default: 15 }).doc(
      'Deepest selection accepted on `/graphql` (fragments included); deeper is HTTP 400 `QUERY_TOO_DEEP` ([docs/api.md](docs/api.md)).',
    ),
    GRAPHQL_MAX_ALIASES: intSetting({ min: 0, max: 1000, default: 30 }).doc(
      'Aliases accepted in one document.',
    ),
    GRAPHQL_MAX_DIRECTIVES: intSetting({ min: 0, max: 1000, default: 30 }).doc(
      'Directives accepted in one document.',
    ),
    GRAPHQL_MAX_TOKENS: intSetting({ min: 100, max: 1_000_000, default: 5000 }).doc(
      'Lexical tokens accepted in one document (a syntax error, HTTP 400, above it).',
    ),
    API_QUERY_COST_MAX: intSetting({ min: 1, max: 1_000_000, default: 5000 }).doc(
      'Highest cost of a single query (`QUERY_TOO_COSTLY` above it).',
    ),
    API_COST_BUCKET_SIZE: intSetting({ min: 1, max: 1_000_000, default: 10000 }).doc(
      'Cost budget of each caller (token, browser session, or address), reported in `extensions.cost`.',
    ),
    API_COST_RESTORE_RATE: intSetting({ min: 1, max: 1_000_000, default: 1500 }).doc(
      'Points per second the budget refills; a spent budget is HTTP 429 `THROTTLED`.',
    ),
    TRUSTED_DOCUMENTS: enumSetting(['off', 'browser'], 'off').doc(
      "`browser`: browser sessions and anonymous callers may send only the app's persisted operations; API tokens send any query.",
    ),
    PERSISTED_DOCUMENTS_FILE: optionalTextSetting().doc(
      "The app's operations `TRUSTED_DOCUMENTS=browser` accepts (default `client/src/generated/persisted-documents.json`).",
      "codegen's manifest",
    ),
    DOCUMENT_STORAGE: enumSetting(['local', 's3'], 'local').doc(
      'Where uploaded documents are kept: `local` (`DATA_DIR/documents`) or `s3` (an S3-compatible bucket). Uploads wait in `DATA_DIR/uploads-tmp` while checked.',
    ),
    S3_ENDPOINT: optionalHttpUrlSetting().doc(
      'With `DOCUMENT_STORAGE=s3`: the S3-compatible server, e.g. `https://s3.ca-central-1.amazonaws.com`.',
      'AWS for `S3_REGION`',
    ),
    S3_BUCKET: optionalTextSetting().doc('With `DOCUMENT_STORAGE=s3` (required): the bucket.'),
    S3_REGION: textSetting('us-east-1').doc('With `DOCUMENT_STORAGE=s3`: the signing region.'),
    S3_ACCESS_KEY_ID: optionalTextSetting().doc('With `DOCUMENT_STORAGE=s3` (required).'),
    S3_SECRET_ACCESS_KEY: optionalTextSetting().doc('With `DOCUMENT_STORAGE=s3` (required).'),
    S3_FORCE_PATH_STYLE: flagSetting(true).doc(
      'Path-style URLs (`endpoint/bucket/key`), as most S3-compatible servers want; `false` for `bucket.endpoint/key`.',
    ),
    MAIL_TRANSPORT: enumSetting(['file', 'smtp'], 'file').doc(
      'Where notice emails go: `file` writes `.eml` files under `DATA_DIR/mail` (no mail server needed), `smtp` sends through `SMTP_URL` ([docs/notices.md](docs/notices.md)).',
    ),
    SMTP_URL: documented(
      z.url({ protocol: /^smtps?$/ }).optional(),
      '`smtp://user:pass@host:587` or `smtps://...`; required with `MAIL_TRANSPORT=smtp`.',
    ),
    MAIL_FROM: documented(
      z.string().min(3).default('Passerelle <no-reply@passerelle.invalid>'),
      'The From address of notice emails.',
    ),
    MAIL_WORKER: flagSetting(true).doc(
      'Whether this process runs the email outbox worker (several may; leases keep them apart).',
    ),
    MAIL_MAX_ATTEMPTS: intSetting({ min: 1, max: 100, default: 8 }).doc(
      'Failures after which an email becomes a dead letter, shown to officers.',
    ),
    MAIL_RETRY_BASE_MS: intSetting({ min: 10, max: 3_600_000, default: 30_000 }).doc(
      'First retry delay; doubled on each further failure (at most one hour).',
    ),
    MAIL_POLL_MS: intSetting({ min: 50, max: 3_600_000, default: 5_000 }).doc(
      'How often the worker looks for due emails.',
    ),
    DB_MIGRATIONS: enumSetting(['run', 'check', 'only'], 'run').doc(
      '`run`: each start applies pending migrations (one process); `only`: apply them and exit (a deploy step, once); `check`: refuse to start while some are pending (app replicas of a rolling deploy, [docs/operations.md](docs/operations.md#scaling-out)).',
    ),
    TRUST_PROXY: textSetting('loopback').doc(
      "Which proxies' `X-Forwarded-For` gives the caller's address (per-address limits): Express's `trust proxy` (e.g. `loopback, uniquelocal` behind a balancer on a private network).",
    ),
    REDIS_URL: documented(
      z
        .string()
        .regex(/^rediss?:\/\/.+/, 'must be a redis:// or rediss:// URL (leave it unset for one process)')
        .optional(),
      '`redis://host:6379/0` shares the cost budgets and the live bell between the app processes of a deployment ([docs/operations.md](docs/operations.md#scaling-out)); unset, they live in the process (the embedded default: one process).',
    ),
    REDIS_KEY_PREFIX: documented(
      z.string().min(1).max(100).default('passerelle:'),
      'Prefix of every Redis key and channel, so that several deployments (or test runs) can share one Redis.',
    ),
    REDIS_CONNECT_TIMEOUT_MS: intSetting({ min: 50, max: 60_000, default: 2_000 }).doc(
      'Longest wait to connect to Redis; a request that needs it meanwhile gets 503 `SERVICE_UNAVAILABLE`.',
    ),
    REDIS_COMMAND_TIMEOUT_MS: intSetting({ min: 50, max: 60_000, default: 1_000 }).doc(
      'Longest wait for one Redis command (a cost take, a publish); past it the request gets 503 `SERVICE_UNAVAILABLE`.',
    ),
    JOB_LEASE_MS: intSetting({ min: 1_000, max: 24 * 3_600_000, default: 5 * 60_000 }).doc(
      "How long a scheduled job's run belongs to the process that took it; a process that dies mid-run leaves it to another after this.",
    ),
    JOB_POLL_MS: intSetting({ min: 100, max: 3_600_000, default: 30_000 }).doc(
      'How often each process looks for a due scheduled job (relationship expiry, session purge); each due run is taken by one process.',
    ),
    EVENT_STREAMS_PER_PERSON: intSetting({ min: 1, max: 100, default: 5 }).doc(
      'Open live-bell streams (`GET /api/events/stream`) a person may hold across the deployment (counted on Redis when `REDIS_URL` is set, else per process); one more is HTTP 429 `THROTTLED`.',
    ),
    EVENT_STREAM_HEARTBEAT_MS: intSetting({ min: 1_000, max: 300_000, default: 25_000 }).doc(
      'How often an open live-bell stream sends a comment, so that proxies do not close it as idle.',
    ),
    MAIL_LEASE_MS: intSetting({ min: 1_000, max: 3_600_000, default: 120_000 }).doc(
      "How long a claimed email is one worker's; longer than an SMTP send can take.",
    ),
    WEBHOOK_WORKER: flagSetting(true).doc(
      'Whether this process takes part in sending webhook deliveries (a scheduled job: one process runs each round; [docs/api.md](docs/api.md)).',
    ),
    WEBHOOK_SECRET_KEY: documented(
      z.string().min(32, 'must be at least 32 characters').optional(),
      "At least 32 characters: the key that encrypts webhook endpoints' signing secrets in the database. Unset: derived from the server's identity secret (`AUTH_SECRET`, else the random one in the database).",
    ),
    WEBHOOK_ALLOW_LOCAL_TARGETS: documented(
      booleanFlag.optional(),
      'Whether webhook endpoints may use `http://` and loopback or private addresses (local trials, tests). Otherwise only `https://` to public addresses.',
      '`true` with `NODE_ENV=development`, else `false`',
    ),
    WEBHOOK_TIMEOUT_MS: intSetting({ min: 100, max: 60_000, default: 10_000 }).doc(
      'How long one webhook request may take, connection to the end of the answer (whose first 64 KiB only are read).',
    ),
    WEBHOOK_MAX_ATTEMPTS: intSetting({ min: 1, max: 100, default: 13 }).doc(
      'Attempts after which a webhook delivery is a dead letter (13 with the default backoff: about a day).',
    ),
    WEBHOOK_RETRY_BASE_MS: intSetting({ min: 10, max: 3_600_000, default: 30_000 }).doc(
      'First webhook retry delay; doubled on each further failure (at most 8 hours).',
    ),
    WEBHOOK_POLL_MS: intSetting({ min: 20, max: 3_600_000, default: 2_000 }).doc(
      'How often the webhook delivery job runs (one process per run, under the job lease).',
    ),
    WEBHOOK_LEASE_MS: intSetting({ min: 500, max: 3_600_000, default: 60_000 }).doc(
      "How long a claimed delivery is one worker's; longer than `WEBHOOK_TIMEOUT_MS`.",
    ),
    WEBHOOK_DISABLE_AFTER_HOURS: intSetting({ min: 1, max: 720, default: 72 }).doc(
      'An endpoint whose deliveries have failed for this long without a success is disabled, and its business account managers get a notice.',
    ),
  })
  .superRefine((env, ctx) => {
    if (env.DOCUMENT_STORAGE === 's3') {
      for (const name of ['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const)
        if (!env[name])
          ctx.addIssue({
            code: 'custom',
            path: [name],
            message: `${name} is required with DOCUMENT_STORAGE=s3`,
          });
    }
    if (env.OIDC_ISSUER && (!env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET)) {
      ctx.addIssue({
        code: 'custom',
        path: ['OIDC_CLIENT_ID'],
        message: 'OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are required with OIDC_ISSUER',
      });
    }
    if (env.MAIL_TRANSPORT === 'smtp' && !env.SMTP_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['SMTP_URL'],
        message: 'SMTP_URL is required with MAIL_TRANSPORT=smtp',
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

export interface RedisConfig {
  url: string;
  keyPrefix: string;
  connectTimeoutMs: number;
  commandTimeoutMs: number;
}

export interface AppConfig {
  env: Env['NODE_ENV'];
  isProduction: boolean;
  port: number;
  host: string;
  dataDir: string;
  database: { type: 'sqlite'; file: string } | { type: 'mysql'; url: string };
  logLevel: Env['LOG_LEVEL'];
  clientDistDir: string;
  seedDemoData: boolean;
  /** The demo world and its one-click sign-ins: SEED_DEMO_DATA and DEMO_WORLD, never in production (decision 0037). */
  demo: boolean;
  introspection: boolean;
  bodyLimit: string;
  /** How long an idle kept-alive connection stays open (longer than a balancer's idle timeout, decision 0063). */
  keepAliveTimeoutMs: number;
  shutdownTimeoutMs: number;
  /** On SIGTERM, how long /readyz answers 503 while requests are still accepted, before the listener closes. */
  shutdownDrainDelayMs: number;
  /** Bounded waits on the database (docs/operations.md, decision 0021). */
  databaseTimeouts: DatabaseTimeouts;
  /** How long a request may take before it is answered 503 (`transferMs` for document uploads and downloads). */
  requestDeadline: { defaultMs: number; transferMs: number };
  agencyPhone: string;
  version: string;
  /** The portal's address as browsers see it; undefined means http://localhost:<bound port>. */
  publicUrl: string | undefined;
  /**
   * The sign-in partner: an external OpenID Connect issuer, or (outside production, when none is set) the
   * bundled demo identity provider started beside the portal on `devIdentityProviderPort`.
   */
  partner:
    | { kind: 'external'; issuer: string; clientId: string; clientSecret: string }
    | { kind: 'bundled'; port: number }
    | { kind: 'none' };
  /** The clock every time-dependent rule reads (sessions, lockouts); tests replace it to move time. */
  now: () => Date;
  identity: IdentityConfig;
  /** Days a business relationship request stays PENDING before it expires (docs/relationships.md). */
  relationshipExpiryDays: number;
  /**
   * Introspection for signed-in callers and API tokens (`introspection` is for everyone): on unless
   * GRAPHQL_INTROSPECTION=false, so that production answers the schema to authenticated callers only.
   */
  introspectionAuthenticated: boolean;
  /** Abuse limits and cost budgets of /graphql (docs/api.md). */
  apiLimits: ApiLimits;
  /** Where uploaded documents are kept (docs/decisions/0012-documents-storage.md). */
  documents: DocumentsConfig;
  /** Notice emails (docs/notices.md). */
  mail: MailConfig;
  /** Whether a start applies pending migrations, only checks them, or only applies them and exits. */
  migrations: 'run' | 'check' | 'only';
  /** Express's `trust proxy`: whose X-Forwarded-For names the caller. */
  trustProxy: string;
  /** Shared state between processes: Redis when set, the process's memory when null. */
  redis: RedisConfig | null;
  /** The scheduled jobs' lease (server/src/common/workers/job-runner.ts). */
  jobLeaseMs: number;
  jobPollMs: number;
  /** The live bell (GET /api/events/stream). */
  eventStreams: { perPerson: number; heartbeatMs: number };
  /** Webhook deliveries (decision 0028). */
  webhooks: WebhooksConfig;
}

/** The webhook delivery outbox's worker and sender (decision 0028). */
export interface WebhooksConfig {
  worker: boolean;
  /** Encrypts endpoints' secrets; undefined: derived from the identity secret. */
  secretKey: string | undefined;
  /** http:// and loopback/private targets allowed (development, tests). */
  allowLocalTargets: boolean;
  timeoutMs: number;
  maxAttempts: number;
  retryBaseMs: number;
  pollMs: number;
  leaseMs: number;
  disableAfterMs: number;
}

/** How long any wait on the database may last, in milliseconds. */
export interface DatabaseTimeouts {
  /** Opening a connection (MySQL). */
  connectMs: number;
  /** Taking a connection from the pool when all are busy (MySQL); a transaction's turn in the queue (SQLite). */
  acquireMs: number;
  /** One statement, measured on the client: a database that stops answering cannot hold a request longer. */
  queryMs: number;
  /** Waiting for another transaction's lock: SQLite's busy timeout, InnoDB's lock wait (whole seconds). */
  lockMs: number;
}

/** The timeouts when nothing is configured (tools and tests that open a database without a config). */
export const DEFAULT_DATABASE_TIMEOUTS: DatabaseTimeouts = {
  connectMs: 3_000,
  acquireMs: 3_000,
  queryMs: 5_000,
  lockMs: 3_000,
};

/** The document storage: a folder under DATA_DIR, or an S3-compatible bucket. */
export interface DocumentsConfig {
  storage:
    | { kind: 'local'; dir: string }
    | {
        kind: 's3';
        endpoint: string;
        bucket: string;
        region: string;
        accessKeyId: string;
        secretAccessKey: string;
        forcePathStyle: boolean;
      };
  /** Where an upload's files wait, on local disk, until every file of it passed the checks. */
  tempDir: string;
  /**
   * How old a temp folder or a stored file without a row must be before the sweep removes it: longer than
   * any upload in progress can take (TRANSFER_TIMEOUT_MS), so that only a crash's leftovers go.
   */
  sweepGraceMs: number;
}

/** The notice emails' outbox worker and where it sends. */
export interface MailConfig {
  /** `file`: .eml files under `fileDir` (no mail server needed); `smtp`: through `smtpUrl`. */
  transport: 'file' | 'smtp';
  smtpUrl: string | undefined;
  fileDir: string;
  from: string;
  /** Whether this process runs the outbox worker. */
  worker: boolean;
  /** Failures after which a message is a dead letter. */
  maxAttempts: number;
  /** The first retry's delay; each further one doubles it (capped at one hour). */
  retryBaseMs: number;
  pollMs: number;
  /** How long a claimed message is the worker's own; longer than one send can take (SMTP timeouts). */
  leaseMs: number;
}

/** Sessions, lockout and throttling (docs/identity.md). Durations in milliseconds. */
export interface IdentityConfig {
  /** `auto`: Secure when the request came over HTTPS or NODE_ENV=production. */
  cookieSecure: 'auto' | boolean;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  /** Consecutive failures (sign-in, password recovery, current password) that lock a username. */
  lockoutThreshold: number;
  lockoutMs: number;
  /** Failed sign-ins and recoveries one client address may make per window. */
  addressFailureLimit: number;
  /** Username lookups (availability, recovery challenge, taken usernames at registration) per address per window. */
  addressLookupLimit: number;
  addressWindowMs: number;
  /** Keys the HMACs of usernames; when unset, a random secret kept in the database is used. */
  secret: string | undefined;
}

const MINUTE = 60_000;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

// server/src/config (or server/dist/config once built) -> server/
const serverRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const repoRoot = path.resolve(serverRoot, '..');
const { version } = JSON.parse(readFileSync(path.join(serverRoot, 'package.json'), 'utf8')) as {
  version: string;
};

/** Parses the environment once at start; throws ConfigError listing every bad or missing value. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): AppConfig {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
    );
  }
  const env = parsed.data;
  const dataDir = env.DATA_DIR ? path.resolve(cwd, env.DATA_DIR) : path.join(repoRoot, 'data');
  const isProduction = env.NODE_ENV === 'production';
  return {
    env: env.NODE_ENV,
    isProduction,
    port: env.PORT,
    host: env.HOST,
    dataDir,
    database: env.DATABASE_URL
      ? { type: 'mysql', url: env.DATABASE_URL }
      : { type: 'sqlite', file: path.join(dataDir, 'passerelle.sqlite') },
    logLevel: env.LOG_LEVEL,
    clientDistDir: env.CLIENT_DIST_DIR
      ? path.resolve(cwd, env.CLIENT_DIST_DIR)
      : path.join(repoRoot, 'client', 'dist'),
    seedDemoData: env.SEED_DEMO_DATA,
    demo: env.SEED_DEMO_DATA && env.DEMO_WORLD && !isProduction,
    introspection: env.GRAPHQL_INTROSPECTION ?? !isProduction,
    bodyLimit: env.BODY_LIMIT,
    keepAliveTimeoutMs: env.KEEP_ALIVE_TIMEOUT_MS,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    // 0 outside production: tests and a developer's Ctrl-C stop at once, with no balancer to wait for.
    shutdownDrainDelayMs: env.SHUTDOWN_DRAIN_DELAY_MS ?? (isProduction ? 5_000 : 0),
    databaseTimeouts: {
      connectMs: env.DB_CONNECT_TIMEOUT_MS,
      acquireMs: env.DB_ACQUIRE_TIMEOUT_MS,
      queryMs: env.DB_QUERY_TIMEOUT_MS,
      lockMs: env.DB_LOCK_TIMEOUT_MS,
    },
    requestDeadline: { defaultMs: env.REQUEST_TIMEOUT_MS, transferMs: env.TRANSFER_TIMEOUT_MS },
    agencyPhone: env.AGENCY_PHONE,
    version,
    publicUrl: env.PUBLIC_URL?.replace(/\/$/, ''),
    partner: env.OIDC_ISSUER
      ? {
          kind: 'external',
          issuer: env.OIDC_ISSUER,
          clientId: env.OIDC_CLIENT_ID!,
          clientSecret: env.OIDC_CLIENT_SECRET!,
        }
      : isProduction
        ? { kind: 'none' }
        : { kind: 'bundled', port: env.DEV_IDENTITY_PROVIDER_PORT },
    now: () => new Date(),
    identity: {
      cookieSecure: env.COOKIE_SECURE === 'auto' ? 'auto' : env.COOKIE_SECURE === 'true',
      sessionIdleMs:
        env.SESSION_IDLE_SECONDS !== undefined
          ? env.SESSION_IDLE_SECONDS * 1000
          : env.SESSION_IDLE_MINUTES * MINUTE,
      sessionAbsoluteMs: env.SESSION_ABSOLUTE_HOURS * 60 * MINUTE,
      lockoutThreshold: env.LOCKOUT_THRESHOLD,
      lockoutMs: env.LOCKOUT_MINUTES * MINUTE,
      addressFailureLimit: env.ADDRESS_FAILURE_LIMIT,
      addressLookupLimit: env.ADDRESS_LOOKUP_LIMIT,
      addressWindowMs: env.ADDRESS_WINDOW_MINUTES * MINUTE,
      secret: env.AUTH_SECRET,
    },
    relationshipExpiryDays: env.RELATIONSHIP_EXPIRY_DAYS,
    introspectionAuthenticated: env.GRAPHQL_INTROSPECTION ?? true,
    apiLimits: {
      maxDepth: env.GRAPHQL_MAX_DEPTH,
      maxAliases: env.GRAPHQL_MAX_ALIASES,
      maxDirectives: env.GRAPHQL_MAX_DIRECTIVES,
      maxTokens: env.GRAPHQL_MAX_TOKENS,
      maxQueryCost: env.API_QUERY_COST_MAX,
      costBucketSize: env.API_COST_BUCKET_SIZE,
      costRestoreRate: env.API_COST_RESTORE_RATE,
      trustedDocuments: env.TRUSTED_DOCUMENTS,
      persistedDocumentsFile: env.PERSISTED_DOCUMENTS_FILE
        ? path.resolve(cwd, env.PERSISTED_DOCUMENTS_FILE)
        : path.join(repoRoot, 'client', 'src', 'generated', 'persisted-documents.json'),
    },
    documents: {
      storage:
        env.DOCUMENT_STORAGE === 's3'
          ? {
              kind: 's3',
              endpoint: (env.S3_ENDPOINT ?? `https://s3.${env.S3_REGION}.amazonaws.com`).replace(/\/$/, ''),
              bucket: env.S3_BUCKET!,
              region: env.S3_REGION,
              accessKeyId: env.S3_ACCESS_KEY_ID!,
              secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
              forcePathStyle: env.S3_FORCE_PATH_STYLE,
            }
          : { kind: 'local', dir: path.join(dataDir, 'documents') },
      tempDir: path.join(dataDir, 'uploads-tmp'),
      sweepGraceMs: env.DOCUMENT_SWEEP_GRACE_MINUTES * MINUTE,
    },
    mail: {
      transport: env.MAIL_TRANSPORT,
      smtpUrl: env.SMTP_URL,
      fileDir: path.join(dataDir, 'mail'),
      from: env.MAIL_FROM,
      worker: env.MAIL_WORKER,
      maxAttempts: env.MAIL_MAX_ATTEMPTS,
      retryBaseMs: env.MAIL_RETRY_BASE_MS,
      pollMs: env.MAIL_POLL_MS,
      leaseMs: env.MAIL_LEASE_MS,
    },
    redis: env.REDIS_URL
      ? {
          url: env.REDIS_URL,
          keyPrefix: env.REDIS_KEY_PREFIX,
          connectTimeoutMs: env.REDIS_CONNECT_TIMEOUT_MS,
          commandTimeoutMs: env.REDIS_COMMAND_TIMEOUT_MS,
        }
      : null,
    jobLeaseMs: env.JOB_LEASE_MS,
    jobPollMs: env.JOB_POLL_MS,
    trustProxy: env.TRUST_PROXY,
    migrations: env.DB_MIGRATIONS,
    eventStreams: {
      perPerson: env.EVENT_STREAMS_PER_PERSON,
      heartbeatMs: env.EVENT_STREAM_HEARTBEAT_MS,
    },
    webhooks: {
      worker: env.WEBHOOK_WORKER,
      secretKey: env.WEBHOOK_SECRET_KEY,
      allowLocalTargets: env.WEBHOOK_ALLOW_LOCAL_TARGETS ?? env.NODE_ENV === 'development',
      timeoutMs: env.WEBHOOK_TIMEOUT_MS,
      maxAttempts: env.WEBHOOK_MAX_ATTEMPTS,
      retryBaseMs: env.WEBHOOK_RETRY_BASE_MS,
      pollMs: env.WEBHOOK_POLL_MS,
      leaseMs: env.WEBHOOK_LEASE_MS,
      disableAfterMs: env.WEBHOOK_DISABLE_AFTER_HOURS * 3_600_000,
    },
  };
}
