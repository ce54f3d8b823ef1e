import { createHash, randomBytes } from 'node:crypto';
import { type DataSource, type EntityManager } from 'typeorm';
import { type AppConfig } from '../../config/env.js';
import { inTransaction } from '../../common/database/transactions.js';
import { hydrate, queryNamed } from '../../common/database/named-sql.js';
import { timeOrderedId } from '../../common/database/time-ordered-id.js';
import { type Problem } from '../../common/errors/problems.js';
import { isMessageKey, type MessageKey, type MessageParams } from '../../common/i18n/messages.js';
import { agencyDay } from '../../common/time/agency-date.js';
import {
  type AuditDetails,
  recordBusinessAudit,
  type BusinessAuditType,
} from '../businesses/business-audit.service.js';
import { activeMemberRole, businessRef, type BusinessRef } from '../businesses/business-directory.service.js';
import { BusinessRole, MembershipStatus } from '../businesses/businesses.types.js';
import { liveGroupIdsOf } from '../client-groups/client-groups.service.js';
import {
  findUserById,
  type User,
  userColumns as personColumns,
  userFromRow,
} from '../users/users.service.js';
import { PersonRole } from '../users/user.types.js';
import { ApiToken, ApiTokenClientGroup } from './api-tokens.entities.js';
import { characterCount } from '../../common/rules/text-rules.js';
import { isAgencyOfficer, mayManageBusiness } from '../../common/auth/role-policy.js';

/** What a token lets its system do: READ refuses every mutation (FORBIDDEN, reason TOKEN_READ_ONLY). */
export enum ApiTokenScope {
  READ = 'READ',
  READ_WRITE = 'READ_WRITE',
}

export const TOKEN_PREFIX = 'psl_';
export const TOKEN_NAME_MAX_LENGTH = 100;
export const TOKEN_EXPIRY_DAYS_MAX = 365;
export const TOKEN_CLIENT_GROUPS_MAX = 20;
/** Live (not revoked, not expired) tokens a business may hold at once. */
export const TOKENS_PER_BUSINESS_MAX = 25;
/** last_used_at is written at most this often per token: not one write per request. */
const TOUCH_INTERVAL_MS = 60_000;
const DAY_MS = 86_400_000;

// Audit types of this module (business_audit_event.event_type is a plain varchar).
export const ApiTokenAuditType = {
  CREATED: 'API_TOKEN_CREATED',
  REVOKED: 'API_TOKEN_REVOKED',
  /** The first request of a token on an agency day: one row per token per day, not one per request. */
  USED: 'API_TOKEN_USED',
} as const;

/** A token by id, revoked or expired ones too; null when there is none. */
export function findApiToken(dataSource: DataSource, id: string): Promise<ApiToken | null> {
  return dataSource.getRepository(ApiToken).findOneBy({ id });
}

export function hashApiTokenSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A problem with an `apiTokens.<kind>.<CODE>` (else `apiTokens.<CODE>`) message. */
function tokenProblem(field: string[], code: string, params: MessageParams = {}, kind?: string): Problem {
  const specific = kind ? `apiTokens.${kind}.${code}` : '';
  const general = `apiTokens.${code}`;
  const messageKey: MessageKey = isMessageKey(specific)
    ? specific
    : isMessageKey(general)
      ? general
      : 'errors.badRequest';
  return { field, code, messageKey, params };
}

export interface CreateApiTokenInputData {
  businessId: string;
  name: string;
  scope: ApiTokenScope;
  expiresInDays: number;
  clientGroupIds?: string[] | null;
}

export type CreateTokenResult =
  | { ok: true; token: ApiToken; secret: string; clientGroupIds: string[] }
  | { ok: false; problems: Problem[] };
export type RevokeTokenResult = { ok: true; token: ApiToken } | { ok: false; problems: Problem[] };

/** The business when the actor is its active BAM (and not an agency officer); else a problem. */
async function managedBusiness(
  manager: EntityManager,
  actorId: string,
  businessId: string,
): Promise<{ business: BusinessRef } | { problem: Problem }> {
  const [business, actor] = await Promise.all([
    businessRef(manager, businessId),
    findUserById(manager, actorId),
  ]);
  if (!business || !actor) return { problem: tokenProblem(['businessId'], 'BUSINESS_NOT_FOUND') };
  if (isAgencyOfficer(actor.role)) return { problem: tokenProblem([], 'NOT_ALLOWED') };
  const role = await activeMemberRole(manager, businessId, actorId);
  if (!mayManageBusiness(role)) return { problem: tokenProblem([], 'NOT_ALLOWED') };
  return { business };
}

function audit(
  manager: EntityManager,
  business: Pick<BusinessRef, 'registryBusinessId'>,
  type: (typeof ApiTokenAuditType)[keyof typeof ApiTokenAuditType],
  actorId: string | null,
  details: AuditDetails,
  occurredAt: Date,
) {
  return recordBusinessAudit(manager, {
    registryBusinessId: business.registryBusinessId,
    // The trail's type column is open: this module's types live beside it (ApiTokenAuditType).
    type: type as unknown as BusinessAuditType,
    actorId,
    details,
    occurredAt,
  });
}

