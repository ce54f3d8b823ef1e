import { isIP } from 'node:net';
import { type DataSource, type EntityManager, In, LessThan } from 'typeorm';
import { type AppConfig } from '../../config/env.js';
import { inTransaction } from '../../common/database/transactions.js';
import { entityColumns, hydrate, queryNamed } from '../../common/database/named-sql.js';
import { timeOrderedId } from '../../common/database/time-ordered-id.js';
import { type Problem } from '../../common/errors/problems.js';
import { isMessageKey, type MessageKey, type MessageParams } from '../../common/i18n/messages.js';
import { AccessArea } from '../../common/auth/access-table.js';
import { systemStandings, type SystemAudience } from '../access/business-standing.js';
import {
  recordBusinessAudit,
  type AuditDetails,
  type BusinessAuditType,
} from '../businesses/business-audit.service.js';
import { registryIdOfBusiness } from '../businesses/business-directory.service.js';
import { identitySecret } from '../credentials/server-secret.service.js';
import { publicEventTypes, TEST_EVENT_TYPE } from './event-catalogue.js';
import { visibleData } from './event-visibility.js';
import { isPrivateAddress } from './webhook-sender.js';
import { decryptSecret, encryptSecret, newSigningSecret, secretsKey } from './webhook-signing.js';
import { newDelivery } from './webhook-subscriber.js';
import { WebhookDelivery, WebhookEndpoint, WebhookEvent } from './webhooks.entities.js';

export const ENDPOINTS_PER_BUSINESS_MAX = 10;
export const URL_MAX_LENGTH = 2000;
export const DESCRIPTION_MAX_LENGTH = 100;
export const CLIENT_GROUPS_MAX = 20;
/** Public events are kept this long (the feed's horizon; webhooks resend within it). */
export const EVENT_RETENTION_DAYS = 30;
const DAY_MS = 86_400_000;

export const WebhookAuditType = {
  CREATED: 'WEBHOOK_ENDPOINT_CREATED',
  UPDATED: 'WEBHOOK_ENDPOINT_UPDATED',
  DELETED: 'WEBHOOK_ENDPOINT_DELETED',
  DISABLED: 'WEBHOOK_ENDPOINT_DISABLED',
} as const;

/** Who manages a business's endpoints: its BAM in the portal, or a READ_WRITE token of it (its creator). */
export interface WebhookActor {
  userId: string;
  /** Set when a token acts: the business it belongs to. */
  tokenBusinessId: string | null;
}

function problem(field: string[], code: string, params: MessageParams = {}): Problem {
  const specific = `webhooks.${field.at(-1) ?? ''}.${code}`;
  const general = `webhooks.${code}`;
  const messageKey: MessageKey = isMessageKey(specific)
    ? specific
    : isMessageKey(general)
      ? general
      : 'errors.badRequest';
  return { field, code, messageKey, params };
}

/** The key that encrypts secrets at rest. */
async function keyOf(dataSource: DataSource, config: AppConfig): Promise<Buffer> {
  return secretsKey(config.webhooks.secretKey ?? (await identitySecret(dataSource, config)));
}

/** The endpoint's signing secret, decrypted. */
export async function endpointSecret(
  dataSource: DataSource,
  config: AppConfig,
  endpoint: WebhookEndpoint,
): Promise<string> {
  return decryptSecret(await keyOf(dataSource, config), endpoint.secretCipher);
}

/** Whether the actor may manage the business's endpoints (an active BAM, or a token of that business). */
async function mayManage(manager: EntityManager, actor: WebhookActor, businessId: string): Promise<boolean> {
  if (actor.tokenBusinessId) return actor.tokenBusinessId === businessId;
  const rows = await manager.query<Array<{ n: number }>>(
    ...manager.connection.driver.escapeQueryWithParameters(
      'SELECT COUNT(*) AS n FROM business_membership WHERE business_id = :businessId AND user_id = :userId' +
        " AND status = 'ACTIVE' AND role = 'BUSINESS_ACCOUNT_MANAGER'",
      { businessId, userId: actor.userId },
    ),
  );
  return Number(rows[0]?.n ?? 0) > 0;
}

