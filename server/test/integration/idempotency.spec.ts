import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientGroup } from '../../src/modules/client-groups/client-groups.entities.js';
import { IdempotencyKey } from '../../src/modules/idempotency/idempotency.entities.js';
import {
  KEY_MAX_LENGTH,
  KEY_TTL_MS,
  sweepIdempotencyKeys,
} from '../../src/modules/idempotency/idempotency.service.js';
import {
  importReferenceData,
  loadDemoReferenceData,
} from '../../src/modules/registry/reference-data.service.js';
import { bearer, tokenSecret } from '../support/api-tokens.js';
import { drivers } from '../support/databases.js';
import { BN, type Person, person, registerDirectly } from '../support/relationships.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// `Idempotency-Key` on mutations (docs/api.md "Idempotent writes", decision 0029), through HTTP with a real
// token and a real person, on each database.

const CREATE_GROUP = `mutation($input: CreateClientGroupInput!) { createClientGroup(input: $input) {
  group { id name } userErrors { code } } }`;

describe.each(drivers)('Idempotency keys on %s', (driver) => {
  let t: TestApp;
  let bam: Person;
  let maple: string;
  let secret: string;
  let other: string;

  const groupsNamed = (name: string) =>
    t.dataSource.getRepository(ClientGroup).countBy({ providerBusinessId: maple, name });
  const create = (name: string, key?: string, who = secret, lang = 'en') =>
    bearer(
      t,
      who,
      CREATE_GROUP,
      { input: { providerBusinessId: maple, name } },
      { 'accept-language': lang, ...(key === undefined ? {} : { 'idempotency-key': key }) },
    );

  beforeAll(async () => {
    t = await startTestApp(driver);
    await importReferenceData(t.dataSource, await loadDemoReferenceData());
    bam = await person(t, 'IdemBam2026', 'Ida', 'Empotent');
    maple = await registerDirectly(t, BN.MAPLE, bam.userId);
    secret = (await tokenSecret(bam.client, { businessId: maple, scope: 'READ_WRITE' })).secret;
    other = (await tokenSecret(bam.client, { businessId: maple, scope: 'READ_WRITE', name: 'Other' })).secret;
  });
  afterAll(async () => t?.close());

  it('a retry with the same key answers the first answer and changes nothing', async () => {
    const first = await create('Replayed', 'key-replay-1');
    expect(first.status).toBe(200);
    const group = (first.body.data!.createClientGroup as { group: { id: string } }).group;
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const again = await create('Replayed', 'key-replay-1');
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.data).toEqual(first.body.data);
    expect((again.body.data!.createClientGroup as { group: { id: string } }).group.id).toBe(group.id);
    expect(await groupsNamed('Replayed')).toBe(1);
    // Without a key the same request runs again (and meets the name rule).
    const without = await create('Replayed');
    expect(without.body.data!.createClientGroup).toMatchObject({ group: null });
  });

  it('the same key with another request is refused in both languages and changes nothing', async () => {
    await create('First of key', 'key-reused');
    for (const lang of ['en', 'fr']) {
      const misuse = await create('Second of key', 'key-reused', secret, lang);
      expect(misuse.status).toBe(422);
      expect(misuse.body.data ?? null).toBeNull();
      expect(misuse.body.errors![0].extensions).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
      expect(misuse.body.errors![0].message).toContain(lang === 'en' ? 'different request' : 'autre requête');
    }
    expect(await groupsNamed('Second of key')).toBe(0);
  });

  it('keys belong to their caller: another token may use the same key for its own request', async () => {
    await create('Caller A', 'key-shared');
    const b = await create('Caller B', 'key-shared', other);
    expect(b.headers.get('idempotent-replayed')).toBeNull();
    expect(b.body.data!.createClientGroup).toMatchObject({ group: { name: 'Caller B' }, userErrors: [] });
    // A person's key is theirs too (the same person as the tokens' creator, yet another caller).
    const mine = await bam.client.gql(
      CREATE_GROUP,
      { input: { providerBusinessId: maple, name: 'Caller person' } },
      { headers: { 'idempotency-key': 'key-shared' } },
    );
    expect(mine.body.data!.createClientGroup).toMatchObject({ userErrors: [] });
    const replay = await bam.client.gql(
      CREATE_GROUP,
      { input: { providerBusinessId: maple, name: 'Caller person' } },
      { headers: { 'idempotency-key': 'key-shared' } },
    );
    expect(replay.body.data).toEqual(mine.body.data);
    expect(await groupsNamed('Caller person')).toBe(1);
  });

  it(`keys are 1 to ${KEY_MAX_LENGTH} visible ASCII characters: at the bound and just over`, async () => {
    const longest = 'k'.repeat(KEY_MAX_LENGTH);
    const ok = await create('Longest key', longest);
    expect(ok.status).toBe(200);
    expect(await t.dataSource.getRepository(IdempotencyKey).countBy({ key: longest })).toBe(1);
    for (const [key, reason] of [
      ['k'.repeat(KEY_MAX_LENGTH + 1), 'TOO_LONG'],
      ['', 'EMPTY'],
      ['two words', 'INVALID_CHARACTERS'],
      ['clé', 'INVALID_CHARACTERS'],
    ] as const) {
      const refused = await create(`Refused ${reason}`, key, secret, 'fr');
      expect(refused.status, key).toBe(400);
      expect(refused.body.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        argument: 'Idempotency-Key',
        reason,
      });
      expect(refused.body.errors![0].message).toContain('Idempotency-Key');
      expect(await groupsNamed(`Refused ${reason}`)).toBe(0);
    }
  });

  it('two concurrent requests with one key: one runs, the other gets its answer', async () => {
    const answers = await Promise.all([
      create('Concurrent', 'key-concurrent'),
      create('Concurrent', 'key-concurrent'),
      create('Concurrent', 'key-concurrent'),
    ]);
    for (const answer of answers) expect(answer.status).toBe(200);
    expect(answers[1].body.data).toEqual(answers[0].body.data);
    expect(answers[2].body.data).toEqual(answers[0].body.data);
    expect(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true')).toHaveLength(2);
    expect(await groupsNamed('Concurrent')).toBe(1);
  });

  it('a request still running under the key past the wait is a conflict; a dead one is taken over', async () => {
    // A key held by a request that is running (lease in the future) — as if it were slow.
    const now = t.clock.now();
    const row = {
      caller: 'placeholder',
      key: 'key-held',
      requestHash: '',
      status: 'IN_PROGRESS',
      leaseOwner: 'someone',
      leaseUntil: new Date(now.getTime() + 60_000),
      response: null,
      httpStatus: null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + KEY_TTL_MS),
    };
    // Learn this token's caller and request hash from a first run under another key.
    await create('Held', 'key-probe');
    const probe = await t.dataSource.getRepository(IdempotencyKey).findOneByOrFail({ key: 'key-probe' });
    await t.dataSource.getRepository(IdempotencyKey).delete({ caller: probe.caller });
    await t.dataSource
      .getRepository(IdempotencyKey)
      .insert({ ...row, caller: probe.caller, requestHash: probe.requestHash });
    // The same request as the probe ('Held'), so the hashes match: busy, then a conflict after the wait.
    const started = Date.now();
    const busy = await create('Held', 'key-held');
    expect(Date.now() - started).toBeGreaterThanOrEqual(4_000);
    expect(busy.status).toBe(409);
    expect(busy.body.errors![0].extensions).toMatchObject({ code: 'IDEMPOTENCY_KEY_IN_USE' });
    expect(busy.headers.get('retry-after')).toBe('1');
    // Its lease ends (the request died): the next retry takes the key over and runs.
    t.clock.advance(61_000);
    const taken = await create('Held', 'key-held');
    expect(taken.status).toBe(200);
    expect(taken.headers.get('idempotent-replayed')).toBeNull();
    const stored = await t.dataSource
      .getRepository(IdempotencyKey)
      .findOneByOrFail({ caller: probe.caller, key: 'key-held' });
    expect(stored.status).toBe('DONE');
  }, 20_000);

  it('after 24 hours a key is forgotten: the sweep deletes it and the key runs a request again', async () => {
    await create('Expiring', 'key-expiring');
    t.clock.advance(KEY_TTL_MS + 1000);
    const swept = await sweepIdempotencyKeys(t.dataSource, t.clock.now());
    expect(swept).toBeGreaterThan(0);
    expect(await t.dataSource.getRepository(IdempotencyKey).countBy({ key: 'key-expiring' })).toBe(0);
    const again = await create('Expiring again', 'key-expiring');
    expect(again.headers.get('idempotent-replayed')).toBeNull();
    expect(again.body.data!.createClientGroup).toMatchObject({ userErrors: [] });
  });

  it('queries ignore the header; anonymous mutations with a key are refused', async () => {
    const query = await bearer(t, secret, '{ viewerBusiness { id } }', {}, { 'idempotency-key': 'q' });
    expect(query.body.data).toEqual({ viewerBusiness: { id: maple } });
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'anon-1' },
      body: JSON.stringify({
        query: 'mutation { signOut { signedOut } }',
      }),
    });
    const body = (await res.json()) as { errors?: Array<{ extensions: Record<string, unknown> }> };
    expect(body.errors?.[0].extensions).toMatchObject({ reason: 'IDEMPOTENCY_KEY_NEEDS_CALLER' });
  });
});
