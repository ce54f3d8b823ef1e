import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  importReferenceData,
  loadDemoReferenceData,
} from '../../src/modules/registry/reference-data.service.js';
import { PersonRole } from '../../src/modules/users/user.types.js';
import { drivers } from '../support/databases.js';
import { openEventStream, type EventStream } from '../support/event-stream.js';
import { type GqlClient } from '../support/gql-client.js';
import { acceptTerms, payload, seedUser, signIn } from '../support/identity.js';
import { POST_NOTICE, UNREAD } from '../support/notices.js';
import { BN, person, registerDirectly, type Person } from '../support/relationships.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The live bell (GET /api/events/stream, decision 0027): the unread count at once, then each new notice the
// caller may read and the new count, pushed after the notice's commit; nothing for someone who may not read
// it; bounded streams per person; signed-in callers only. Across processes: scale-out.spec.ts.

describe.each(drivers)('live bell on %s', (driver) => {
  let t: TestApp;
  let bam: Person;
  let outsider: Person;
  let officer: GqlClient;
  const streams: EventStream[] = [];
  const open = async (client: GqlClient, lang = 'en') => {
    const stream = await openEventStream(t.url, {
      cookie: `passerelle_session=${client.session}`,
      'accept-language': lang,
    });
    streams.push(stream);
    return stream;
  };

  beforeAll(async () => {
    t = await startTestApp(driver, {
      env: { EVENT_STREAMS_PER_PERSON: '2', EVENT_STREAM_HEARTBEAT_MS: '1000' },
    });
    await importReferenceData(t.dataSource, await loadDemoReferenceData());
    bam = await person(t, 'StreamBam2026', 'Béatrice', 'Stream');
    outsider = await person(t, 'StreamOut2026', 'Otto', 'Side');
    await registerDirectly(t, BN.NORTHERN, bam.userId);
    await seedUser(t.dataSource, 'StreamOffi2026', PersonRole.OFFICER);
    officer = t.client();
    await signIn(officer, 'StreamOffi2026');
    await acceptTerms(officer);
  });
  afterAll(async () => {
    for (const stream of streams) stream.close();
    await t.close();
  });

  it('pushes a new notice and the count to those who may read it, in their language, within a second', async () => {
    const bell = await open(bam.client, 'fr');
    const other = await open(outsider.client);
    expect(bell.status).toBe(200);
    const before = (await bell.next('unread')).data as { count: number };
    expect(before.count).toBe(payload<number>(await bam.client.gql(UNREAD)));
    expect(await other.next('unread')).toMatchObject({ data: { count: 0 } });

    const posted = Date.now();
    const r = await officer.gql(POST_NOTICE, {
      input: {
        audience: 'BUSINESS',
        businessNumber: BN.NORTHERN,
        urgent: false,
        subjectEn: 'Holiday hours',
        subjectFr: 'Heures des fêtes',
        bodyEn: 'Closed.',
        bodyFr: 'Fermé.',
      },
    });
    expect(payload<{ noticeCount: number }>(r).noticeCount).toBe(1);
    expect(await bell.next('notice', 1_000)).toMatchObject({
      data: { subject: 'Heures des fêtes', urgent: false },
    });
    expect(await bell.next('unread', 1_000)).toEqual({ event: 'unread', data: { count: before.count + 1 } });
    expect(Date.now() - posted).toBeLessThan(1_000);
    // The outsider's stream heard nothing of it.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(other.events.map((e) => e.event)).toEqual(['unread']);
  });

  it('sends heartbeats, and refuses the anonymous and a stream over the per-person bound', async () => {
    const anonymous = await openEventStream(t.url, { 'accept-language': 'fr' });
    expect(anonymous.status).toBe(401);
    const second = await open(bam.client);
    expect(second.status).toBe(200);
    // The first test's stream and this one: 2, the bound; a third is refused.
    const third = await openEventStream(t.url, {
      cookie: `passerelle_session=${bam.client.session}`,
      'accept-language': 'fr',
    });
    expect(third.status).toBe(429);
    await expect.poll(() => second.comments, { timeout: 3_000 }).toBeGreaterThanOrEqual(1);
    // Closing one frees its place.
    second.close();
    await expect
      .poll(
        async () => {
          const again = await openEventStream(t.url, { cookie: `passerelle_session=${bam.client.session}` });
          again.close();
          return again.status;
        },
        { timeout: 3_000 },
      )
      .toBe(200);
  });

  it('ends its streams when the server closes', async () => {
    const bell = await open(outsider.client);
    await bell.next('unread');
    await t.app.close();
    await bell.ended;
  });
});