/** A URL problem, or null: https (http too when local targets are allowed), no credentials, no private IP. */
export function urlProblem(raw: string, allowLocal: boolean): Problem | null {
  if (!raw.trim()) return problem(['url'], 'REQUIRED');
  if (raw.length > URL_MAX_LENGTH) return problem(['url'], 'TOO_LONG', { max: URL_MAX_LENGTH });
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return problem(['url'], 'INVALID');
  }
  if (url.protocol !== 'https:' && !(allowLocal && url.protocol === 'http:'))
    return problem(['url'], 'HTTPS_REQUIRED');
  if (url.username || url.password) return problem(['url'], 'INVALID');
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (
    !allowLocal &&
    ((isIP(host) && isPrivateAddress(host)) || host === 'localhost' || host.endsWith('.localhost'))
  )
    return problem(['url'], 'PRIVATE_ADDRESS');
  return null;
}

export interface EndpointInput {
  url?: string | null;
  description?: string | null;
  eventTypes?: string[] | null;
  clientGroupIds?: string[] | null;
  enabled?: boolean | null;
}

async function validate(
  manager: EntityManager,
  config: AppConfig,
  businessId: string,
  input: EndpointInput,
  creating: boolean,
): Promise<Problem[]> {
  const problems: Problem[] = [];
  if (creating || input.url != null) {
    const p = urlProblem(input.url ?? '', config.webhooks.allowLocalTargets);
    if (p) problems.push(p);
  }
  if (input.description != null && input.description.trim().length > DESCRIPTION_MAX_LENGTH)
    problems.push(problem(['description'], 'TOO_LONG', { max: DESCRIPTION_MAX_LENGTH }));
  if (creating || input.eventTypes != null) {
    const types = input.eventTypes ?? [];
    if (types.length === 0) problems.push(problem(['eventTypes'], 'REQUIRED'));
    else if (types.some((t) => !publicEventTypes.includes(t)))
      problems.push(problem(['eventTypes'], 'UNKNOWN_TYPE'));
  }
  const groups = [...new Set(input.clientGroupIds ?? [])];
  if (groups.length > CLIENT_GROUPS_MAX)
    problems.push(problem(['clientGroupIds'], 'TOO_MANY', { max: CLIENT_GROUPS_MAX }));
  else if (groups.length) {
    const [text, values] = manager.connection.driver.escapeQueryWithParameters(
      'SELECT COUNT(*) AS n FROM client_group WHERE id IN (:...ids) AND provider_business_id = :businessId AND deleted_at IS NULL',
      { ids: groups, businessId },
    );
    const found = await manager.query<Array<{ n: number }>>(text, values);
    if (Number(found[0]?.n ?? 0) !== groups.length)
      problems.push(problem(['clientGroupIds'], 'GROUP_NOT_FOUND'));
  }
  return problems;
}

async function audit(
  manager: EntityManager,
  businessId: string,
  type: string,
  actorId: string,
  details: AuditDetails,
  now: Date,
) {
  await recordBusinessAudit(manager, {
    registryBusinessId: await registryIdOfBusiness(manager, businessId),
    // The trail's type column is open: this module's types live beside it (WebhookAuditType).
    type: type as unknown as BusinessAuditType,
    actorId,
    details,
    occurredAt: now,
  });
}

export type EndpointResult =
  { ok: true; endpoint: WebhookEndpoint; secret?: string } | { ok: false; problems: Problem[] };

/**
 * Registers an endpoint; the signing secret is in the answer, once, and kept encrypted. Problems:
 * NOT_ALLOWED, url REQUIRED / TOO_LONG / INVALID / HTTPS_REQUIRED / PRIVATE_ADDRESS, eventTypes REQUIRED /
 * UNKNOWN_TYPE, clientGroupIds TOO_MANY / GROUP_NOT_FOUND, TOO_MANY_ENDPOINTS. Audited.
 */