/**
 * A BAM creates a token for their business: the secret is returned once and only its SHA-256 kept. Problems:
 * BUSINESS_NOT_FOUND, NOT_ALLOWED (not the business's BAM, or an officer), name REQUIRED / TOO_LONG,
 * expiresInDays OUT_OF_RANGE, clientGroupIds TOO_MANY / GROUP_NOT_FOUND, TOO_MANY_TOKENS. Audited.
 */
export function createApiToken(
  dataSource: DataSource,
  config: AppConfig,
  actorId: string,
  input: CreateApiTokenInputData,
): Promise<CreateTokenResult> {
  return inTransaction(dataSource, async (manager): Promise<CreateTokenResult> => {
    const managed = await managedBusiness(manager, actorId, input.businessId);
    if ('problem' in managed) return { ok: false, problems: [managed.problem] };
    const { business } = managed;
    const problems: Problem[] = [];
    const name = input.name.normalize('NFC').trim().replace(/\s+/g, ' ');
    if (!name) problems.push(tokenProblem(['name'], 'REQUIRED', {}, 'name'));
    else if (characterCount(name) > TOKEN_NAME_MAX_LENGTH)
      problems.push(tokenProblem(['name'], 'TOO_LONG', { max: TOKEN_NAME_MAX_LENGTH }, 'name'));
    if (
      !Number.isInteger(input.expiresInDays) ||
      input.expiresInDays < 1 ||
      input.expiresInDays > TOKEN_EXPIRY_DAYS_MAX
    )
      problems.push(
        tokenProblem(['expiresInDays'], 'OUT_OF_RANGE', { max: TOKEN_EXPIRY_DAYS_MAX }, 'expiresInDays'),
      );
    const groupIds = [...new Set(input.clientGroupIds ?? [])];
    if (groupIds.length > TOKEN_CLIENT_GROUPS_MAX)
      problems.push(
        tokenProblem(['clientGroupIds'], 'TOO_MANY', { max: TOKEN_CLIENT_GROUPS_MAX }, 'clientGroupIds'),
      );
    else if (groupIds.length) {
      const groups = await liveGroupIdsOf(manager, business.id, groupIds);
      if (groups.length !== groupIds.length)
        problems.push(tokenProblem(['clientGroupIds'], 'GROUP_NOT_FOUND', {}, 'clientGroupIds'));
    }
    if (problems.length) return { ok: false, problems };
    const now = config.now();
    const live = await manager
      .createQueryBuilder(ApiToken, 't')
      .where('t.business_id = :businessId AND t.revoked_at IS NULL AND t.expires_at > :now', {
        businessId: business.id,
        now,
      })
      .getCount();
    if (live >= TOKENS_PER_BUSINESS_MAX)
      return { ok: false, problems: [tokenProblem([], 'TOO_MANY_TOKENS', { max: TOKENS_PER_BUSINESS_MAX })] };

    const secret = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    const token = manager.create(ApiToken, {
      id: timeOrderedId(now.getTime()),
      secretHash: hashApiTokenSecret(secret),
      prefix: secret.slice(0, TOKEN_PREFIX.length + 8),
      businessId: business.id,
      name,
      scope: input.scope,
      createdBy: actorId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + input.expiresInDays * DAY_MS),
      revokedAt: null,
      revokedBy: null,
      lastUsedAt: null,
    });
    await manager.insert(ApiToken, token);
    if (groupIds.length)
      await manager.insert(
        ApiTokenClientGroup,
        groupIds.map((clientGroupId) => ({ tokenId: token.id, clientGroupId })),
      );
    await audit(
      manager,
      business,
      ApiTokenAuditType.CREATED,
      actorId,
      { token: token.id, scope: token.scope, days: input.expiresInDays, groups: groupIds.length },
      now,
    );
    return { ok: true, token, secret, clientGroupIds: groupIds };
  });
}

/** A BAM of the token's business revokes it. Problems: TOKEN_NOT_FOUND, NOT_ALLOWED, ALREADY_REVOKED. Audited. */
export function revokeApiToken(
  dataSource: DataSource,
  config: AppConfig,
  actorId: string,
  tokenId: string,
): Promise<RevokeTokenResult> {
  return inTransaction(dataSource, async (manager): Promise<RevokeTokenResult> => {
    const token = await manager.findOneBy(ApiToken, { id: tokenId });
    if (!token) return { ok: false, problems: [tokenProblem(['tokenId'], 'TOKEN_NOT_FOUND')] };
    const managed = await managedBusiness(manager, actorId, token.businessId);
    if ('problem' in managed) return { ok: false, problems: [managed.problem] };
    const { business } = managed;
    if (token.revokedAt) return { ok: false, problems: [tokenProblem(['tokenId'], 'ALREADY_REVOKED')] };
    const now = config.now();
    await manager.update(ApiToken, { id: token.id }, { revokedAt: now, revokedBy: actorId });
    await audit(manager, business, ApiTokenAuditType.REVOKED, actorId, { token: token.id }, now);
    return { ok: true, token: { ...token, revokedAt: now, revokedBy: actorId } };
  });
}

