import { randomUUID } from 'node:crypto';
import { type DataSource, In } from 'typeorm';
import { ActorKind } from '../../common/auth/access-table.js';
import { inTransaction } from '../../common/database/transactions.js';
import { type Logger } from '../../common/logger.js';
import { type AppConfig } from '../../config/env.js';
import { systemStandings } from '../access/business-standing.js';
import { activeMemberGrants, businessSummaries } from '../businesses/business-directory.service.js';
import { personName } from '../profiles/profile.service.js';
import { writeNotices } from '../notices/notice-writer.js';
import { NoticeType } from '../notices/notices.types.js';
import { TEST_EVENT_TYPE } from './event-catalogue.js';
import { visibleData } from './event-visibility.js';
import { postWebhook, SendError } from './webhook-sender.js';
import { signature } from './webhook-signing.js';
import { WebhookDelivery, WebhookEndpoint, WebhookEvent } from './webhooks.entities.js';
import {
  auditWebhook,
  endpointAudience,
  endpointSecret,
  publicEvent,
  WebhookAuditType,
} from './webhooks.service.js';

// The webhook delivery outbox's worker (decision 0028), on the email outbox's pattern (decision 0013): rows
// are claimed with a lease by a conditional UPDATE, so two workers never send the same delivery (the runs are
// a scheduled job under the job lease, decision 0040: one process runs each; the row leases remain, so a run
// that outlives its job lease still sends nothing twice), and a
// failure schedules a retry with exponential backoff until the last attempt makes it a dead letter. Order per
// endpoint (so per business): a delivery is claimed only when no older delivery of its endpoint is pending,
// so a failing event holds back the ones after it until it is delivered or dead. Whether the endpoint's
// business may see the event, and which fields, is decided by the access table at the moment of sending.

const MAX_BACKOFF_MS = 8 * 3_600_000;
const BATCH = 20;
/** The rounds of one run at most (a round claims up to BATCH deliveries). */
const MAX_ROUNDS = 50;

/** The delay before retry `attempt` (1 = after the first failure): base × 2^(attempt-1), at most 8 hours. */
export function webhookBackoffMs(baseMs: number, attempt: number): number {
  return Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.max(0, attempt - 1));
}

export interface WebhookWorkerDeps {
  dataSource: DataSource;
  config: AppConfig;
  log: Logger;
}

export class WebhookDeliveryWorker {
  constructor(private readonly deps: WebhookWorkerDeps) {}

  private now(): Date {
    return this.deps.config.now();
  }

  /** Claims up to `limit` due deliveries, the oldest pending one of each endpoint at most. */
  async claim(limit = BATCH): Promise<{ token: string; rows: WebhookDelivery[] }> {
    const { dataSource, config } = this.deps;
    const now = this.now();
    const token = randomUUID();
    const repo = dataSource.getRepository(WebhookDelivery);
    const due = await repo
      .createQueryBuilder('d')
      .select('d.id', 'id')
      .where("d.status = 'PENDING' AND d.next_attempt_at <= :now", { now })
      .andWhere('(d.lease_until IS NULL OR d.lease_until < :now)', { now })
      .andWhere(
        "NOT EXISTS (SELECT 1 FROM webhook_delivery p WHERE p.endpoint_id = d.endpoint_id AND p.status = 'PENDING' AND p.id < d.id)",
      )
      .orderBy('d.next_attempt_at', 'ASC')
      .addOrderBy('d.id', 'ASC')
      .limit(limit)
      .getRawMany<{ id: string }>();
    if (due.length === 0) return { token, rows: [] };
    await repo
      .createQueryBuilder()
      .update(WebhookDelivery)
      .set({
        leaseOwner: token,
        leaseUntil: new Date(now.getTime() + config.webhooks.leaseMs),
        attempts: () => 'attempts + 1',
      })
      .where("id IN (:...ids) AND status = 'PENDING'", { ids: due.map((d) => d.id) })
      .andWhere('(lease_until IS NULL OR lease_until < :now)', { now })
      .execute();
    const rows = await repo.find({ where: { leaseOwner: token }, order: { id: 'ASC' } });
    return { token, rows };
  }