export function createEndpoint(
  dataSource: DataSource,
  config: AppConfig,
  actor: WebhookActor,
  businessId: string,
  input: EndpointInput,
): Promise<EndpointResult> {
  return inTransaction(dataSource, async (manager): Promise<EndpointResult> => {
    if (!(await mayManage(manager, actor, businessId)))
      return { ok: false, problems: [problem([], 'NOT_ALLOWED')] };
    const problems = await validate(manager, config, businessId, input, true);
    if (problems.length) return { ok: false, problems };
    const count = await manager.countBy(WebhookEndpoint, { businessId });
    if (count >= ENDPOINTS_PER_BUSINESS_MAX)
      return {
        ok: false,
        problems: [problem([], 'TOO_MANY_ENDPOINTS', { max: ENDPOINTS_PER_BUSINESS_MAX })],
      };
    const now = config.now();
    const secret = newSigningSecret();
    const endpoint: WebhookEndpoint = {
      id: timeOrderedId(now.getTime()),
      businessId,
      url: input.url!.trim(),
      description: (input.description ?? '').trim(),
      eventTypes: JSON.stringify([...new Set(input.eventTypes)]),
      clientGroupIds: JSON.stringify([...new Set(input.clientGroupIds ?? [])]),
      secretCipher: encryptSecret(await keyOf(dataSource, config), secret),
      status: 'ENABLED',
      disabledReason: null,
      failingSince: null,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    };
    await manager.insert(WebhookEndpoint, endpoint);
    await audit(
      manager,
      businessId,
      WebhookAuditType.CREATED,
      actor.userId,
      { endpoint: endpoint.id, types: (JSON.parse(endpoint.eventTypes) as string[]).length },
      now,
    );
    return { ok: true, endpoint, secret };
  });
}

/** Changes an endpoint (enabling it again clears its failure). Problems: ENDPOINT_NOT_FOUND, NOT_ALLOWED, the fields'. Audited. */
export function updateEndpoint(
  dataSource: DataSource,
  config: AppConfig,
  actor: WebhookActor,
  endpointId: string,
  input: EndpointInput,
): Promise<EndpointResult> {
  return inTransaction(dataSource, async (manager): Promise<EndpointResult> => {
    const endpoint = await manager.findOneBy(WebhookEndpoint, { id: endpointId });
    if (!endpoint) return { ok: false, problems: [problem([], 'ENDPOINT_NOT_FOUND')] };
    if (!(await mayManage(manager, actor, endpoint.businessId)))
      return { ok: false, problems: [problem([], 'NOT_ALLOWED')] };
    const problems = await validate(manager, config, endpoint.businessId, input, false);
    if (problems.length) return { ok: false, problems };
    const now = config.now();
    if (input.url != null) endpoint.url = input.url.trim();
    if (input.description != null) endpoint.description = input.description.trim();
    if (input.eventTypes != null) endpoint.eventTypes = JSON.stringify([...new Set(input.eventTypes)]);
    if (input.clientGroupIds != null)
      endpoint.clientGroupIds = JSON.stringify([...new Set(input.clientGroupIds)]);
    const reEnabled = input.enabled === true && endpoint.status !== 'ENABLED';
    if (input.enabled != null) {
      endpoint.status = input.enabled ? 'ENABLED' : 'DISABLED';
      endpoint.disabledReason = input.enabled ? null : 'BY_USER';
      endpoint.failingSince = null;
    }
    endpoint.updatedAt = now;
    await manager.save(WebhookEndpoint, endpoint);
    // Enabled again: the deliveries skipped because it was disabled are due again, from their first attempt,
    // in their order (decision 0040). Events that came while it was disabled queued nothing: the events feed
    // has them.
    if (reEnabled)
      await manager
        .createQueryBuilder()
        .update(WebhookDelivery)
        .set({
          status: 'PENDING',
          attempts: 0,
          nextAttemptAt: now,
          leaseOwner: null,
          leaseUntil: null,
          lastError: null,
        })
        .where("endpoint_id = :id AND status = 'SKIPPED' AND last_error = 'ENDPOINT_DISABLED'", {
          id: endpoint.id,
        })
        .execute();
    await audit(
      manager,
      endpoint.businessId,
      WebhookAuditType.UPDATED,
      actor.userId,
      { endpoint: endpoint.id, status: endpoint.status },
      now,
    );
    return { ok: true, endpoint };
  });
}

