import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecurityEvent } from '../../src/modules/audit/security-event.entity.js';
import { createOfficer } from '../../src/modules/officers/officers.service.js';
import { User } from '../../src/modules/users/user.entity.js';
import { drivers } from '../support/databases.js';
import { type GqlResult } from '../support/gql-client.js';
import {
  CHALLENGE,
  LOCKED_CREDENTIALS,
  ME,
  PASSWORD,
  RECOVERY,
  RESET,
  UNLOCK,
  USERNAME_AVAILABLE,
  acceptTerms,
  codes,
  payload,
  seedUser,
  signIn,
  userErrors,
  type Viewer,
} from '../support/identity.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const MINUTE = 60_000;
const OFFICER_PASSWORD = 'Of9cerPw!x';

/** The response as the caller sees it, for comparing two of them. */
// What a caller sees of an answer, less the cost budget (extensions.cost): it drains with every request of
// the address, whatever the username, so two answers in a row differ there by design and tell nothing.
const visible = (result: GqlResult) => {
  const { extensions, ...body } = (result.body ?? {}) as { extensions?: Record<string, unknown> };
  const { cost: _cost, ...rest } = extensions ?? {};
  return { status: result.status, body: Object.keys(rest).length ? { ...body, extensions: rest } : body };
};

const INVALID = [
  { field: [], code: 'INVALID_CREDENTIALS', message: 'The username or password is not correct.' },
];
const LOCKED = [
  {
    field: [],
    code: 'LOCKED',
    message: 'Too many failed attempts: this credential is locked. Try again in 30 min.',
  },
];