  /** One round: claim, send each delivery once, record the outcome. Answers how many it handled. */
  async runOnce(): Promise<number> {
    const { dataSource, log } = this.deps;
    const { token, rows } = await this.claim();
    if (rows.length === 0) return 0;
    const endpoints = new Map(
      (
        await dataSource
          .getRepository(WebhookEndpoint)
          .findBy({ id: In([...new Set(rows.map((r) => r.endpointId))]) })
      ).map((e) => [e.id, e]),
    );
    const events = new Map(
      (
        await dataSource
          .getRepository(WebhookEvent)
          .findBy({ id: In([...new Set(rows.map((r) => r.eventId))]) })
      ).map((e) => [e.id, e]),
    );
    // Claimed rows are one per endpoint: each is sent on its own, in parallel with the other endpoints'.
    await Promise.all(
      rows.map(async (row) => {
        const endpoint = endpoints.get(row.endpointId);
        const event = events.get(row.eventId);
        try {
          await this.deliver(token, row, endpoint, event);
        } catch (error) {
          log.warn(
            { deliveryId: row.id, err: String(error) },
            'webhook delivery round failed; the lease will lapse',
          );
        }
      }),
    );
    return rows.length;
  }

  private async finish(token: string, row: WebhookDelivery, values: Partial<WebhookDelivery>): Promise<void> {
    await this.deps.dataSource
      .getRepository(WebhookDelivery)
      .update({ id: row.id, leaseOwner: token }, { leaseOwner: null, leaseUntil: null, ...values });
  }

  private async deliver(
    token: string,
    row: WebhookDelivery,
    endpoint: WebhookEndpoint | undefined,
    event: WebhookEvent | undefined,
  ): Promise<void> {
    const { dataSource, config, log } = this.deps;
    if (!endpoint || !event || endpoint.status !== 'ENABLED')
      return this.finish(token, row, {
        status: 'SKIPPED',
        lastError: endpoint ? 'ENDPOINT_DISABLED' : 'GONE',
      });
    // The access table now: a relationship ended since the event means nothing is sent about that client.
    const standing = (await systemStandings(dataSource, endpointAudience(endpoint), [event.businessId])).get(
      event.businessId,
    )!;
    const fullData = JSON.parse(event.data) as Record<string, unknown>;
    const data =
      event.type === TEST_EVENT_TYPE
        ? standing.grants.some((g) => g.kind === ActorKind.BUSINESS_ACCOUNT_MANAGER)
          ? fullData
          : null
        : visibleData({ ...event, data: fullData }, standing);
    if (!data) return this.finish(token, row, { status: 'SKIPPED', lastError: 'NOT_VISIBLE' });
    const body = JSON.stringify(publicEvent(event, data));
    const timestamp = Math.floor(this.now().getTime() / 1000);
    const secret = await endpointSecret(dataSource, config, endpoint);
    const headers = {
      'webhook-id': event.id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': signature(secret, event.id, timestamp, body),
      'user-agent': 'Passerelle-Webhooks/1',
    };
    let status: number | null = null;
    let error: string | null = null;
    try {
      status = await postWebhook(endpoint.url, headers, body, {
        timeoutMs: config.webhooks.timeoutMs,
        allowLocal: config.webhooks.allowLocalTargets,
      });
      if (status < 200 || status >= 300) error = `HTTP_${status}`;
    } catch (e) {
      error = e instanceof SendError ? e.code : 'CONNECTION';
    }
    const now = this.now();
    if (!error) {
      await this.finish(token, row, {
        status: 'DELIVERED',
        responseStatus: status,
        lastError: null,
        lastAttemptAt: now,
      });
      if (endpoint.failingSince)
        await dataSource.getRepository(WebhookEndpoint).update({ id: endpoint.id }, { failingSince: null });
      return;
    }
    const dead = row.attempts >= config.webhooks.maxAttempts;
    await this.finish(token, row, {
      status: dead ? 'DEAD' : 'PENDING',
      responseStatus: status,
      lastError: error,
      lastAttemptAt: now,
      nextAttemptAt: new Date(now.getTime() + webhookBackoffMs(config.webhooks.retryBaseMs, row.attempts)),
    });
    log[dead ? 'error' : 'warn'](
      { deliveryId: row.id, endpointId: endpoint.id, attempts: row.attempts, dead, err: error },
      dead ? 'webhook delivery is a dead letter' : 'webhook delivery failed; will retry',
    );
    await this.recordFailure(endpoint, now);
  }

