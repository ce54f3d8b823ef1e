import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../support/databases.js';
import { SecurityEvent } from '../../src/modules/audit/security-event.entity.js';
import { SecurityEventType } from '../../src/modules/audit/security-event.types.js';
import { codes, payload, seedUser, SESSION, signIn, type Viewer } from '../support/identity.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// A password sign-in costs a fixed few SQL statements (issue 12, item 5: at most 6), whatever it keeps:
// argon2id verification, the lockout and the throttle, the audit event and a new session cookie.

const MAX_STATEMENTS = 6;

describe.each(drivers)('a password sign-in on %s', (driver) => {
  let t: TestApp;
  const recorded: string[] = [];
  let recording = false;

  beforeAll(async () => {
    t = await startTestApp(driver);
    const logger = t.dataSource.logger;
    const logQuery = logger.logQuery.bind(logger);
    logger.logQuery = (query, parameters, runner) => {
      if (recording) recorded.push(query);
      logQuery(query, parameters, runner);
    };
  });
  afterAll(async () => {
    await t?.close();
  });

  it(`costs at most ${MAX_STATEMENTS} statements`, async () => {
    await seedUser(t.dataSource, 'counted-person');
    // A first sign-in by another person loads what a process reads once (the server's secret).
    await seedUser(t.dataSource, 'warm-person');
    await signIn(t.client(), 'warm-person');

    const client = t.client();
    recorded.length = 0;
    recording = true;
    const result = await signIn(client, 'counted-person');
    recording = false;
    const viewer = payload<{ viewer: Viewer | null }>(result).viewer;
    expect(viewer?.username).toBe('counted-person');
    expect(recorded.length, recorded.join('\n')).toBeLessThanOrEqual(MAX_STATEMENTS);

    // What the statements kept: the audit event, a working session cookie, and the argon2id check.
    const events = await t.dataSource
      .getRepository(SecurityEvent)
      .findBy({ userId: viewer!.id, type: SecurityEventType.SIGN_IN_SUCCEEDED });
    expect(events).toHaveLength(1);
    const session = (await client.gql(SESSION)).body.data?.session as { csrfToken: string } | null;
    expect(session?.csrfToken).toBeTruthy();
    expect(codes(await signIn(t.client(), 'counted-person', 'Wrong0pass'))).toEqual(['INVALID_CREDENTIALS']);
  });

  // Decision 0052: on SQLite a sign-in's writes after the check (the session, its SIGN_IN_SUCCEEDED, the
  // address's count given back) commit together; on MySQL each commits on its own (decision 0035).
  it.runIf(driver === 'sqlite')('commits its session and its audit event together, or neither', async () => {
    const person = await seedUser(t.dataSource, 'failing-person');
    await signIn(t.client(), 'failing-person');
    const sessions = async () =>
      Number(
        (
          await t.dataSource.query<Array<{ n: number }>>(
            'SELECT COUNT(*) AS n FROM user_session WHERE user_id = ?',
            [person.id],
          )
        )[0].n,
      );
    const addressCount = async () =>
      (await t.dataSource.query<Array<{ count: number }>>('SELECT count FROM address_throttle')).map((row) =>
        Number(row.count),
      );
    const before = { sessions: await sessions(), address: await addressCount() };
    await t.dataSource.query(
      "CREATE TRIGGER refuse_sign_in BEFORE INSERT ON security_event WHEN NEW.event_type = 'SIGN_IN_SUCCEEDED'" +
        " BEGIN SELECT RAISE(ABORT, 'refused'); END",
    );
    try {
      const result = await signIn(t.client(), 'failing-person');
      expect(result.body.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await t.dataSource.query('DROP TRIGGER refuse_sign_in');
    }
    // No session nobody holds the cookie of; the address's count was taken by the claim (its own commit)
    // and stays taken, as for a failure.
    expect(await sessions()).toBe(before.sessions);
    expect((await addressCount()).reduce((a, b) => a + b, 0)).toBe(
      before.address.reduce((a, b) => a + b, 0) + 1,
    );
  });
});