/** Deletes an endpoint and its deliveries. Problems: ENDPOINT_NOT_FOUND, NOT_ALLOWED. Audited. */
export function deleteEndpoint(
  dataSource: DataSource,
  config: AppConfig,
  actor: WebhookActor,
  endpointId: string,
): Promise<EndpointResult> {
  return inTransaction(dataSource, async (manager): Promise<EndpointResult> => {
    const endpoint = await manager.findOneBy(WebhookEndpoint, { id: endpointId });
    if (!endpoint) return { ok: false, problems: [problem([], 'ENDPOINT_NOT_FOUND')] };
    if (!(await mayManage(manager, actor, endpoint.businessId)))
      return { ok: false, problems: [problem([], 'NOT_ALLOWED')] };
    await manager.delete(WebhookDelivery, { endpointId });
    await manager.delete(WebhookEndpoint, { id: endpointId });
    await audit(
      manager,
      endpoint.businessId,
      WebhookAuditType.DELETED,
      actor.userId,
      { endpoint: endpoint.id },
      config.now(),
    );
    return { ok: true, endpoint };
  });
}

export type DeliveryResult = { ok: true; delivery: WebhookDelivery } | { ok: false; problems: Problem[] };

/** Queues a test event (`webhook.test`) to the endpoint, after what is pending. Problems: ENDPOINT_NOT_FOUND, NOT_ALLOWED, DISABLED. */
export function sendTestEvent(
  dataSource: DataSource,
  config: AppConfig,
  actor: WebhookActor,
  endpointId: string,
): Promise<DeliveryResult> {
  return inTransaction(dataSource, async (manager): Promise<DeliveryResult> => {
    const endpoint = await manager.findOneBy(WebhookEndpoint, { id: endpointId });
    if (!endpoint) return { ok: false, problems: [problem([], 'ENDPOINT_NOT_FOUND')] };
    if (!(await mayManage(manager, actor, endpoint.businessId)))
      return { ok: false, problems: [problem([], 'NOT_ALLOWED')] };
    if (endpoint.status !== 'ENABLED') return { ok: false, problems: [problem([], 'DISABLED')] };
    const now = config.now();
    const event: WebhookEvent = {
      id: timeOrderedId(now.getTime()),
      type: TEST_EVENT_TYPE,
      version: 1,
      businessId: endpoint.businessId,
      programAccountId: null,
      area: AccessArea.BUSINESS_IDENTITY,
      data: JSON.stringify({ endpointId: endpoint.id, message: 'A test event from Passerelle.' }),
      sourceEventId: null,
      occurredAt: now,
    };
    await manager.insert(WebhookEvent, event);
    const delivery = newDelivery(endpoint.id, event.id, now);
    await manager.insert(WebhookDelivery, delivery);
    return { ok: true, delivery };
  });
}

/** Sends a delivery's event again, as a new delivery after what is pending. Problems: DELIVERY_NOT_FOUND, NOT_ALLOWED, DISABLED. */
export function resendDelivery(
  dataSource: DataSource,
  config: AppConfig,
  actor: WebhookActor,
  deliveryId: string,
): Promise<DeliveryResult> {
  return inTransaction(dataSource, async (manager): Promise<DeliveryResult> => {
    const previous = await manager.findOneBy(WebhookDelivery, { id: deliveryId });
    const endpoint = previous && (await manager.findOneBy(WebhookEndpoint, { id: previous.endpointId }));
    if (!previous || !endpoint) return { ok: false, problems: [problem([], 'DELIVERY_NOT_FOUND')] };
    if (!(await mayManage(manager, actor, endpoint.businessId)))
      return { ok: false, problems: [problem([], 'NOT_ALLOWED')] };
    if (endpoint.status !== 'ENABLED') return { ok: false, problems: [problem([], 'DISABLED')] };
    if (!(await manager.existsBy(WebhookEvent, { id: previous.eventId })))
      return { ok: false, problems: [problem([], 'DELIVERY_NOT_FOUND')] };
    const delivery = newDelivery(endpoint.id, previous.eventId, config.now());
    await manager.insert(WebhookDelivery, delivery);
    return { ok: true, delivery };
  });
}

/** The audience of an endpoint: its business, as its creator, within its client groups. */
export function endpointAudience(endpoint: WebhookEndpoint): SystemAudience {
  return {
    businessId: endpoint.businessId,
    createdBy: endpoint.createdBy,
    clientGroupIds: JSON.parse(endpoint.clientGroupIds) as string[],
  };
}

