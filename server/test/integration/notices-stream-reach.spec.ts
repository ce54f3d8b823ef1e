import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  importReferenceData,
  loadDemoReferenceData,
} from '../../src/modules/registry/reference-data.service.js';
import { BusinessRole } from '../../src/modules/businesses/businesses.types.js';
import { PersonRole } from '../../src/modules/users/user.types.js';
import { REVOKE_TOKEN, tokenSecret } from '../support/api-tokens.js';
import { drivers } from '../support/databases.js';
import { openEventStream, type EventStream } from '../support/event-stream.js';
import { type GqlClient } from '../support/gql-client.js';
import { acceptTerms, payload, seedUser, signIn } from '../support/identity.js';
import { POST_NOTICE, UNREAD } from '../support/notices.js';
import {
  accountsOf,
  BN,
  end,
  establish,
  member,
  person,
  registerDirectly,
  type Person,
} from '../support/relationships.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The live bell through a provider relationship (decision 0040): a client's notice reaches the open bells of
// the people and tokens whose access reaches the client's notices (the provider's BAM, its token, an employee
// assigned to the client), with the
// same decisions as the `notices` query (an employee assigned to nothing, another business's token: nothing),
// and nothing once the relationship has ended. "Nothing" is shown without waiting a while: a marker notice to
// every business is posted after, and each stream reads its signals in order, so once the marker is there,
// whatever came before it is too.

const ASSIGN_CLIENT = `mutation($input: AssignEmployeeToClientInput!) { assignEmployeeToClient(input: $input) {
  userErrors { code } } }`;

interface Pushed {
  subject: string;
}

describe.each(drivers)('live bell through a provider on %s', (driver) => {
  let t: TestApp;
  let clientBam: Person;
  let broker: Person;
  let reader: Person;
  let assigned: Person;
  let officer: GqlClient;
  let relationshipId: string;
  let providerId: string;
  let brokerToken: string;
  let otherToken: string;
  const streams: EventStream[] = [];
  let bells: Record<'broker' | 'token' | 'assigned' | 'reader' | 'otherToken', EventStream>;

  const open = async (headers: Record<string, string>) => {
    const stream = await openEventStream(t.url, { 'accept-language': 'en', ...headers });
    streams.push(stream);
    return stream;
  };
  const cookie = (p: Person) => ({ cookie: `passerelle_session=${p.client.session}` });
  const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
  const subjects = (stream: EventStream) =>
    stream.events.filter((e) => e.event === 'notice').map((e) => (e.data as Pushed).subject);

  async function post(subject: string, businessNumber: string | null) {
    const r = await officer.gql(POST_NOTICE, {
      input: {
        audience: businessNumber ? 'BUSINESS' : 'EVERYONE',
        ...(businessNumber && { businessNumber }),
        urgent: false,
        subjectEn: subject,
        subjectFr: subject,
        bodyEn: 'Body.',
        bodyFr: 'Corps.',
      },
    });
    expect(payload<{ noticeCount: number }>(r).noticeCount).toBeGreaterThanOrEqual(1);
  }

  /** Waits for the notice `subject` on the stream (taking the notices before it). */
  async function heard(stream: EventStream, subject: string) {
    for (;;) {
      const event = await stream.next('notice', 3_000);
      if ((event.data as Pushed).subject === subject) return;
    }
  }

  beforeAll(async () => {
    t = await startTestApp(driver);
    await importReferenceData(t.dataSource, await loadDemoReferenceData());
    clientBam = await person(t, 'ReachClient26', 'Claire', 'Client');
    broker = await person(t, 'ReachBroker26', 'Bruno', 'Broker');
    const other = await person(t, 'ReachOther26', 'Olga', 'Other');
    const clientId = await registerDirectly(t, BN.NORTHERN, clientBam.userId);
    providerId = await registerDirectly(t, BN.MAPLE, broker.userId);
    const otherId = await registerDirectly(t, BN.COTE, other.userId);
    // A reader of the provider (one of its program accounts) assigned to no client: reaches no client's notice.
    const providerAccount = Object.values(await accountsOf(t, BN.MAPLE))[0];
    reader = await member(t, providerId, broker.userId, 'ReachReader26', BusinessRole.READER, [
      providerAccount,
    ]);
    relationshipId = await establish(broker, providerId, clientBam, BN.NORTHERN);
    // Another reader, assigned to the client: reaches its notices.
    assigned = await member(t, providerId, broker.userId, 'ReachAssign26', BusinessRole.READER, [
      providerAccount,
    ]);
    const assignment = await broker.client.gql(ASSIGN_CLIENT, {
      input: { providerBusinessId: providerId, userId: assigned.userId, clientBusinessId: clientId },
    });
    expect(payload<{ userErrors: unknown[] }>(assignment).userErrors).toEqual([]);
    brokerToken = (await tokenSecret(broker.client, { businessId: providerId })).secret;
    otherToken = (await tokenSecret(other.client, { businessId: otherId })).secret;
    await seedUser(t.dataSource, 'ReachOffic2026', PersonRole.OFFICER);
    officer = t.client();
    await signIn(officer, 'ReachOffic2026');
    await acceptTerms(officer);
    bells = {
      broker: await open(cookie(broker)),
      token: await open(bearer(brokerToken)),
      assigned: await open(cookie(assigned)),
      reader: await open(cookie(reader)),
      otherToken: await open(bearer(otherToken)),
    };
    for (const bell of Object.values(bells)) {
      expect(bell.status).toBe(200);
      await bell.next('unread');
    }
  });
  afterAll(async () => {
    for (const stream of streams) stream.close();
    await t.close();
  });

  it("pushes a client's notice to the provider's BAM and token, not to those its access does not reach", async () => {
    await post('Client notice before the end', BN.NORTHERN);
    await heard(bells.broker, 'Client notice before the end');
    await heard(bells.token, 'Client notice before the end');
    await heard(bells.assigned, 'Client notice before the end');
    // The broker's count, as the query answers it.
    expect((await bells.broker.next('unread')).data).toEqual({
      count: payload<number>(await broker.client.gql(UNREAD)),
    });
    await post('Marker one', null);
    for (const bell of [bells.reader, bells.otherToken]) {
      await heard(bell, 'Marker one');
      expect(subjects(bell)).not.toContain('Client notice before the end');
    }
  });

  it('refuses a stream to a token that does not exist or was revoked', async () => {
    const refused = await openEventStream(t.url, bearer('pat_nothing_of_the_kind'));
    expect(refused.status).toBe(401);
    const revoked = await tokenSecret(broker.client, { businessId: providerId, name: 'Revoked' });
    expect(
      payload<{ userErrors: unknown[] }>(await broker.client.gql(REVOKE_TOKEN, { id: revoked.token.id }))
        .userErrors,
    ).toEqual([]);
    expect((await openEventStream(t.url, bearer(revoked.secret))).status).toBe(401);
  });

  it('pushes nothing of the client once the relationship has ended, and counts again', async () => {
    expect((await end(clientBam.client, relationshipId)).userErrors).toEqual([]);
    // The provider's bells count again: the client's notice is no longer theirs.
    const count = payload<number>(await broker.client.gql(UNREAD));
    await expect
      .poll(() => bells.broker.events.filter((e) => e.event === 'unread').at(-1)?.data)
      .toEqual({ count });
    await post('Client notice after the end', BN.NORTHERN);
    await post('Marker two', null);
    for (const bell of [bells.broker, bells.token, bells.assigned]) {
      await heard(bell, 'Marker two');
      expect(subjects(bell)).not.toContain('Client notice after the end');
    }
  });
});
