import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobLease } from '../../src/common/workers/job-lease.entity.js';
import { MailOutbox } from '../../src/modules/notices/notices.entities.js';
import { BusinessRelationship } from '../../src/modules/relationships/relationships.entities.js';
import {
  importReferenceData,
  loadDemoReferenceData,
} from '../../src/modules/registry/reference-data.service.js';
import { PersonRole } from '../../src/modules/users/user.types.js';
import { openDatabase } from '../../src/database/data-source.js';
import { type DataSource } from 'typeorm';
import { type AppProcess, type Balancer, startAppProcess, startBalancer } from '../support/app-process.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { openEventStream } from '../support/event-stream.js';
import { GqlClient } from '../support/gql-client.js';
import { acceptTerms, PASSWORD, payload, seedUser, signIn } from '../support/identity.js';
import { POST_NOTICE } from '../support/notices.js';
import { BN, person, registerDirectly, requestOne } from '../support/relationships.js';
import { redisUrl, testKeyPrefix } from '../support/redis.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { startTestApp } from '../support/test-app.js';

// Two real app processes (`node src/main.ts`) on one MariaDB database of their own and one Redis (a key prefix
// of this run), behind a round-robin balancer (decision 0027, docs/operations.md "Scaling out"): they
// throttle, lock out, run jobs, send emails and ring bells as one process would, and a SIGTERM of one under
// load loses no request the balancer could retry. Runs when MYSQL_URL and REDIS_URL are set (CI sets both and
// refuses to skip them: test/support/global-setup.ts).

// A mutation's fixed cost (10) is never refunded: each of these spends the budget whatever it answers.
const SPEND = 'mutation { markNoticeRead(id: "00000000-0000-0000-0000-000000000000") { unreadCount } }';
const BUCKET = 200;
const figures: Record<string, unknown> = {};