/** Columns of the creator a token request never reads (it cannot sign in or change a credential). */
const TOKEN_USER_UNREAD = new Set(['password_hash', 'partner_issuer', 'partner_subject', 'username_key']);

/** The token behind a bearer secret, as a request acts with it. */
export interface AuthenticatedToken {
  token: ApiToken;
  /** The BAM who created it: the services' rules and the timelines name them as the actor. */
  user: User;
  /** The client groups it is limited to; empty: every client of the business. */
  clientGroupIds: string[];
}

/**
 * The live token for a bearer secret, or null: unknown, revoked, expired, or its creator is no longer an
 * active BAM of the business (or their credential was revoked). Records the use: last_used_at at most once a
 * minute (a conditional update, so concurrent requests write once), and an API_TOKEN_USED audit row on the
 * first use of each agency day.
 */
export async function authenticateApiToken(
  dataSource: DataSource,
  config: AppConfig,
  secret: string,
): Promise<AuthenticatedToken | null> {
  if (!secret.startsWith(TOKEN_PREFIX) || secret.length > 200) return null;
  return liveToken(dataSource, config, 't.secret_hash = :hash', { hash: hashApiTokenSecret(secret) });
}

/**
 * The live token with this id, or null (revoked, expired, creator no longer an active BAM): what a
 * background job started with a token (an export, decision 0029) acts as, checked again at each run.
 */
export function liveApiTokenById(
  dataSource: DataSource,
  config: AppConfig,
  id: string,
): Promise<AuthenticatedToken | null> {
  return liveToken(dataSource, config, 't.id = :id', { id });
}

async function liveToken(
  dataSource: DataSource,
  config: AppConfig,
  match: 't.secret_hash = :hash' | 't.id = :id',
  params: Record<string, string>,
): Promise<AuthenticatedToken | null> {
  const now = config.now();
  // One statement: the token, its creator (still an active BAM of the business, credential not revoked, not
  // an officer), its business's registry record (for the use's audit row) and its client groups (one row
  // each). The creator's password hash and partner identity are not read: a token never signs in.
  const tokenColumns = dataSource
    .getMetadata(ApiToken)
    .columns.filter((c) => c.databaseName !== 'secret_hash')
    .map((c) => `t.${c.databaseName} AS t_${c.databaseName}`);
  const userColumns = personColumns(dataSource, 'u', 'u_', TOKEN_USER_UNREAD);
  const rows = await queryNamed<Array<Record<string, unknown>>>(
    dataSource,
    `SELECT ${[...tokenColumns, userColumns].join(', ')}, b.registry_business_id AS b_registry_business_id,` +
      ' g.client_group_id AS g_client_group_id FROM api_token t' +
      ' INNER JOIN app_user u ON u.id = t.created_by AND u.revoked_at IS NULL AND u.role <> :officer' +
      ' INNER JOIN business b ON b.id = t.business_id' +
      ' INNER JOIN business_membership m ON m.business_id = t.business_id AND m.user_id = t.created_by' +
      ' AND m.status = :active AND m.role = :bam' +
      ' LEFT JOIN api_token_client_group g ON g.token_id = t.id' +
      ` WHERE ${match} AND t.revoked_at IS NULL AND t.expires_at > :now`,
    {
      officer: PersonRole.OFFICER,
      active: MembershipStatus.ACTIVE,
      bam: BusinessRole.BUSINESS_ACCOUNT_MANAGER,
      ...params,
      now,
    },
  );
  if (!rows.length) return null;
  const token = Object.assign(hydrate(dataSource, ApiToken, { ...rows[0], t_secret_hash: '' }, 't_')!, {
    secretHash: '',
  });
  const user = userFromRow(dataSource, rows[0], 'u_')!;
  const groups = rows
    .filter((row) => row.g_client_group_id)
    .map((row) => ({ clientGroupId: String(row.g_client_group_id) }));
  const business = { registryBusinessId: String(rows[0].b_registry_business_id) };
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() >= TOUCH_INTERVAL_MS) {
    const previous = token.lastUsedAt;
    await inTransaction(dataSource, async (manager) => {
      const result = await manager
        .createQueryBuilder()
        .update(ApiToken)
        .set({ lastUsedAt: now })
        .where('id = :id AND (last_used_at IS NULL OR last_used_at <= :since)', {
          id: token.id,
          since: new Date(now.getTime() - TOUCH_INTERVAL_MS),
        })
        .execute();
      if (result.affected && (!previous || agencyDay(previous) !== agencyDay(now)))
        await audit(manager, business, ApiTokenAuditType.USED, null, { token: token.id }, now);
    });
    token.lastUsedAt = now;
  }
  return { token, user, clientGroupIds: groups.map((g) => g.clientGroupId) };
}
