import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../src/common/database/transactions.js';
import { publish } from '../../src/common/events/event-bus.js';
import { type DomainEvent } from '../../src/common/events/domain-events.js';
import { createLogger } from '../../src/common/logger.js';
import {
  importReferenceData,
  loadDemoReferenceData,
} from '../../src/modules/registry/reference-data.service.js';
import { WebhookDeliveryWorker } from '../../src/modules/webhooks/webhook-delivery.worker.js';
import { WebhookDelivery, WebhookEndpoint } from '../../src/modules/webhooks/webhooks.entities.js';
import { bearer, tokenSecret } from '../support/api-tokens.js';
import { drivers } from '../support/databases.js';
import { payload } from '../support/identity.js';
import {
  accountsOf,
  BN,
  end,
  establish,
  type Person,
  person,
  registerDirectly,
} from '../support/relationships.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Webhooks end to end (decision 0028): endpoints registered through GraphQL, domain events published on the
// real bus, the real delivery worker, and a real receiver process (tools/webhooks/webhooks-listen.mjs) that
// verifies every signature itself.

const listen = path.resolve(import.meta.dirname, '../../../tools/webhooks/webhooks-listen.mjs');

const CREATE = `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) {
  endpoint { id url eventTypes enabled } secret userErrors { field code message } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(endpointId: $id, input: $input) {
  endpoint { id url enabled } userErrors { code } } }`;
const ENDPOINTS = `query($id: ID!) { business(id: $id) { webhookEndpoints { id url enabled disabledReason
  recentDeliveries(first: 50) { id eventId eventType status attempts responseStatus lastError } } } }`;
const TEST = `mutation($id: ID!) { sendWebhookTestEvent(endpointId: $id) { delivery { id status } userErrors { code } } }`;
const RESEND = `mutation($id: ID!) { resendWebhookDelivery(deliveryId: $id) { delivery { id eventId status } userErrors { code } } }`;
const FEED = `query($after: String, $first: Int, $types: [String!]) { events(after: $after, first: $first, types: $types) {
  nodes { id type version time businessId programAccountId data } pageInfo { hasNextPage endCursor } } }`;

interface Line {
  n: number;
  at: string;
  id: string;
  verified: boolean;
  status: number;
  event: {
    id: string;
    type: string;
    businessId: string;
    programAccountId: string | null;
    data: Record<string, unknown>;
  };
}

interface Receiver {
  url: string;
  lines: Line[];
  stop(): void;
}