describe.runIf(process.env.MYSQL_URL && redisUrl)('two app processes behind a balancer', () => {
  let db: TestDatabase;
  let check: DataSource;
  let sink: SmtpSink;
  let a: AppProcess;
  let b: AppProcess;
  let balancer: Balancer;
  const cookies: Record<'bam' | 'broker' | 'officer', string> = { bam: '', broker: '', officer: '' };
  let relationshipId = '';

  beforeAll(async () => {
    db = await createTestDatabase('mysql');
    // The world, written by an app in this process (migrations included), before the processes start.
    const setup = await startTestApp('mysql', { database: db.config });
    await importReferenceData(setup.dataSource, await loadDemoReferenceData());
    const bam = await person(setup, 'ScaleBam2026', 'Bernadette', 'Scale');
    await registerDirectly(setup, BN.NORTHERN, bam.userId);
    const broker = await person(setup, 'ScaleBroker26', 'Boris', 'Scale');
    const brokerId = await registerDirectly(setup, BN.MAPLE, broker.userId);
    relationshipId = (await requestOne(broker.client, brokerId, BN.NORTHERN)).relationship!.id;
    // Overdue: the first expiry run of either process expires it.
    await setup.dataSource
      .getRepository(BusinessRelationship)
      .update({ id: relationshipId }, { expiresAt: new Date(Date.now() - 60_000) });
    await seedUser(setup.dataSource, 'ScaleOffic2026', PersonRole.OFFICER);
    await seedUser(setup.dataSource, 'ScaleLock2026');
    const officer = setup.client();
    await signIn(officer, 'ScaleOffic2026');
    await acceptTerms(officer);
    cookies.bam = bam.client.session!;
    cookies.broker = broker.client.session!;
    cookies.officer = officer.session!;
    await setup.close();

    check = await openDatabase(db.config);
    sink = await startSmtpSink();
    const env = {
      DATABASE_URL: (db.config as { url: string }).url,
      REDIS_URL: redisUrl!,
      REDIS_KEY_PREFIX: testKeyPrefix('scale-out'),
      SEED_DEMO_DATA: 'false',
      // As replicas of a rolling deploy: the migrations ran once before (here: the setup app's).
      DB_MIGRATIONS: 'check',
      MAIL_TRANSPORT: 'smtp',
      SMTP_URL: sink.url,
      MAIL_POLL_MS: '100',
      JOB_POLL_MS: '200',
      API_COST_BUCKET_SIZE: String(BUCKET),
      API_COST_RESTORE_RATE: '1',
      LOCKOUT_THRESHOLD: '5',
      ADDRESS_FAILURE_LIMIT: '1000',
      SHUTDOWN_TIMEOUT_MS: '5000',
      // Long enough for the balancer's /readyz probes (every 100 ms) to leave a stopping process on a busy machine.
      SHUTDOWN_DRAIN_DELAY_MS: '2000',
      EVENT_STREAMS_PER_PERSON: '2',
    };
    [a, b] = await Promise.all([startAppProcess('a', env), startAppProcess('b', env)]);
    balancer = await startBalancer([a.url, b.url]);
  }, 180_000);

  afterAll(async () => {
    await balancer?.close();
    await Promise.all([a?.stop(), b?.stop()]);
    await sink?.close();
    await check?.destroy();
    await db?.dispose();
    console.warn(`[scale-out figures] ${JSON.stringify(figures)}`);
  }, 60_000);

  const through = (url: string, cookie: string) => {
    const client = new GqlClient(url);
    client.setSession(cookie);
    return client;
  };

  it('spends one cost budget whichever process answers', async () => {
    const client = through(balancer.url, cookies.broker);
    const before = [...balancer.served];
    const started = Date.now();
    let answered = 0;
    let cost = 0;
    let refused: Record<string, unknown> | undefined;
    for (let i = 0; i < BUCKET && !refused; i++) {
      const r = await client.gql(SPEND);
      if (r.status === 429) refused = r.body.errors?.[0]?.extensions;
      else {
        answered += 1;
        cost = (r.body as { extensions: { cost: { actualQueryCost: number } } }).extensions.cost
          .actualQueryCost;
      }
    }
    const seconds = (Date.now() - started) / 1000;
    // One budget of BUCKET, refilled at 1 a second while the loop ran; two budgets (one per process, as
    // before Redis) would answer about twice as many.
    expect(refused).toMatchObject({ code: 'THROTTLED' });
    expect(cost).toBeGreaterThanOrEqual(10);
    expect(answered).toBeLessThanOrEqual(Math.floor((BUCKET + seconds) / cost) + 1);
    expect(answered).toBeGreaterThanOrEqual(Math.floor(BUCKET / cost));
    // Both processes answered some of them.
    expect(balancer.served[0] - before[0]).toBeGreaterThan(2);
    expect(balancer.served[1] - before[1]).toBeGreaterThan(2);
    figures.costBudget = { bucket: BUCKET, costEach: cost, answeredBefore429: answered, seconds };
  });

  it('locks a username out after failures spread over both processes', async () => {
    const client = through(balancer.url, '');
    const codes: string[] = [];
    const before = [...balancer.served];
    for (let i = 0; i < 5; i++) {
      const r = await signIn(client, 'ScaleLock2026', 'Wrong0pass!');
      codes.push(
        ...(r.body.data?.signIn as { userErrors: Array<{ code: string }> }).userErrors.map((e) => e.code),
      );
    }
    expect(balancer.served[0] - before[0]).toBeGreaterThanOrEqual(2);
    expect(balancer.served[1] - before[1]).toBeGreaterThanOrEqual(2);
    expect(codes.slice(0, 4)).toEqual(Array(4).fill('INVALID_CREDENTIALS'));
    // The right password, through either process: locked.
    for (const url of [a.url, b.url]) {
      const r = await signIn(through(url, ''), 'ScaleLock2026', PASSWORD);
      expect((r.body.data?.signIn as { userErrors: Array<{ code: string }> }).userErrors[0]?.code).toBe(
        'LOCKED',
      );
    }
  });

  it('runs each due job once, and sends each email once', async () => {
    await expect
      .poll(
        async () => (await check.getRepository(JobLease).findOneBy({ name: 'relationship-expiry' }))?.runs,
        {
          timeout: 15_000,
          interval: 250,
        },
      )
      .toBe(1);
    // Both processes kept looking (every 200 ms) for a few more seconds: still one run of each job.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const leases = await check.getRepository(JobLease).find({ order: { name: 'ASC' } });
    // The webhook deliveries are a job too, due every WEBHOOK_POLL_MS (2 s): several runs by now, each by one.
    expect(leases.find((l) => l.name === 'webhook-deliveries')?.runs).toBeGreaterThanOrEqual(1);
    expect(
      leases.filter((l) => l.name !== 'webhook-deliveries').map((l) => [l.name, l.runs, l.owner]),
    ).toEqual([
      ['idempotency-key-sweep', 1, null],
      ['relationship-expiry', 1, null],
      ['session-purge', 1, null],
      ['webhook-event-purge', 1, null],
    ]);
    const ran = [a, b].map(
      (p) => p.logs.filter((l) => l.msg === 'job ran' && l.job === 'relationship-expiry').length,
    );
    expect(ran.sort()).toEqual([0, 1]);
    const relationship = await check
      .getRepository(BusinessRelationship)
      .findOneByOrFail({ id: relationshipId });
    expect(relationship.status).toBe('EXPIRED');

    // The emails the world's notices queued (registrations, the request, its expiry): each sent once, though
    // both processes' workers polled every 100 ms.
    await expect
      .poll(async () => check.getRepository(MailOutbox).countBy({ status: 'PENDING' }), { timeout: 15_000 })
      .toBe(0);
    const sent = await check.getRepository(MailOutbox).findBy({ status: 'SENT' });
    expect(sent.length).toBeGreaterThanOrEqual(2);
    const ids = sink.received.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(sent.map((m) => m.messageId).sort());
    figures.emailsSentOnce = sent.length;
  });

  // A second on a quiet machine (figures.bellAcrossProcessesMs); three allow for a loaded one, where the two
  // processes, Redis and the test share two cores.
  it('rings a bell connected to B with a notice created through A, within seconds', async () => {
    const bell = await openEventStream(b.url, { cookie: `passerelle_session=${cookies.bam}` });
    try {
      expect(bell.status).toBe(200);
      const before = (await bell.next('unread')).data as { count: number };
      const started = Date.now();
      const r = await through(a.url, cookies.officer).gql(POST_NOTICE, {
        input: {
          audience: 'BUSINESS',
          businessNumber: BN.NORTHERN,
          urgent: true,
          subjectEn: 'Scaled out',
          subjectFr: 'Mis à l’échelle',
          bodyEn: 'One.',
          bodyFr: 'Un.',
        },
      });
      expect(payload<{ noticeCount: number }>(r).noticeCount).toBe(1);
      expect(await bell.next('notice', 3_000)).toMatchObject({
        data: { subject: 'Scaled out', urgent: true },
      });
      expect(await bell.next('unread', 3_000)).toMatchObject({ data: { count: before.count + 1 } });
      const ms = Date.now() - started;
      expect(ms).toBeLessThan(3_000);
      figures.bellAcrossProcessesMs = ms;
    } finally {
      bell.close();
    }
  });

  it("counts a person's live-bell streams across both processes, and frees a place on disconnect", async () => {
    const open = (url: string) => openEventStream(url, { cookie: `passerelle_session=${cookies.broker}` });
    const first = await open(a.url);
    const second = await open(b.url);
    try {
      expect([first.status, second.status]).toEqual([200, 200]);
      // EVENT_STREAMS_PER_PERSON is 2 for the deployment, not for each process.
      expect((await open(a.url)).status).toBe(429);
      expect((await open(b.url)).status).toBe(429);
      first.close();
      await expect
        .poll(
          async () => {
            const again = await open(b.url);
            again.close();
            return again.status;
          },
          { timeout: 5_000 },
        )
        .toBe(200);
    } finally {
      first.close();
      second.close();
    }
  });

  it('loses no request the balancer could retry when one process gets SIGTERM under load', async () => {
    const total = 400;
    const concurrency = 8;
    const statuses: number[] = [];
    const latencies: number[] = [];
    let sent = 0;
    let stopped: Promise<number | null> | undefined;
    const worker = async () => {
      while (sent < total) {
        sent += 1;
        if (sent === total / 4) stopped = a.stop('SIGTERM');
        const started = Date.now();
        const res = await fetch(`${balancer.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ __typename }' }),
        });
        await res.arrayBuffer();
        statuses.push(res.status);
        latencies.push(Date.now() - started);
      }
    };
    const failedBefore = balancer.failed;
    const started = Date.now();
    await Promise.all(Array.from({ length: concurrency }, worker));
    const seconds = (Date.now() - started) / 1000;
    expect(await stopped).toBe(0);
    expect({ non200: statuses.filter((s) => s !== 200), errors: balancer.errors }).toEqual({
      non200: [],
      errors: [],
    });
    expect(balancer.failed - failedBefore).toBe(0);
    latencies.sort((x, y) => x - y);
    figures.sigterm = {
      requests: total,
      concurrency,
      non200: 0,
      retriedByBalancer: balancer.retried,
      perSecond: Math.round(total / seconds),
      p50Ms: latencies[Math.floor(latencies.length / 2)],
      p95Ms: latencies[Math.floor(latencies.length * 0.95)],
    };
  }, 120_000);
});