  /** Notes the endpoint's first failure; one failing for longer than allowed is disabled and its BAMs told. */
  private async recordFailure(endpoint: WebhookEndpoint, now: Date): Promise<void> {
    const { dataSource, config, log } = this.deps;
    const repo = dataSource.getRepository(WebhookEndpoint);
    if (!endpoint.failingSince) {
      await repo
        .createQueryBuilder()
        .update(WebhookEndpoint)
        .set({ failingSince: now })
        .where('id = :id AND failing_since IS NULL', { id: endpoint.id })
        .execute();
      endpoint.failingSince = now;
      return;
    }
    if (now.getTime() - endpoint.failingSince.getTime() < config.webhooks.disableAfterMs) return;
    await inTransaction(dataSource, async (manager) => {
      // Conditional: of two workers, one disables and tells.
      const result = await manager
        .createQueryBuilder()
        .update(WebhookEndpoint)
        .set({ status: 'DISABLED', disabledReason: 'FAILING', updatedAt: now })
        .where("id = :id AND status = 'ENABLED'", { id: endpoint.id })
        .execute();
      if (!result.affected) return;
      await auditWebhook(
        manager,
        endpoint.businessId,
        WebhookAuditType.DISABLED,
        endpoint.createdBy,
        { endpoint: endpoint.id, reason: 'failing' },
        now,
      );
      const business = (await businessSummaries(manager, [endpoint.businessId])).get(endpoint.businessId);
      const bams = (await activeMemberGrants(manager, [endpoint.businessId])).filter(
        (m) => m.grant.kind === ActorKind.BUSINESS_ACCOUNT_MANAGER,
      );
      const host = new URL(endpoint.url).host;
      await writeNotices(
        manager,
        await Promise.all(
          bams.map(async (bam) => ({
            // A personal notice to each BAM: the business's providers and other members are not told.
            type: NoticeType.GENERAL,
            businessId: endpoint.businessId,
            accountNumber: business?.businessNumber ?? '',
            recipientUserId: bam.userId,
            recipientName: await personName(manager, bam.userId),
            subject: {
              en: 'A webhook endpoint was disabled',
              fr: 'Un point de terminaison de webhook a été désactivé',
            },
            body: {
              en: `Deliveries to ${host} have failed since ${endpoint.failingSince!.toISOString()}, so we stopped sending to it. Fix the receiver, then enable the endpoint again on the Webhooks page.`,
              fr: `Les envois à ${host} échouent depuis ${endpoint.failingSince!.toISOString()}; nous avons donc cessé d’y envoyer. Corrigez le récepteur, puis réactivez le point de terminaison à la page Webhooks.`,
            },
            linkPath: '/webhooks',
            urgent: true,
            sourceKey: `webhook-disabled:${endpoint.id}:${now.getTime()}:${bam.userId}`,
          })),
        ),
        now,
      );
    });
    log.error({ endpointId: endpoint.id }, 'webhook endpoint disabled after failing for too long');
  }

  /**
   * One run of the scheduled job (WEBHOOK_POLL_MS, under the job lease): rounds until one handles nothing, at
   * most MAX_ROUNDS, so that a backlog drains in one run and a run still ends.
   */
  async runRounds(): Promise<Record<string, unknown> | void> {
    let handled = 0;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const count = await this.runOnce();
      handled += count;
      if (count === 0) break;
    }
    // Logged only when something was sent: a run every 2 s would otherwise fill the log.
    return handled ? { webhookDeliveries: handled } : undefined;
  }
}