/** Starts the receiver process with the endpoint's secret; resolves once it listens. */
function receiver(secret: string, flags: string[] = []): Promise<Receiver> {
  const child: ChildProcess = spawn(
    process.execPath,
    [listen, '--port', '0', '--json', '--secret', secret, ...flags],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const lines: Line[] = [];
  return new Promise((resolve) => {
    createInterface({ input: child.stdout! }).on('line', (text) => {
      const line = JSON.parse(text) as Line & { listening?: number };
      if (line.listening !== undefined)
        resolve({ url: `http://127.0.0.1:${line.listening}/hook`, lines, stop: () => child.kill() });
      else lines.push(line);
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(drivers)('Webhooks on %s', (driver) => {
  let t: TestApp;
  let northernBam: Person;
  let mapleBam: Person;
  let coteBam: Person;
  let northern: string;
  let maple: string;
  let cote: string;
  let coteAccounts: Record<string, string>;
  let mapleRelationship: string;
  const log = createLogger('silent');
  const workers = () => new WebhookDeliveryWorker({ dataSource: t.dataSource, config: t.config, log });
  const receivers: Receiver[] = [];

  /** Runs workers until `done` holds (or fails after a few seconds). */
  async function drain(done: () => boolean | Promise<boolean>, count = 1) {
    const list = Array.from({ length: count }, workers);
    const deadline = Date.now() + 15_000;
    while (!(await done())) {
      if (Date.now() > deadline) throw new Error('drain: timed out');
      await Promise.all(list.map((w) => w.runOnce()));
      await sleep(30);
    }
  }

  async function emit(event: DomainEvent) {
    await inTransaction(t.dataSource, (manager) => publish(manager, event, t.clock.now()));
  }

  const security = (businessId: string, programAccountId: string, changeId: string): DomainEvent => ({
    type: 'SECURITY_CHANGE_SUBMITTED',
    payload: { businessId, programAccountId, changeId, submittedBy: coteBam.userId },
  });
  const contacts = (businessId: string, programAccountId: string): DomainEvent => ({
    type: 'PROGRAM_CONTACTS_CHANGED',
    payload: { businessId, programAccountId, changedBy: coteBam.userId },
  });

  /** Registers an endpoint of Northern, starts its receiver and points the endpoint at it. */
  async function endpoint(eventTypes: string[], flags: string[] = []) {
    const created = payload<{ endpoint: { id: string }; secret: string; userErrors: unknown[] }>(
      await northernBam.client.gql(CREATE, {
        input: {
          businessId: northern,
          url: 'http://127.0.0.1:9/hook',
          description: 'Broker system',
          eventTypes,
        },
      }),
    );
    expect(created.userErrors).toEqual([]);
    expect(created.secret).toMatch(/^whsec_/);
    const r = await receiver(created.secret, flags);
    receivers.push(r);
    const updated = payload<{ userErrors: unknown[] }>(
      await northernBam.client.gql(UPDATE, { id: created.endpoint.id, input: { url: r.url } }),
    );
    expect(updated.userErrors).toEqual([]);
    return { id: created.endpoint.id, secret: created.secret, receiver: r };
  }

  async function disable(id: string) {
    await northernBam.client.gql(UPDATE, { id, input: { enabled: false } });
  }

  const deliveriesOf = (endpointId: string) =>
    t.dataSource.getRepository(WebhookDelivery).find({ where: { endpointId }, order: { id: 'ASC' } });

  beforeAll(async () => {
    t = await startTestApp(driver, {
      env: {
        WEBHOOK_ALLOW_LOCAL_TARGETS: 'true',
        WEBHOOK_RETRY_BASE_MS: '100',
        WEBHOOK_TIMEOUT_MS: '400',
        WEBHOOK_MAX_ATTEMPTS: '4',
        WEBHOOK_DISABLE_AFTER_HOURS: '1',
      },
    });
    await importReferenceData(t.dataSource, await loadDemoReferenceData());
    northernBam = await person(t, 'NorthernBam2026', 'Nora', 'North');
    mapleBam = await person(t, 'MapleBam2026', 'Morgan', 'Maple');
    coteBam = await person(t, 'CoteBam2026', 'Camille', 'Côté');
    northern = await registerDirectly(t, BN.MAPLE, northernBam.userId);
    maple = await registerDirectly(t, BN.NORTHERN, mapleBam.userId);
    cote = await registerDirectly(t, BN.COTE, coteBam.userId);
    await registerDirectly(t, BN.TREMBLAY, coteBam.userId);
    coteAccounts = await accountsOf(t, BN.COTE);
    mapleRelationship = await establish(northernBam, northern, mapleBam, BN.NORTHERN);
    await establish(northernBam, northern, coteBam, BN.COTE, 'PROGRAM_MANAGEMENT', [
      Object.values(coteAccounts)[0],
    ]);
  });

  afterAll(async () => {
    for (const r of receivers) r.stop();
    await t?.close();
  });

  it('signs every delivery (the receiver verifies it) and shows it among the recent deliveries', async () => {
    const hook = await endpoint(['relationship.requested']);
    const asked = payload<{ relationship: { id: string }; userErrors: unknown[] }>(
      await northernBam.client.gql(
        `mutation($input: RequestRelationshipInput!) { requestRelationship(input: $input) { relationship { id } userErrors { code } } }`,
        { input: { providerBusinessId: northern, clientBusinessNumber: BN.TREMBLAY } },
      ),
    );
    expect(asked.userErrors).toEqual([]);
    await drain(() => hook.receiver.lines.length >= 1);
    const [line] = hook.receiver.lines;
    expect(line.verified).toBe(true);
    expect(line.event).toMatchObject({
      type: 'relationship.requested',
      businessId: northern,
      data: { relationshipId: asked.relationship.id, side: 'PROVIDER' },
    });
    expect(line.id).toBe(line.event.id);
    const listed = payload<{
      webhookEndpoints: Array<{ id: string; recentDeliveries: Array<Record<string, unknown>> }>;
    }>(await northernBam.client.gql(ENDPOINTS, { id: northern }));
    const mine = listed.webhookEndpoints.find((e) => e.id === hook.id)!;
    expect(mine.recentDeliveries[0]).toMatchObject({
      eventId: line.id,
      status: 'DELIVERED',
      responseStatus: 204,
      attempts: 1,
    });
    // The secret is never shown again.
    expect(JSON.stringify(listed)).not.toContain(hook.secret);

    // A test event, then a resend of it: the same webhook-id twice, both verified.
    const test = payload<{ delivery: { id: string } }>(await northernBam.client.gql(TEST, { id: hook.id }));
    await drain(() => hook.receiver.lines.length >= 2);
    expect(hook.receiver.lines[1].event.type).toBe('webhook.test');
    const resent = payload<{ delivery: { id: string }; userErrors: unknown[] }>(
      await northernBam.client.gql(RESEND, { id: test.delivery.id }),
    );
    expect(resent.userErrors).toEqual([]);
    await drain(() => hook.receiver.lines.length >= 3);
    expect(hook.receiver.lines[2].id).toBe(hook.receiver.lines[1].id);
    expect(hook.receiver.lines.every((l) => l.verified)).toBe(true);
    await disable(hook.id);
  });

  it('cuts by the access table at delivery: business management and program management, cell by cell', async () => {
    const hook = await endpoint([
      'financial_security.changed',
      'program_account.contacts_changed',
      'pad.created',
    ]);
    const [inScope, outOfScope] = Object.values(coteAccounts);
    const mapleAccount = Object.values(await accountsOf(t, BN.NORTHERN))[0];
    await emit(security(maple, mapleAccount, 'fs-maple')); // business management: FINANCIAL_SECURITY yes
    await emit(security(cote, inScope, 'fs-cote')); // program management: FINANCIAL_SECURITY denied
    await emit(contacts(cote, inScope)); // program management: PROGRAM_PROFILE within its accounts
    await emit(contacts(cote, outOfScope)); // … not outside them
    await emit({
      type: 'PAD_CREATED',
      payload: {
        businessId: maple,
        programAccountId: mapleAccount,
        agreementId: 'pad-1',
        createdBy: mapleBam.userId,
      },
    }); // PAD: no provider ever; not even a delivery row
    await drain(async () => (await deliveriesOf(hook.id)).every((d) => d.status !== 'PENDING'));
    const got = hook.receiver.lines.map((l) => [l.event.type, l.event.businessId, l.event.programAccountId]);
    expect(got).toEqual([
      ['financial_security.changed', maple, mapleAccount],
      ['program_account.contacts_changed', cote, inScope],
    ]);
    expect((await deliveriesOf(hook.id)).map((d) => d.status)).toEqual([
      'DELIVERED',
      'SKIPPED',
      'DELIVERED',
      'SKIPPED',
    ]);
    await disable(hook.id);
  });

  it('retries after 500s and timeouts with the backoff, keeping the order per business', async () => {
    const hook = await endpoint(
      ['program_account.contacts_changed'],
      ['--fail', '2', '--slow', '3', '--slow-ms', '900'],
    );
    const mapleAccounts = Object.values(await accountsOf(t, BN.NORTHERN));
    for (const account of mapleAccounts) await emit(contacts(maple, account));
    await drain(async () => (await deliveriesOf(hook.id)).every((d) => d.status === 'DELIVERED'));
    // At least once: the third attempt reached the receiver but answered after the sender's timeout, so the
    // event came twice in a row (same webhook-id, for the receiver to drop); the order held all the same.
    const delivered = hook.receiver.lines
      .filter((l) => l.status === 204)
      .map((l) => l.event.programAccountId);
    expect(delivered.filter((id, i) => id !== delivered[i - 1])).toEqual(mapleAccounts);
    const first = (await deliveriesOf(hook.id))[0];
    // Attempts 1 and 2 got a 500 after the timeout (a slow 500 is a timeout), attempt 3 timed out too, 4 delivered.
    expect(first.attempts).toBe(4);
    const atOf = hook.receiver.lines
      .filter((l) => l.event.programAccountId === mapleAccounts[0])
      .map((l) => Date.parse(l.at));
    // Backoff 100 ms, 200 ms, 400 ms plus the 400 ms timeouts: each gap longer than the one before.
    expect(atOf[1] - atOf[0]).toBeGreaterThanOrEqual(100);
    expect(atOf[2] - atOf[1]).toBeGreaterThanOrEqual(200);
    expect(atOf[3] - atOf[2]).toBeGreaterThanOrEqual(400);
    await disable(hook.id);
  });

  it('never sends a delivery twice under two workers, and keeps the order', async () => {
    const hook = await endpoint(['program_account.contacts_changed']);
    const account = Object.values(coteAccounts)[0];
    for (let i = 0; i < 12; i++) await emit(contacts(cote, account));
    const ids = (await deliveriesOf(hook.id)).map((d) => d.eventId);
    await drain(() => hook.receiver.lines.length >= 12, 2);
    await sleep(200);
    expect(hook.receiver.lines.map((l) => l.id)).toEqual(ids);
    await disable(hook.id);
  });

  it('sends nothing more about a client once the relationship has ended', async () => {
    const hook = await endpoint(['financial_security.changed', 'relationship.ended']);
    const mapleAccount = Object.values(await accountsOf(t, BN.NORTHERN))[0];
    await emit(security(maple, mapleAccount, 'before-end')); // queued while the relationship holds
    await end(mapleBam.client, mapleRelationship); // ended before the worker runs
    await emit(security(maple, mapleAccount, 'after-end')); // not even queued
    await drain(async () => (await deliveriesOf(hook.id)).every((d) => d.status !== 'PENDING'));
    expect(hook.receiver.lines.map((l) => l.event.type)).toEqual(['relationship.ended']);
    expect((await deliveriesOf(hook.id)).map((d) => [d.status, d.lastError])).toEqual([
      ['SKIPPED', 'NOT_VISIBLE'],
      ['DELIVERED', null],
    ]);
    await disable(hook.id);
  });

  it('the changes feed pages with an opaque cursor, filters by type and follows the table', async () => {
    const { secret } = await tokenSecret(northernBam.client, { businessId: northern });
    const seen: Array<{ type: string; businessId: string; programAccountId: string | null }> = [];
    let after: string | null = null;
    for (let page = 0; page < 50; page++) {
      const res = await bearer(t, secret, FEED, {
        after,
        first: 5,
        types: ['program_account.contacts_changed', 'financial_security.changed'],
      });
      expect(res.body.errors).toBeUndefined();
      const cost = (res.body.extensions?.cost as { requestedQueryCost: number }).requestedQueryCost;
      expect(cost).toBeLessThanOrEqual(5000);
      const feed = res.body.data!.events as {
        nodes: typeof seen;
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
      expect(feed.nodes.length).toBeLessThanOrEqual(5);
      seen.push(...feed.nodes);
      after = feed.pageInfo.endCursor;
      if (!feed.pageInfo.hasNextPage) break;
    }
    // Maple's relationship ended: none of its events; Côté's within the program scope only; no FS for Côté.
    expect(seen.some((e) => e.businessId === maple)).toBe(false);
    expect(
      seen.filter((e) => e.businessId === cote).every((e) => e.type === 'program_account.contacts_changed'),
    ).toBe(true);
    expect(new Set(seen.filter((e) => e.businessId === cote).map((e) => e.programAccountId))).toEqual(
      new Set([Object.values(coteAccounts)[0]]),
    );
    expect(seen.length).toBe(13); // 1 + 12 of Côté's in-scope account changes
    const bad = await bearer(t, secret, FEED, { after: 'not-a-cursor' });
    expect(bad.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('sends again, in order, the deliveries skipped while an endpoint was disabled once it is enabled again', async () => {
    const hook = await endpoint(['program_account.contacts_changed']);
    const account = Object.values(coteAccounts)[0];
    await emit(contacts(cote, account));
    await emit(contacts(cote, account));
    await disable(hook.id); // before any worker ran: both are skipped
    await drain(async () => (await deliveriesOf(hook.id)).every((d) => d.status !== 'PENDING'));
    expect((await deliveriesOf(hook.id)).map((d) => [d.status, d.lastError])).toEqual([
      ['SKIPPED', 'ENDPOINT_DISABLED'],
      ['SKIPPED', 'ENDPOINT_DISABLED'],
    ]);
    expect(hook.receiver.lines).toEqual([]);
    const enabled = payload<{ userErrors: unknown[] }>(
      await northernBam.client.gql(UPDATE, { id: hook.id, input: { enabled: true } }),
    );
    expect(enabled.userErrors).toEqual([]);
    await drain(async () => (await deliveriesOf(hook.id)).every((d) => d.status !== 'PENDING'));
    expect((await deliveriesOf(hook.id)).map((d) => [d.status, d.attempts])).toEqual([
      ['DELIVERED', 1],
      ['DELIVERED', 1],
    ]);
    expect(hook.receiver.lines.map((l) => l.id)).toEqual((await deliveriesOf(hook.id)).map((d) => d.eventId));
    await disable(hook.id);
  });

  it('disables an endpoint failing for longer than allowed and tells its business account managers', async () => {
    const hook = await endpoint(['program_account.contacts_changed'], ['--fail', '1000']);
    await emit(contacts(cote, Object.values(coteAccounts)[0]));
    await drain(async () => (await deliveriesOf(hook.id))[0].attempts >= 1);
    t.clock.advance(2 * 3_600_000);
    await drain(
      async () =>
        (await t.dataSource.getRepository(WebhookEndpoint).findOneByOrFail({ id: hook.id })).status ===
        'DISABLED',
    );
    const notices = await t.dataSource.query<Array<{ n: number }>>(
      "SELECT COUNT(*) AS n FROM notice WHERE recipient_user_id = ? AND subject_en LIKE 'A webhook endpoint was disabled%'",
      [northernBam.userId],
    );
    expect(Number(notices[0].n)).toBe(1);
    t.clock.advance(-2 * 3_600_000);
  });
});
