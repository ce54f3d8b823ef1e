import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { type ApiLimits } from '../app/api-limits.js';

const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

/** Every environment variable the server reads. The README's configuration table mirrors this. */
const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    HOST: z.string().min(1).default('0.0.0.0'),
    DATA_DIR: z.string().min(1).optional(),
    DATABASE_URL: z
      .string()
      .regex(
        /^(mysql|mariadb):\/\/.+/,
        'must be a mysql:// URL (leave it unset for the embedded SQLite database)',
      )
      .optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    CLIENT_DIST_DIR: z.string().min(1).optional(),
    SEED_DEMO_DATA: booleanFlag.default(true),
    GRAPHQL_INTROSPECTION: booleanFlag.optional(),
    BODY_LIMIT: z
      .string()
      .regex(/^\d+(b|kb|mb)$/i, 'must look like 100kb or 1mb')
      .default('1mb'),
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
    AGENCY_PHONE: z.string().min(1).default('1-800-461-9999'),
    PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
    OIDC_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    DEV_IDENTITY_PROVIDER_PORT: z.coerce.number().int().min(0).max(65535).default(4001),
    COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
    SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(1440).default(20),
    // Seconds, for tests that watch a session end (a browser journey waits seconds, not a minute).
    SESSION_IDLE_SECONDS: z.coerce.number().int().min(1).max(86_400).optional(),
    SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(168).default(12),
    LOCKOUT_THRESHOLD: z.coerce.number().int().min(1).max(100).default(5),
    LOCKOUT_MINUTES: z.coerce.number().int().min(1).max(10_080).default(30),
    ADDRESS_FAILURE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(30),
    ADDRESS_LOOKUP_LIMIT: z.coerce.number().int().min(1).max(100_000).default(60),
    ADDRESS_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
    AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    RELATIONSHIP_EXPIRY_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(1).max(100).default(15),
    GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(0).max(1000).default(30),
    GRAPHQL_MAX_DIRECTIVES: z.coerce.number().int().min(0).max(1000).default(30),
    GRAPHQL_MAX_TOKENS: z.coerce.number().int().min(100).max(1_000_000).default(5000),
    API_QUERY_COST_MAX: z.coerce.number().int().min(1).max(1_000_000).default(5000),
    API_COST_BUCKET_SIZE: z.coerce.number().int().min(1).max(1_000_000).default(10000),
    API_COST_RESTORE_RATE: z.coerce.number().int().min(1).max(1_000_000).default(500),
    TRUSTED_DOCUMENTS: z.enum(['off', 'browser']).default('off'),
    PERSISTED_DOCUMENTS_FILE: z.string().min(1).optional(),
    DOCUMENT_STORAGE: z.enum(['local', 's3']).default('local'),
    S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
    S3_BUCKET: z.string().min(1).optional(),
    S3_REGION: z.string().min(1).default('us-east-1'),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    S3_FORCE_PATH_STYLE: booleanFlag.default(true),
    MAIL_TRANSPORT: z.enum(['file', 'smtp']).default('file'),
    SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
    MAIL_FROM: z.string().min(3).default('Passerelle <no-reply@passerelle.invalid>'),
    MAIL_WORKER: booleanFlag.default(true),
    MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
    MAIL_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
    MAIL_POLL_MS: z.coerce.number().int().min(50).max(3_600_000).default(5_000),
    MAIL_LEASE_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(120_000),
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
  introspection: boolean;
  bodyLimit: string;
  shutdownTimeoutMs: number;
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
}

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
    introspection: env.GRAPHQL_INTROSPECTION ?? !isProduction,
    bodyLimit: env.BODY_LIMIT,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
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
  };
}
