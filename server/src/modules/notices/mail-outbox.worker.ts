import { randomUUID } from 'node:crypto';
import { type DataSource, In } from 'typeorm';
import { type MailConfig } from '../../config/env.js';
import { type Logger } from '../../common/logger.js';
import { type MailTransport } from '../../common/mail/mail-transport.js';
import { noticeEmail } from './notice-email.js';
import { MailOutbox, Notice } from './notices.entities.js';
import { MailStatus } from './notices.types.js';

// The outbox worker (docs/notices.md "Outbox"). Rows are claimed with a lease by a conditional UPDATE (works
// the same on SQLite and MySQL, no SELECT ... FOR UPDATE SKIP LOCKED needed): a row is taken only if it is
// due and nobody's lease on it is running, and the claim's random token says which rows this round won.
// Sent rows are marked SENT and never claimed again; a failure schedules a retry with exponential backoff,
// and the MAIL_MAX_ATTEMPTS-th failure makes the row a dead letter, shown to officers.

const MAX_BACKOFF_MS = 60 * 60_000;
const BATCH = 20;

export interface OutboxWorkerDeps {
  dataSource: DataSource;
  transport: MailTransport;
  mail: MailConfig;
  portalUrl: () => string;
  now: () => Date;
  log: Logger;
}

/** The delay before retry `attempt` (1 = after the first failure): base × 2^(attempt-1), at most one hour. */
export function backoffMs(baseMs: number, attempt: number): number {
  return Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.max(0, attempt - 1));
}

/** An SMTP answer without addresses (personal data stays out of the table and the logs). */
function safeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/[^\s<>@]+@[^\s<>@]+/g, '<address>').slice(0, 500);
}

export class MailOutboxWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private stopped = true;
  /** Set by stop(): the round in flight finishes its current message and hands the rest back. */
  private stopping = false;
  private current: Promise<number> | null = null;

  constructor(private readonly deps: OutboxWorkerDeps) {}

  /** Claims up to `limit` due rows for this round; answers the rows won and the token that holds them. */
  async claim(limit = BATCH): Promise<{ token: string; rows: MailOutbox[] }> {
    const { dataSource, mail } = this.deps;
    const now = this.deps.now();
    const token = randomUUID();
    const repo = dataSource.getRepository(MailOutbox);
    const due = await repo
      .createQueryBuilder('m')
      .select('m.id', 'id')
      .where('m.status = :pending AND m.next_attempt_at <= :now', { pending: MailStatus.PENDING, now })
      .andWhere('(m.lease_until IS NULL OR m.lease_until < :now)', { now })
      .orderBy('m.next_attempt_at', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .limit(limit)
      .getRawMany<{ id: string }>();
    if (due.length === 0) return { token, rows: [] };
    await repo
      .createQueryBuilder()
      .update(MailOutbox)
      .set({
        leaseOwner: token,
        leaseUntil: new Date(now.getTime() + mail.leaseMs),
        attempts: () => 'attempts + 1',
        updatedAt: now,
      })
      .where('id IN (:...ids) AND status = :pending', {
        ids: due.map((d) => d.id),
        pending: MailStatus.PENDING,
      })
      .andWhere('(lease_until IS NULL OR lease_until < :now)', { now })
      .execute();
    const rows = await repo.find({ where: { leaseOwner: token }, order: { id: 'ASC' } });
    return { token, rows };
  }

  /** One round: claim, send each row once, record the outcome. Answers how many rows it handled. */
  runOnce(): Promise<number> {
    const round = this.round();
    this.current = round;
    return round;
  }

  private async round(): Promise<number> {
    const { dataSource, transport, mail, log } = this.deps;
    const { token, rows } = await this.claim();
    if (rows.length === 0) return 0;
    const notices = await dataSource
      .getRepository(Notice)
      .findBy({ id: In([...new Set(rows.map((r) => r.noticeId))]) });
    const noticeById = new Map(notices.map((n) => [n.id, n]));
    const repo = dataSource.getRepository(MailOutbox);
    for (const [index, row] of rows.entries()) {
      if (this.stopping && index > 0) {
        // Stopping (a restart): hand the rows not started back at once, their attempt not counted.
        await repo
          .createQueryBuilder()
          .update(MailOutbox)
          .set({ leaseOwner: null, leaseUntil: null, attempts: () => 'attempts - 1' })
          .where('lease_owner = :token AND id IN (:...ids)', {
            token,
            ids: rows.slice(index).map((r) => r.id),
          })
          .execute();
        return index;
      }
      const notice = noticeById.get(row.noticeId);
      try {
        if (!notice) throw new Error('notice missing');
        await transport.send(noticeEmail(notice, row, this.deps.portalUrl()));
        const now = this.deps.now();
        await repo.update(
          { id: row.id, leaseOwner: token },
          {
            status: MailStatus.SENT,
            sentAt: now,
            leaseOwner: null,
            leaseUntil: null,
            lastError: null,
            updatedAt: now,
          },
        );
      } catch (error) {
        const now = this.deps.now();
        const dead = row.attempts >= mail.maxAttempts;
        await repo.update(
          { id: row.id, leaseOwner: token },
          {
            status: dead ? MailStatus.DEAD : MailStatus.PENDING,
            nextAttemptAt: new Date(now.getTime() + backoffMs(mail.retryBaseMs, row.attempts)),
            leaseOwner: null,
            leaseUntil: null,
            lastError: safeError(error),
            updatedAt: now,
          },
        );
        log[dead ? 'error' : 'warn'](
          { outboxId: row.id, attempts: row.attempts, dead, err: safeError(error) },
          dead ? 'notice email is a dead letter' : 'notice email failed; will retry',
        );
      }
    }
    return rows.length;
  }

  /** Polls every MAIL_POLL_MS (at once again after a full batch). */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.stopping = false;
    const tick = () => {
      if (this.stopped) return;
      this.running = this.runOnce().catch((error: unknown) => {
        this.deps.log.warn({ err: safeError(error) }, 'notice email round failed; next try later');
        return 0;
      });
      void this.running.then((handled) => {
        this.running = null;
        if (this.stopped) return;
        this.timer = setTimeout(tick, handled >= BATCH ? 0 : this.deps.mail.pollMs);
        this.timer.unref();
      });
    };
    tick();
  }

  /** Stops polling and waits for the round in flight: what it sent is recorded before this resolves. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
    await this.current?.catch(() => 0);
  }
}
