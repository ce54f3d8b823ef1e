import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type MailConfig } from '../../src/config/env.js';
import { createLogger } from '../../src/common/logger.js';
import { createMailTransport } from '../../src/common/mail/mail-transport.js';
import { backoffMs, MailOutboxWorker } from '../../src/modules/notices/mail-outbox.worker.js';
import { MailOutbox } from '../../src/modules/notices/notices.entities.js';
import { PersonRole } from '../../src/modules/users/user.types.js';
import { signedInPerson } from '../support/businesses.js';
import { drivers } from '../support/databases.js';
import { type GqlClient } from '../support/gql-client.js';
import { acceptTerms, payload, seedUser, signIn } from '../support/identity.js';
import { OUTBOX, seedNotices } from '../support/notices.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Notice emails through a real SMTP server (smtp-server on 127.0.0.1): retries with backoff, exactly one
// delivery per recipient across failures, restarts and concurrent workers, dead letters, urgent notices to
// the unsubscribed, the preferred language, HTML and text parts. And the default local sink (.eml files).

const BASE_MS = 1_000;
const MAX_ATTEMPTS = 3;
const LEASE_MS = 60_000;

describe.each(drivers)('notice emails on %s', (driver) => {
  let t: TestApp;
  let sink: SmtpSink;
  let french: { client: GqlClient; userId: string };
  let english: { client: GqlClient; userId: string };
  let officer: GqlClient;
  const outbox = () => t.dataSource.getRepository(MailOutbox);

  function mailConfig(overrides: Partial<MailConfig> = {}): MailConfig {
    return {
      ...t.config.mail,
      transport: 'smtp',
      smtpUrl: sink.url,
      maxAttempts: MAX_ATTEMPTS,
      retryBaseMs: BASE_MS,
      leaseMs: LEASE_MS,
      ...overrides,
    };
  }

  function worker(overrides: Partial<MailConfig> = {}): MailOutboxWorker {
    const mail = mailConfig(overrides);
    return new MailOutboxWorker({
      dataSource: t.dataSource,
      transport: createMailTransport(mail),
      mail,
      portalUrl: () => 'https://portal.example.ca',
      now: t.config.now,
      log: createLogger('silent'),
    });
  }

  /** Person-addressed notices to `userId`, through the writer (as an event or an officer would). */
  const notify = (userId: string, n: number, urgent = false) =>
    seedNotices(t, null as unknown as string, '', n, {
      businessId: null,
      recipientUserId: userId,
      urgent,
      subject: { en: 'Your access authorizations have changed', fr: 'Vos autorisations d’accès ont changé' },
      body: { en: 'Line one.\nLine <two>.', fr: 'Ligne un.\nLigne <deux>.' },
    });

  const idsOf = (received: SmtpSink['received']) => received.map((m) => m.messageId).sort();

  beforeAll(async () => {
    t = await startTestApp(driver);
    sink = await startSmtpSink();
    french = await signedInPerson(t, 'MailFrench2026', {
      email: 'francine@example.ca',
      emailConfirmation: 'francine@example.ca',
      receiveNoticeEmails: true,
      preferredLanguage: 'FR',
    });
    english = await signedInPerson(t, 'MailEnglish2026', {
      email: 'edward@example.ca',
      emailConfirmation: 'edward@example.ca',
      receiveNoticeEmails: false,
      preferredLanguage: 'EN',
    });
    await seedUser(t.dataSource, 'MailOffice2026', PersonRole.OFFICER);
    officer = t.client();
    await signIn(officer, 'MailOffice2026');
    await acceptTerms(officer);
  });
  beforeEach(async () => {
    sink.reset();
    await outbox().clear();
  });
  afterAll(async () => {
    await sink.close();
    await t.close();
  });

  it('an SMTP server that fails twice then accepts gets each message once, after backoff', async () => {
    await notify(french.userId, 3);
    const rows = await outbox().find();
    expect(rows).toHaveLength(3);
    sink.failFirst(2);
    const w = worker();
    expect(await w.runOnce()).toBe(3);
    expect(sink.received).toHaveLength(0);
    // Not due again before the backoff.
    expect(await w.runOnce()).toBe(0);
    t.clock.advance(backoffMs(BASE_MS, 1) + 10);
    expect(await w.runOnce()).toBe(3);
    expect(sink.received).toHaveLength(0);
    // The second wait is twice as long.
    t.clock.advance(backoffMs(BASE_MS, 1) + 10);
    expect(await w.runOnce()).toBe(0);
    t.clock.advance(backoffMs(BASE_MS, 2));
    expect(await w.runOnce()).toBe(3);
    expect(idsOf(sink.received)).toEqual(rows.map((r) => r.messageId).sort());
    const after = await outbox().find();
    expect(after.map((r) => [r.status, r.attempts])).toEqual(after.map(() => ['SENT', 3]));
    // Sent rows are never sent again.
    t.clock.advance(LEASE_MS * 2);
    expect(await w.runOnce()).toBe(0);
    expect(sink.received).toHaveLength(3);
  });

  it('gives up after MAIL_MAX_ATTEMPTS failures: a dead letter officers see and may retry', async () => {
    await notify(french.userId, 1);
    sink.failAlways(true);
    const w = worker();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      expect(await w.runOnce()).toBe(1);
      t.clock.advance(backoffMs(BASE_MS, attempt) + 10);
    }
    const [row] = await outbox().find();
    expect(row).toMatchObject({ status: 'DEAD', attempts: MAX_ATTEMPTS });
    expect(row.lastError).toContain('Mailbox unavailable');
    expect(row.lastError).not.toContain('francine@example.ca');
    t.clock.advance(LEASE_MS * 2);
    expect(await w.runOnce()).toBe(0);
    const summary = payload<{
      dead: number;
      deadLetters: Array<{ id: string; status: string; attempts: number; noticeSubject: string }>;
    }>(await officer.gql(OUTBOX));
    expect(summary.dead).toBe(1);
    expect(summary.deadLetters[0]).toMatchObject({ id: row.id, status: 'DEAD', attempts: MAX_ATTEMPTS });
    // Once the cause is fixed, an officer puts it back; it goes out once.
    sink.failAlways(false);
    const retried = await officer.gql('mutation($id: ID!) { retryMailDelivery(id: $id) }', { id: row.id });
    expect(payload<boolean>(retried)).toBe(true);
    expect(await w.runOnce()).toBe(1);
    expect(idsOf(sink.received)).toEqual([row.messageId]);
  });

  it('officers page through the dead letters, most recently failed first, and retry one', async () => {
    await notify(french.userId, 5);
    // Five dead letters, failed one second apart (the third and fourth at the same instant: the id decides).
    const rows = await outbox().find({ order: { id: 'ASC' } });
    const base = t.clock.now().getTime();
    const failedAt = [0, 1000, 2000, 2000, 3000];
    for (const [i, row] of rows.entries())
      await outbox().update(row.id, {
        status: 'DEAD',
        attempts: MAX_ATTEMPTS,
        lastError: '550 Mailbox unavailable',
        updatedAt: new Date(base + failedAt[i]),
      });
    const expected = [rows[4], rows[3], rows[2], rows[1], rows[0]].map((r) => r.id);
    const PAGE = `query($after: String) { mailDeadLetters(first: 2, after: $after) {
      edges { cursor node { id noticeSubject status attempts lastError } } pageInfo { hasNextPage endCursor } } }`;
    type Page = {
      edges: Array<{ node: { id: string; noticeSubject: string; status: string; lastError: string } }>;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Page = payload<Page>(await officer.gql(PAGE, { after }));
      seen.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
    const inFrench = payload<Page>(
      await officer.gql(PAGE, { after: null }, { headers: { 'accept-language': 'fr' } }),
    );
    expect(inFrench.edges[0]?.node).toMatchObject({
      noticeSubject: 'Vos autorisations d’accès ont changé',
      status: 'DEAD',
      lastError: '550 Mailbox unavailable',
    });
    // A bad cursor is a clear error; a person who is not an officer gets nothing.
    const bad = await officer.gql(PAGE, { after: 'not-a-cursor' });
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const refused = await french.client.gql(PAGE, { after: null });
    expect(refused.body.data).toBeNull();
    // Retried, it leaves the list.
    expect(
      payload<boolean>(
        await officer.gql('mutation($id: ID!) { retryMailDelivery(id: $id) }', { id: expected[0] }),
      ),
    ).toBe(true);
    const rest = payload<Page>(await officer.gql(PAGE, { after: null }));
    expect(rest.edges.map((e) => e.node.id)).toEqual(expected.slice(1, 3));
  });

  it('a restart mid-send sends no duplicate: the message in flight is recorded, the rest handed back', async () => {
    await notify(french.userId, 3);
    sink.holdFor(300);
    const first = worker();
    const inFlight = sink.nextDelivery();
    const round = first.runOnce();
    await inFlight;
    // SIGTERM while the first message is in flight: stop waits for it and records it.
    await first.stop();
    expect(await round).toBe(1);
    expect(sink.received).toHaveLength(1);
    sink.holdFor(0);
    // The next process: the two not started are due at once (no lease left on them); the sent one is done.
    const second = worker();
    expect(await second.runOnce()).toBe(2);
    const rows = await outbox().find();
    expect(idsOf(sink.received)).toEqual(rows.map((r) => r.messageId).sort());
    expect(rows.map((r) => [r.status, r.attempts])).toEqual(rows.map(() => ['SENT', 1]));
  });

  it('a worker that died holding rows: nobody sends them until its lease runs out, then once', async () => {
    await notify(french.userId, 2);
    const crashed = worker();
    const claimed = await crashed.claim();
    expect(claimed.rows).toHaveLength(2);
    // ...and the process dies here, before sending.
    const next = worker();
    expect(await next.runOnce()).toBe(0);
    t.clock.advance(LEASE_MS + 10);
    expect(await next.runOnce()).toBe(2);
    expect(await next.runOnce()).toBe(0);
    expect(sink.received).toHaveLength(2);
  });

  it('two workers at once never send the same message twice', async () => {
    await notify(french.userId, 12);
    const [a, b] = [worker(), worker()];
    let handled = 0;
    for (;;) {
      const [x, y] = await Promise.all([a.runOnce(), b.runOnce()]);
      handled += x + y;
      if (x + y === 0) break;
    }
    expect(handled).toBe(12);
    expect(sink.received).toHaveLength(12);
    expect(new Set(idsOf(sink.received)).size).toBe(12);
  });

  it('urgent notices reach the unsubscribed; each in the preferred language, HTML and text, with a stable Message-ID', async () => {
    await notify(english.userId, 1);
    expect(await outbox().count()).toBe(0);
    await notify(english.userId, 1, true);
    await notify(french.userId, 1, true);
    expect(await worker().runOnce()).toBe(2);
    const byTo = Object.fromEntries(sink.received.map((m) => [m.to[0], m]));
    const en = byTo['edward@example.ca'];
    const fr = byTo['francine@example.ca'];
    expect(en.subject).toBe('Urgent notice: Your access authorizations have changed');
    expect(fr.subject).toBe('Avis urgent: Vos autorisations d’accès ont changé');
    expect(en.headers['content-language']).toBe('en');
    expect(fr.headers['content-language']).toBe('fr');
    expect(en.text).toContain('Line one.\nLine <two>.');
    expect(en.text).toMatch(
      /Read this notice in the portal: https:\/\/portal\.example\.ca\/en\/notices\/[0-9a-f-]{36}/,
    );
    expect(fr.text).toContain('Lire cet avis dans le portail: https://portal.example.ca/fr/notices/');
    expect(fr.text).toContain('même à celles qui se sont désabonnées');
    expect(en.html).toContain('<html lang="en">');
    expect(en.html).toContain('<p>Line &lt;two&gt;.</p>');
    expect(fr.html).toContain('<html lang="fr">');
    expect(fr.html).toContain('Ligne &lt;deux&gt;.');
    const rows = await outbox().find();
    expect(idsOf(sink.received)).toEqual(rows.map((r) => r.messageId).sort());
  });

  it('by default writes each message as an .eml file under DATA_DIR/mail, the same file on a resend', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-mail-'));
    try {
      await notify(french.userId, 1);
      const w = worker({ transport: 'file', smtpUrl: undefined, fileDir: dir });
      expect(await w.runOnce()).toBe(1);
      const files = readdirSync(dir);
      expect(files).toHaveLength(1);
      const eml = readFileSync(path.join(dir, files[0]), 'utf8');
      const [row] = await outbox().find();
      expect(eml).toContain(`Message-ID: ${row.messageId}`);
      expect(eml).toContain('To: francine@example.ca');
      expect(eml).toMatch(/Content-Type: text\/plain/);
      expect(eml).toMatch(/Content-Type: text\/html/);
      await createMailTransport({ ...mailConfig(), transport: 'file', fileDir: dir }).send({
        to: 'francine@example.ca',
        subject: 'again',
        text: 'again',
        html: '<p>again</p>',
        messageId: row.messageId,
        language: 'fr',
      });
      expect(readdirSync(dir)).toEqual(files);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