describe.each(drivers)('lockout, throttling, recovery and officers on %s', (driver) => {
  let t: TestApp;
  let officerId: string;

  beforeAll(async () => {
    // Default lockout (5 failures, 30 minutes); small address limits so throttling shows quickly.
    t = await startTestApp(driver, { env: { ADDRESS_FAILURE_LIMIT: '8', ADDRESS_LOOKUP_LIMIT: '5' } });
    await seedUser(t.dataSource, 'Verrou2026');
    await seedUser(t.dataSource, 'Oubli2026');
    const officer = await createOfficer(t.dataSource, t.config, {
      username: 'AgentSmith1',
      password: OFFICER_PASSWORD,
    });
    if (!officer.ok) throw new Error('officer not created');
    officerId = officer.user.id;
  });
  afterAll(async () => t?.close());

  const reset = (username: string, overrides: Record<string, string> = {}, ip = '192.0.2.50') =>
    t.client({ ip }).gql(RESET, {
      input: {
        username,
        answer: RECOVERY.answer,
        memorablePerson: RECOVERY.memorablePerson,
        memorableDate: RECOVERY.memorableDate,
        newPassword: 'Nouv3au!Pw',
        newPasswordConfirmation: 'Nouv3au!Pw',
        ...overrides,
      },
    });

  it('locks at exactly 5 consecutive failures, not before, with the same answers for an unknown username', async () => {
    const existing = t.client({ ip: '192.0.2.10' });
    const unknown = t.client({ ip: '192.0.2.11' });
    for (let attempt = 1; attempt <= 5; attempt++) {
      const a = await signIn(existing, 'Verrou2026', `Wrong${attempt}pass`);
      const b = await signIn(unknown, 'Nobody2026', `Wrong${attempt}pass`);
      expect(visible(a), `attempt ${attempt}`).toEqual(visible(b));
      expect(userErrors(a), `attempt ${attempt}`).toEqual(attempt < 5 ? INVALID : LOCKED);
      expect(a.setCookies).toEqual([]);
    }
    // Locked: even the right password is refused, and the answer is the same as for the unknown username.
    const right = await signIn(existing, 'verrou2026', PASSWORD);
    const other = await signIn(unknown, 'NOBODY2026', PASSWORD);
    expect(userErrors(right)).toEqual(LOCKED);
    expect(visible(right)).toEqual(visible(other));

    const user = await t.dataSource.getRepository(User).findOneByOrFail({ usernameKey: 'verrou2026' });
    const events = await t.dataSource
      .getRepository(SecurityEvent)
      .find({ where: { userId: user.id }, order: { id: 'ASC' } });
    expect(events.map((e) => e.type)).toEqual([
      'SIGN_IN_FAILED',
      'SIGN_IN_FAILED',
      'SIGN_IN_FAILED',
      'SIGN_IN_FAILED',
      'SIGN_IN_FAILED',
      'CREDENTIAL_LOCKED',
    ]);
    expect(events[0]?.ipAddress).toBe('192.0.2.10');
  });

  it('lets an officer list and unlock locked credentials, recorded with the officer as actor', async () => {
    const person = t.client({ ip: '192.0.2.20' });
    expect(codes(await signIn(person, 'Oubli2026'))).toEqual([]);
    expect((await person.gql(LOCKED_CREDENTIALS)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(
      (await person.gql('{ lockedCredentialsConnection { totalCount } }')).body.errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');

    const officer = t.client({ ip: '192.0.2.21' });
    const signedIn = payload<{ viewer: Viewer }>(await signIn(officer, 'AgentSmith1', OFFICER_PASSWORD));
    expect(signedIn.viewer).toMatchObject({
      role: 'OFFICER',
      credentialKind: 'LOCAL',
      username: 'AgentSmith1',
    });
    const beforeTerms = await officer.gql(LOCKED_CREDENTIALS);
    expect(beforeTerms.body.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'TERMS_NOT_ACCEPTED',
    });
    await acceptTerms(officer);

    const locked = (await officer.gql(LOCKED_CREDENTIALS)).body.data?.lockedCredentials as Array<
      Record<string, unknown>
    >;
    // The unknown username's lock is not listed: there is nobody to unlock.
    expect(locked.map(({ username, failedAttempts }) => ({ username, failedAttempts }))).toEqual([
      { username: 'Verrou2026', failedAttempts: 5 },
    ]);
    expect(new Date(String(locked[0]?.lockedUntil)).getTime()).toBeGreaterThan(Date.now() + 25 * MINUTE);
    // The connection that replaces the list gives the same credentials, a page at a time.
    const connection = await officer.gql(
      '{ lockedCredentialsConnection(first: 1) { edges { node { userId } } pageInfo { hasNextPage } totalCount } }',
    );
    expect(connection.body.data?.lockedCredentialsConnection).toEqual({
      edges: [{ node: { userId: locked[0].userId } }],
      pageInfo: { hasNextPage: false },
      totalCount: 1,
    });
    const userId = locked[0].userId as string;
    expect(payload(await officer.gql(UNLOCK, { userId: 'no-such-person' }))).toEqual({
      unlocked: false,
      userErrors: [{ field: ['userId'], code: 'NOT_FOUND', message: 'No person has this identifier.' }],
    });
    expect(payload(await officer.gql(UNLOCK, { userId }))).toEqual({ unlocked: true, userErrors: [] });
    expect(payload(await officer.gql(UNLOCK, { userId }))).toEqual({ unlocked: false, userErrors: [] });
    expect((await officer.gql(LOCKED_CREDENTIALS)).body.data?.lockedCredentials).toEqual([]);

    const unlocked = await t.dataSource
      .getRepository(SecurityEvent)
      .findOneByOrFail({ userId, type: 'CREDENTIAL_UNLOCKED' as never });
    expect(unlocked).toMatchObject({ actorId: officerId, ipAddress: '192.0.2.21' });
    expect(codes(await signIn(t.client({ ip: '192.0.2.10' }), 'Verrou2026'))).toEqual([]);
  });

  it('forgets failures after a successful sign-in and after a lock runs out', async () => {
    const client = t.client({ ip: '192.0.2.30' });
    for (let i = 0; i < 4; i++)
      expect(codes(await signIn(client, 'Verrou2026', 'Wrong0pass'))).toEqual(['INVALID_CREDENTIALS']);
    expect(codes(await signIn(client, 'Verrou2026'))).toEqual([]);
    // Counting starts again: 4 more failures do not lock.
    const again = t.client({ ip: '192.0.2.31' });
    for (let i = 0; i < 4; i++)
      expect(codes(await signIn(again, 'Verrou2026', 'Wrong0pass'))).toEqual(['INVALID_CREDENTIALS']);
    expect(codes(await signIn(again, 'Verrou2026', 'Wrong0pass'))).toEqual(['LOCKED']);
    t.clock.advance(29 * MINUTE);
    expect(codes(await signIn(again, 'Verrou2026'))).toEqual(['LOCKED']);
    t.clock.advance(2 * MINUTE);
    expect(codes(await signIn(again, 'Verrou2026', 'Wrong0pass'))).toEqual(['INVALID_CREDENTIALS']);
    expect(codes(await signIn(again, 'Verrou2026'))).toEqual([]);
  });

  it('a right password clears the failures before it: the next ones count from zero again', async () => {
    await seedUser(t.dataSource, 'Compte2026');
    expect(userErrors(await signIn(t.client({ ip: '192.0.2.71' }), 'Compte2026', 'Wrong1pass'))).toEqual(
      INVALID,
    );
    expect(userErrors(await signIn(t.client({ ip: '192.0.2.71' }), 'Compte2026'))).toEqual([]);
    // Cleared: 4 more failures do not lock (a fifth on top of the first would have).
    for (let i = 0; i < 4; i += 1)
      expect(userErrors(await signIn(t.client({ ip: '192.0.2.72' }), 'Compte2026', 'Wrong1pass'))).toEqual(
        INVALID,
      );
    expect(userErrors(await signIn(t.client({ ip: '192.0.2.72' }), 'Compte2026'))).toEqual([]);
  });

  it('throttles an address after 8 failures in 15 minutes, whatever the usernames, with the time to wait', async () => {
    const noisy = t.client({ ip: '198.51.100.99' });
    for (let i = 1; i <= 8; i++)
      expect(codes(await signIn(noisy, `Guess${i}user`, 'Wrong0pass'))).toEqual(['INVALID_CREDENTIALS']);
    const throttled = await signIn(noisy, 'Verrou2026', PASSWORD);
    expect(userErrors(throttled)).toEqual([
      { field: [], code: 'THROTTLED', message: 'Too many attempts from your network. Try again in 15 min.' },
    ]);
    const fr = await noisy.gql(
      'mutation { signIn(input: { username: "Verrou2026", password: "x" }) { userErrors { message } } }',
      undefined,
      { headers: { 'accept-language': 'fr' } },
    );
    expect(userErrors(fr)[0]?.message).toBe(
      'Trop de tentatives à partir de votre réseau. Réessayez dans 15 min.',
    );
    expect(codes(await signIn(t.client({ ip: '198.51.100.98' }), 'Verrou2026'))).toEqual([]);
    t.clock.advance(15 * MINUTE);
    expect(codes(await signIn(noisy, 'Verrou2026'))).toEqual([]);
  });

  it('throttles username lookups per address', async () => {
    const prober = t.client({ ip: '198.51.100.50' });
    for (let i = 0; i < 5; i++) {
      const res = await prober.gql(USERNAME_AVAILABLE, { username: `Probe${i}name` });
      expect(res.body.data?.usernameAvailable).toBe(true);
    }
    const refused = await prober.gql(USERNAME_AVAILABLE, { username: 'Probe9name' });
    expect(refused.body.errors?.[0]).toMatchObject({
      message: 'Too many attempts from your network. Try again in 15 min.',
      extensions: { code: 'THROTTLED' },
    });
    expect(String(refused.body.errors?.[0]?.extensions?.retryAt)).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect((await prober.gql(CHALLENGE, { username: 'Oubli2026' })).body.errors?.[0]?.extensions?.code).toBe(
      'THROTTLED',
    );
  });

  it('shows the recovery question and hints; an unknown username gets a stable plausible question and no hints', async () => {
    const asker = t.client({ ip: '198.51.100.60' });
    const known = await asker.gql(CHALLENGE, { username: 'oubli2026' });
    expect(known.body.data?.passwordRecoveryChallenge).toEqual({
      question: { id: 'first-pet', text: 'What was the name of your first pet?' },
      memorablePersonHint: "Ma tante d'Amérique",
      memorableDateHint: 'Un été chaud',
    });
    const first = (await asker.gql(CHALLENGE, { username: 'Inconnu2026' })).body.data
      ?.passwordRecoveryChallenge as {
      question: { id: string };
    };
    const second = (
      await t.client({ ip: '198.51.100.61', lang: 'fr' }).gql(CHALLENGE, { username: 'INCONNU2026' })
    ).body.data?.passwordRecoveryChallenge as { question: { id: string; text: string } };
    expect(first).toMatchObject({ memorablePersonHint: null, memorableDateHint: null });
    expect(second.question.id).toBe(first.question.id);
    expect(second.question.text).toMatch(/\?$/);
    const ids = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const res = await t
        .client({ ip: `198.51.100.${70 + i}` })
        .gql(CHALLENGE, { username: `Ghost${i}user` });
      ids.add((res.body.data?.passwordRecoveryChallenge as { question: { id: string } }).question.id);
    }
    expect([...ids].every((id) => /^[a-z-]+$/.test(id))).toBe(true);
  });

  it('resets a forgotten password with the right answers (any case and spacing, accents kept), without signing in', async () => {
    const before = t.client({ ip: '192.0.2.40' });
    await signIn(before, 'Oubli2026');

    const accentless = await reset('Oubli2026', { memorablePerson: 'Tante Helene' });
    expect(userErrors(accentless)).toEqual([
      {
        field: [],
        code: 'RECOVERY_FAILED',
        message: 'We could not confirm your identity with these answers.',
      },
    ]);
    const weak = await reset('Oubli2026', { newPassword: 'oubli', newPasswordConfirmation: 'oubli' });
    expect(codes(weak)).toEqual(['TOO_SHORT', 'MISSING_UPPERCASE', 'MISSING_DIGIT', 'SHARES_USERNAME']);

    const done = await reset('OUBLI2026', { answer: '  PISTACHE ', memorablePerson: 'tante   HÉLÈNE' });
    expect(payload(done)).toEqual({ signedOut: true, userErrors: [] });
    expect(done.setCookies).toEqual([]);
    expect((await before.gql(ME)).body.data?.me).toBeNull();
    expect(codes(await signIn(t.client({ ip: '192.0.2.40' }), 'Oubli2026'))).toEqual(['INVALID_CREDENTIALS']);
    const after = t.client({ ip: '192.0.2.40' });
    expect(codes(await signIn(after, 'Oubli2026', 'Nouv3au!Pw'))).toEqual([]);
    const events = ((await after.gql(ME)).body.data?.me as { recentSecurityEvents: Array<{ type: string }> })
      .recentSecurityEvents;
    expect(events.map((e) => e.type).slice(0, 4)).toEqual([
      'SIGN_IN_SUCCEEDED',
      'SIGN_IN_FAILED',
      'PASSWORD_RECOVERED',
      'PASSWORD_RECOVERY_FAILED',
    ]);
  });

  it('counts failed recoveries toward the same lockout as sign-ins, for unknown usernames alike', async () => {
    const sameFor = async (attempt: () => Promise<GqlResult>, ghost: () => Promise<GqlResult>) => {
      const a = await attempt();
      const b = await ghost();
      expect(visible(a)).toEqual(visible(b));
      return codes(a);
    };
    const wrong = { answer: 'Caramel' };
    // 2 failed sign-ins and 2 failed recoveries...
    expect(
      await sameFor(
        () => signIn(t.client({ ip: '192.0.2.60' }), 'Oubli2026', 'Wrong0pass'),
        () => signIn(t.client({ ip: '192.0.2.61' }), 'Fantome2026', 'Wrong0pass'),
      ),
    ).toEqual(['INVALID_CREDENTIALS']);
    expect(
      await sameFor(
        () => signIn(t.client({ ip: '192.0.2.60' }), 'Oubli2026', 'Wrong0pass'),
        () => signIn(t.client({ ip: '192.0.2.61' }), 'Fantome2026', 'Wrong0pass'),
      ),
    ).toEqual(['INVALID_CREDENTIALS']);
    expect(
      await sameFor(
        () => reset('Oubli2026', wrong, '192.0.2.60'),
        () => reset('Fantome2026', wrong, '192.0.2.61'),
      ),
    ).toEqual(['RECOVERY_FAILED']);
    expect(
      await sameFor(
        () => reset('Oubli2026', wrong, '192.0.2.60'),
        () => reset('Fantome2026', wrong, '192.0.2.61'),
      ),
    ).toEqual(['RECOVERY_FAILED']);
    // ...then the 5th failure, a recovery, locks.
    expect(
      await sameFor(
        () => reset('Oubli2026', wrong, '192.0.2.60'),
        () => reset('Fantome2026', wrong, '192.0.2.61'),
      ),
    ).toEqual(['LOCKED']);
    expect(codes(await signIn(t.client({ ip: '192.0.2.62' }), 'Oubli2026', 'Nouv3au!Pw'))).toEqual([
      'LOCKED',
    ]);
    // A locked credential cannot be recovered either, even with the right answers.
    expect(codes(await reset('Oubli2026', {}, '192.0.2.62'))).toEqual(['LOCKED']);
  });
});