/** The public form of an event for one receiver: null when the access table lets it see nothing now. */
export interface PublicEvent {
  id: string;
  type: string;
  version: number;
  time: string;
  businessId: string;
  programAccountId: string | null;
  data: Record<string, unknown>;
}

export function publicEvent(event: WebhookEvent, data: Record<string, unknown>): PublicEvent {
  return {
    id: event.id,
    type: event.type,
    version: event.version,
    time: event.occurredAt.toISOString(),
    businessId: event.businessId,
    programAccountId: event.programAccountId,
    data,
  };
}

export interface FeedPage {
  events: PublicEvent[];
  /** The last event read (seen or not): the next page starts after it. */
  endCursor: string | null;
  hasNextPage: boolean;
}

/**
 * The changes feed (decision 0028): events after the cursor concerning the audience's business or a client
 * it reaches through an accepted relationship now, oldest first, each cut by the access table now. The SQL
 * keeps the relationship rule; the table's area and field rules are applied to the page read, so a page may
 * hold fewer than `first` events (follow `endCursor` while `hasNextPage`). At most `first` rows are read.
 */
export async function readFeed(
  dataSource: DataSource,
  config: AppConfig,
  audience: SystemAudience,
  after: string | null,
  first: number,
  types: string[] | null,
): Promise<FeedPage> {
  const horizon = new Date(config.now().getTime() - EVENT_RETENTION_DAYS * DAY_MS);
  const params: Record<string, unknown> = {
    own: audience.businessId,
    createdBy: audience.createdBy,
    horizon,
    test: TEST_EVENT_TYPE,
  };
  let groups = '';
  if (audience.clientGroupIds.length) {
    params.groups = [...audience.clientGroupIds];
    groups =
      ' AND EXISTS (SELECT 1 FROM client_group_member gm INNER JOIN client_group g ON g.id = gm.group_id AND g.deleted_at IS NULL' +
      ' WHERE gm.client_business_id = r.client_business_id AND gm.group_id IN (:...groups))';
  }
  let where =
    'e.occurred_at >= :horizon AND e.type <> :test AND (e.business_id = :own OR e.business_id IN (SELECT r.client_business_id' +
    ` FROM business_relationship r WHERE r.provider_business_id = :own AND r.status = 'ACCEPTED'${groups}))`;
  if (after) {
    where += ' AND e.id > :after';
    params.after = after;
  }
  if (types?.length) {
    where += ' AND e.type IN (:...types)';
    params.types = types;
  }
  const raw = await queryNamed<Array<Record<string, unknown>>>(
    dataSource,
    `SELECT ${entityColumns(dataSource, WebhookEvent, 'e', 'e_')} FROM webhook_event e WHERE ${where}` +
      ` ORDER BY e.id LIMIT ${Math.trunc(first) + 1}`,
    params,
  );
  const rows = raw.slice(0, first).map((r) => hydrate(dataSource, WebhookEvent, r, 'e_')!);
  const standings = await systemStandings(
    dataSource,
    audience,
    rows.map((r) => r.businessId),
  );
  const events: PublicEvent[] = [];
  for (const row of rows) {
    const data = visibleData(
      { ...row, data: JSON.parse(row.data) as Record<string, unknown> },
      standings.get(row.businessId)!,
    );
    if (data) events.push(publicEvent(row, data));
  }
  return { events, endCursor: rows.at(-1)?.id ?? after, hasNextPage: raw.length > first };
}

/** Deletes events older than the retention and their deliveries; answers how many events went. */
export async function purgeOldEvents(dataSource: DataSource, now: Date, batch = 500): Promise<number> {
  const cutoff = new Date(now.getTime() - EVENT_RETENTION_DAYS * DAY_MS);
  const old = await dataSource.getRepository(WebhookEvent).find({
    select: { id: true },
    where: { occurredAt: LessThan(cutoff) },
    take: batch,
  });
  if (old.length === 0) return 0;
  const ids = old.map((o) => o.id);
  await inTransaction(dataSource, async (manager) => {
    await manager.delete(WebhookDelivery, { eventId: In(ids) });
    await manager.delete(WebhookEvent, { id: In(ids) });
  });
  return ids.length;
}

export { audit as auditWebhook };
