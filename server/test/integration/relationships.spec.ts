import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainEventRecord } from '../../src/common/events/domain-event.entity.js';
import { BusinessRole } from '../../src/modules/businesses/businesses.types.js';
import {
  importReferenceData,
  loadDemoReferenceData,
} from '../../src/modules/registry/reference-data.service.js';
import { RegistryBusiness } from '../../src/modules/registry/registry-business.entity.js';
import { BusinessRelationship } from '../../src/modules/relationships/relationships.entities.js';
import { expireRelationships } from '../../src/modules/relationships/relationships.service.js';
import { RelationshipStatus } from '../../src/modules/relationships/relationships.types.js';
import { drivers } from '../support/databases.js';
import { type GqlClient, type GqlResult } from '../support/gql-client.js';
import { expectForbidden, payload } from '../support/identity.js';
import {
  ACTIVE,
  BN,
  CANCEL,
  DECIDE,
  END,
  RECEIVED,
  REQUEST,
  REQUEST_MANY,
  SENT,
  type Errors,
  type Person,
  accountsOf,
  allPages,
  cancel,
  decide,
  end,
  establish,
  fieldCodes,
  list,
  member,
  person,
  registerDirectly,
  requestOne,
  signInAgain,
} from '../support/relationships.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const DAY = 86_400_000;
const RELATIONSHIP_MANAGEMENT = 'RELATIONSHIP_MANAGEMENT';
/** An id that names no relationship (nor business). */
const UNKNOWN_ID = '01a20694-0000-7000-8000-000000000000';

// The raw answers of the mutations, for the callers refused by `@access` before the service runs.
const requestRaw = (client: GqlClient, providerBusinessId: string, clientBusinessNumber: string) =>
  client.gql(REQUEST, { input: { providerBusinessId, clientBusinessNumber, message: null } });
const decideRaw = (client: GqlClient, input: Record<string, unknown>) => client.gql(DECIDE, { input });
const cancelRaw = (client: GqlClient, id: string) => client.gql(CANCEL, { id });
const endRaw = (client: GqlClient, id: string) => client.gql(END, { id });

/** A mutation refused by `@access`: FORBIDDEN for relationship management, and it did not run. */
function refused(result: GqlResult): void {
  expectForbidden(result, RELATIONSHIP_MANAGEMENT);
  expect(result.body.data).toBeNull();
}

/** A list read's errors as [path, code, area]. */
const listErrors = (
  errors: Array<{ path?: ReadonlyArray<string | number>; extensions?: Record<string, unknown> }>,
) => errors.map((e) => [e.path?.join('.'), e.extensions?.code, e.extensions?.area]);

interface Demo {
  mapleBam: Person;
  harbourBam: Person;
  northernBam: Person;
  coteBam: Person;
  maple: string;
  harbour: string;
  northern: string;
  cote: string;
  coteAccounts: Record<string, string>;
  northernAccounts: Record<string, string>;
}

/** The two demo providers and the two demo clients, registered straight in the database, each with its BAM. */
async function demo(t: TestApp): Promise<Demo> {
  await importReferenceData(t.dataSource, await loadDemoReferenceData());
  const mapleBam = await person(t, 'MapleBam2026', 'Morgan', 'Maple');
  const harbourBam = await person(t, 'HarbourBam2026', 'Harper', 'Harbour');
  const northernBam = await person(t, 'NorthernBam2026', 'Nora', 'North');
  const coteBam = await person(t, 'CoteBam2026', 'Camille', 'Côté');
  return {
    mapleBam,
    harbourBam,
    northernBam,
    coteBam,
    maple: await registerDirectly(t, BN.MAPLE, mapleBam.userId),
    harbour: await registerDirectly(t, BN.HARBOUR, harbourBam.userId),
    northern: await registerDirectly(t, BN.NORTHERN, northernBam.userId),
    cote: await registerDirectly(t, BN.COTE, coteBam.userId),
    coteAccounts: await accountsOf(t, BN.COTE),
    northernAccounts: await accountsOf(t, BN.NORTHERN),
  };
}

describe.each(drivers)('business relationships on %s', (driver) => {
  let t: TestApp;
  let d: Demo;
  let mapleEditor: Person;
  let cotePam: Person;
  let coteEditor: Person;
  let stranger: Person;

  beforeAll(async () => {
    t = await startTestApp(driver);
    d = await demo(t);
    mapleEditor = await member(t, d.maple, d.mapleBam.userId, 'MapleEditor2026', BusinessRole.EDITOR);
    cotePam = await member(t, d.cote, d.coteBam.userId, 'CotePam2026', BusinessRole.PROGRAM_ACCOUNT_MANAGER, [
      d.coteAccounts.RM0001,
      d.coteAccounts.RM0002,
    ]);
    coteEditor = await member(t, d.cote, d.coteBam.userId, 'CoteEditor2026', BusinessRole.EDITOR, [
      d.coteAccounts.RM0001,
    ]);
    stranger = await person(t, 'Stranger2026', 'Sam', 'Stranger');
  });
  afterAll(async () => t?.close());

  it('takes a request from a service provider’s BAM, by BN, with an optional message', async () => {
    const at = (field: string) => [`input.${field}`];
    expect(
      fieldCodes((await requestOne(d.mapleBam.client, d.maple, BN.NORTHERN, 'x'.repeat(501))).userErrors),
    ).toEqual([[...at('message'), 'TOO_LONG']]);
    expect(fieldCodes((await requestOne(d.mapleBam.client, d.maple, '12345')).userErrors)).toEqual([
      [...at('clientBusinessNumber'), 'INVALID_FORMAT'],
    ]);
    expect(fieldCodes((await requestOne(d.mapleBam.client, d.maple, BN.TREMBLAY)).userErrors)).toEqual([
      [...at('clientBusinessNumber'), 'CLIENT_NOT_REGISTERED'],
    ]);
    expect(fieldCodes((await requestOne(d.mapleBam.client, d.maple, BN.MAPLE)).userErrors)).toEqual([
      [...at('clientBusinessNumber'), 'SELF_RELATIONSHIP'],
    ]);
    // An importer is not a service provider (its BAM passes the access layer; the service refuses).
    expect(fieldCodes((await requestOne(d.northernBam.client, d.northern, BN.COTE)).userErrors)).toEqual([
      [...at('providerBusinessId'), 'NOT_A_SERVICE_PROVIDER'],
    ]);
    // An editor is not the BAM, a stranger is not a member, an unknown provider is nobody: the access layer
    // refuses them before the service, and no request is made.
    refused(await requestRaw(mapleEditor.client, d.maple, BN.NORTHERN));
    refused(await requestRaw(stranger.client, d.maple, BN.NORTHERN));
    refused(await requestRaw(d.mapleBam.client, UNKNOWN_ID, BN.NORTHERN));
    expect(
      await t.dataSource.getRepository(BusinessRelationship).countBy({ providerBusinessId: d.maple }),
    ).toBe(0);
    const inFrench = await signInAgain(t, d.mapleBam, 'fr');
    const french = await requestOne(inFrench.client, d.maple, BN.MAPLE);
    expect(french.userErrors[0].message).toBe('Une entreprise ne peut pas avoir de relation avec elle-même.');

    const asked = await requestOne(d.mapleBam.client, d.maple, ` ${BN.NORTHERN} `, '  We file your B3s.  ');
    expect(asked.userErrors).toEqual([]);
    const relationship = asked.relationship!;
    expect(relationship).toMatchObject({
      status: 'PENDING',
      type: null,
      message: 'We file your B3s.',
      provider: { id: d.maple, businessNumber: BN.MAPLE, name: 'Maple Leaf Customs' },
      client: { id: d.northern, businessNumber: BN.NORTHERN, name: 'Northern Lights' },
      programAccounts: [],
      decidedAt: null,
    });
    expect(Date.parse(relationship.expiresAt) - Date.parse(relationship.requestedAt)).toBe(30 * DAY);
    expect(relationship.timeline).toEqual([
      {
        type: 'REQUESTED',
        detail: null,
        occurredAt: relationship.requestedAt,
        actor: { id: d.mapleBam.userId, name: 'Morgan Maple' },
      },
    ]);
    expect(fieldCodes((await requestOne(d.mapleBam.client, d.maple, BN.NORTHERN)).userErrors)).toEqual([
      [...at('clientBusinessNumber'), 'RELATIONSHIP_EXISTS'],
    ]);
    // Another provider may ask the same client.
    const other = await requestOne(d.harbourBam.client, d.harbour, BN.NORTHERN);
    expect(other.userErrors).toEqual([]);
    expect((await cancel(d.harbourBam.client, other.relationship!.id)).relationship!.status).toBe(
      'CANCELLED',
    );
    expect((await cancel(d.mapleBam.client, relationship.id)).relationship!.status).toBe('CANCELLED');
  });

  it('lets the client’s BAM accept a business management relationship, and either BAM end it', async () => {
    const asked = (await requestOne(d.mapleBam.client, d.maple, BN.NORTHERN)).relationship!;
    const received = await list(d.northernBam.client, RECEIVED, { id: d.northern, status: 'PENDING' });
    expect(received.connection!.edges.map((e) => e.node.id)).toEqual([asked.id]);

    // The provider cannot answer its own request (it has no standing toward the client); neither can a
    // stranger, nor anyone about an unknown relationship: the access layer refuses them.
    refused(
      await decideRaw(d.mapleBam.client, {
        relationshipId: asked.id,
        approve: true,
        type: 'BUSINESS_MANAGEMENT',
      }),
    );
    refused(
      await decideRaw(stranger.client, {
        relationshipId: asked.id,
        approve: true,
        type: 'BUSINESS_MANAGEMENT',
      }),
    );
    refused(
      await decideRaw(d.northernBam.client, {
        relationshipId: UNKNOWN_ID,
        approve: true,
        type: 'BUSINESS_MANAGEMENT',
      }),
    );
    expect(
      await t.dataSource.getRepository(BusinessRelationship).findOneByOrFail({ id: asked.id }),
    ).toMatchObject({ status: 'PENDING', decidedAt: null });
    expect(
      fieldCodes(
        (await decide(d.northernBam.client, { relationshipId: asked.id, approve: true })).userErrors,
      ),
    ).toEqual([['input.type', 'TYPE_REQUIRED']]);

    const accepted = await decide(d.northernBam.client, {
      relationshipId: asked.id,
      approve: true,
      type: 'BUSINESS_MANAGEMENT',
      programAccountIds: [d.northernAccounts.RM0001],
    });
    expect(accepted.userErrors).toEqual([]);
    expect(accepted.relationship).toMatchObject({
      status: 'ACCEPTED',
      type: 'BUSINESS_MANAGEMENT',
      programAccounts: [],
    });
    expect(accepted.relationship!.decidedAt).toBeTypeOf('string');
    expect(
      fieldCodes(
        (await decide(d.northernBam.client, { relationshipId: asked.id, approve: false, reason: 'no' }))
          .userErrors,
      ),
    ).toEqual([['input.relationshipId', 'RELATIONSHIP_NOT_PENDING']]);
    expect(fieldCodes((await cancel(d.mapleBam.client, asked.id)).userErrors)).toEqual([
      ['relationshipId', 'RELATIONSHIP_NOT_PENDING'],
    ]);
    // Accepted is open: no second request for the pair.
    expect(fieldCodes((await requestOne(d.mapleBam.client, d.maple, BN.NORTHERN)).userErrors)).toEqual([
      ['input.clientBusinessNumber', 'RELATIONSHIP_EXISTS'],
    ]);

    for (const [client, id] of [
      [d.mapleBam.client, d.maple],
      [d.northernBam.client, d.northern],
    ] as const) {
      const active = await list(client, ACTIVE, { id });
      expect(active.connection!.edges.map((e) => e.node.id)).toContain(asked.id);
    }
    // Only a BAM ends it: an editor of the provider, a stranger are refused by the access layer.
    refused(await endRaw(mapleEditor.client, asked.id));
    refused(await endRaw(stranger.client, asked.id));
    expect(
      await t.dataSource.getRepository(BusinessRelationship).findOneByOrFail({ id: asked.id }),
    ).toMatchObject({ status: 'ACCEPTED', endedAt: null });
    const ended = await end(d.northernBam.client, asked.id);
    expect(ended.relationship).toMatchObject({ status: 'ENDED', type: 'BUSINESS_MANAGEMENT' });
    expect(ended.relationship!.endedAt).toBeTypeOf('string');
    expect(ended.relationship!.timeline.map((e) => [e.type, e.actor?.name ?? null, e.detail])).toEqual([
      ['REQUESTED', 'Morgan Maple', null],
      ['ACCEPTED', 'Nora North', 'BUSINESS_MANAGEMENT'],
      ['ENDED', 'Nora North', null],
    ]);
    expect(fieldCodes((await end(d.mapleBam.client, asked.id)).userErrors)).toEqual([
      ['relationshipId', 'RELATIONSHIP_NOT_ACTIVE'],
    ]);
    expect(
      (await list(d.mapleBam.client, ACTIVE, { id: d.maple })).connection!.edges.map((e) => e.node.id),
    ).not.toContain(asked.id);

    // Ended, the pair is free again; this time the provider's BAM ends it.
    const again = await establish(d.mapleBam, d.maple, d.northernBam, BN.NORTHERN);
    expect((await end(d.mapleBam.client, again)).relationship!.status).toBe('ENDED');

    // Audit on both businesses' trails and a domain event for every change.
    const events = await t.dataSource
      .getRepository(DomainEventRecord)
      .find({ where: {}, order: { occurredAt: 'ASC', id: 'ASC' } });
    const mine = events
      .filter((e) => (JSON.parse(e.payload) as { relationshipId?: string }).relationshipId === asked.id)
      .map((e) => e.type);
    expect(mine).toEqual(['RELATIONSHIP_REQUESTED', 'RELATIONSHIP_ACCEPTED', 'RELATIONSHIP_ENDED']);
    const audits: Array<{ type: string }> = await t.dataSource.query(
      `SELECT registry_business_id AS r, event_type AS type FROM business_audit_event WHERE detail LIKE ?`,
      [`relationship=${asked.id}%`],
    );
    expect(audits.map((a) => a.type).sort()).toEqual(
      [
        'RELATIONSHIP_ACCEPTED',
        'RELATIONSHIP_ACCEPTED',
        'RELATIONSHIP_ENDED',
        'RELATIONSHIP_ENDED',
        'RELATIONSHIP_REQUESTED',
        'RELATIONSHIP_REQUESTED',
      ].sort(),
    );
  });

  it('lets the client’s BAM accept program management over a chosen subset of its accounts', async () => {
    const asked = (await requestOne(d.harbourBam.client, d.harbour, BN.COTE)).relationship!;
    const approve = (programAccountIds: string[]) =>
      decide(d.coteBam.client, {
        relationshipId: asked.id,
        approve: true,
        type: 'PROGRAM_MANAGEMENT',
        programAccountIds,
      });
    expect(fieldCodes((await approve([])).userErrors)).toEqual([
      ['input.programAccountIds', 'PROGRAM_ACCOUNTS_REQUIRED'],
    ]);
    expect(
      fieldCodes((await approve([d.coteAccounts.RM0001, d.northernAccounts.RM0001])).userErrors),
    ).toEqual([['input.programAccountIds', 'PROGRAM_ACCOUNT_NOT_OF_CLIENT']]);
    const accepted = await approve([d.coteAccounts.RT0001, d.coteAccounts.RM0001, d.coteAccounts.RM0001]);
    expect(accepted.userErrors).toEqual([]);
    expect(accepted.relationship).toMatchObject({ status: 'ACCEPTED', type: 'PROGRAM_MANAGEMENT' });
    expect(accepted.relationship!.programAccounts.map((a) => a.accountNumber)).toEqual([
      `${BN.COTE}RM0001`,
      `${BN.COTE}RT0001`,
    ]);
    const active = await list(d.harbourBam.client, ACTIVE, { id: d.harbour });
    expect(active.connection!.edges.find((e) => e.node.id === asked.id)!.node.programAccounts).toHaveLength(
      2,
    );
    expect((await end(d.harbourBam.client, asked.id)).relationship!.status).toBe('ENDED');
  });

  it('needs a reason to reject, and shows it on the timeline', async () => {
    const asked = (await requestOne(d.mapleBam.client, d.maple, BN.COTE)).relationship!;
    const reject = (reason: string | null) =>
      decide(d.coteBam.client, { relationshipId: asked.id, approve: false, reason });
    expect(fieldCodes((await reject(null)).userErrors)).toEqual([['input.reason', 'REQUIRED']]);
    expect(fieldCodes((await reject('   ')).userErrors)).toEqual([['input.reason', 'REQUIRED']]);
    expect(fieldCodes((await reject('x'.repeat(501))).userErrors)).toEqual([['input.reason', 'TOO_LONG']]);
    const rejected = await reject(' We use another broker. ');
    expect(rejected.relationship).toMatchObject({
      status: 'REJECTED',
      type: null,
      decisionReason: 'We use another broker.',
    });
    expect(rejected.relationship!.timeline.map((e) => [e.type, e.actor?.name, e.detail])).toEqual([
      ['REQUESTED', 'Morgan Maple', null],
      ['REJECTED', 'Camille Côté', 'We use another broker.'],
    ]);
    // Both parties see the outcome.
    const sent = await list(d.mapleBam.client, SENT, { id: d.maple, status: 'REJECTED' });
    expect(sent.connection!.edges.map((e) => e.node.id)).toEqual([asked.id]);
    // Settled: the provider may ask again.
    const again = await requestOne(d.mapleBam.client, d.maple, BN.COTE);
    expect(again.userErrors).toEqual([]);
    expect((await cancel(d.mapleBam.client, again.relationship!.id)).relationship!.status).toBe('CANCELLED');
  });

  it('lets only the provider’s BAM cancel a pending request', async () => {
    const asked = (await requestOne(d.mapleBam.client, d.maple, BN.COTE)).relationship!;
    // The provider's editor, the client's BAM (the client rejects, it does not cancel), a stranger, and an
    // unknown relationship: refused by the access layer; the request stays pending.
    refused(await cancelRaw(mapleEditor.client, asked.id));
    refused(await cancelRaw(d.coteBam.client, asked.id));
    refused(await cancelRaw(stranger.client, asked.id));
    refused(await cancelRaw(d.mapleBam.client, UNKNOWN_ID));
    expect(
      await t.dataSource.getRepository(BusinessRelationship).findOneByOrFail({ id: asked.id }),
    ).toMatchObject({ status: 'PENDING' });
    const cancelled = await cancel(d.mapleBam.client, asked.id);
    expect(cancelled.relationship).toMatchObject({ status: 'CANCELLED' });
    expect(cancelled.relationship!.timeline.map((e) => e.type)).toEqual(['REQUESTED', 'CANCELLED']);
    expect(fieldCodes((await cancel(d.mapleBam.client, asked.id)).userErrors)).toEqual([
      ['relationshipId', 'RELATIONSHIP_NOT_PENDING'],
    ]);
    expect(
      fieldCodes(
        (await decide(d.coteBam.client, { relationshipId: asked.id, approve: false, reason: 'late' }))
          .userErrors,
      ),
    ).toEqual([['input.relationshipId', 'RELATIONSHIP_NOT_PENDING']]);
  });

  it('lets a PAM of the client approve program management within their scope only, and see what concerns them', async () => {
    const asked = (await requestOne(d.harbourBam.client, d.harbour, BN.COTE)).relationship!;
    // A pending request names no program yet: the PAM sees it.
    const pending = await list(cotePam.client, RECEIVED, { id: d.cote, status: 'PENDING' });
    expect(pending.connection!.edges.map((e) => e.node.id)).toEqual([asked.id]);
    const approve = (type: string, programAccountIds: string[]) =>
      decide(cotePam.client, { relationshipId: asked.id, approve: true, type, programAccountIds });
    expect(fieldCodes((await approve('BUSINESS_MANAGEMENT', [])).userErrors)).toEqual([
      ['input.type', 'NOT_ALLOWED'],
    ]);
    expect(
      fieldCodes(
        (await approve('PROGRAM_MANAGEMENT', [d.coteAccounts.RM0001, d.coteAccounts.RM0003])).userErrors,
      ),
    ).toEqual([['input.programAccountIds', 'OUT_OF_SCOPE']]);
    // An editor cannot answer at all: refused by the access layer, and the request stays pending.
    refused(
      await decideRaw(coteEditor.client, {
        relationshipId: asked.id,
        approve: true,
        type: 'PROGRAM_MANAGEMENT',
        programAccountIds: [d.coteAccounts.RM0001],
      }),
    );
    expect(
      await t.dataSource.getRepository(BusinessRelationship).findOneByOrFail({ id: asked.id }),
    ).toMatchObject({ status: 'PENDING' });
    const accepted = await approve('PROGRAM_MANAGEMENT', [d.coteAccounts.RM0002]);
    expect(accepted.userErrors).toEqual([]);
    expect(accepted.relationship!.programAccounts.map((a) => a.accountNumber)).toEqual([`${BN.COTE}RM0002`]);
    expect(fieldCodes((await end(cotePam.client, asked.id)).userErrors)).toEqual([
      ['relationshipId', 'NOT_ALLOWED'],
    ]);

    // The BAM accepts Maple's request over RT0001 only, outside the PAM's scope: the PAM does not see it.
    const outside = await establish(d.mapleBam, d.maple, d.coteBam, BN.COTE, 'PROGRAM_MANAGEMENT', [
      d.coteAccounts.RT0001,
    ]);
    const pamActive = (await list(cotePam.client, ACTIVE, { id: d.cote })).connection!.edges.map(
      (e) => e.node.id,
    );
    expect(pamActive).toContain(asked.id);
    expect(pamActive).not.toContain(outside);
    const pamReceived = (await list(cotePam.client, RECEIVED, { id: d.cote })).connection!;
    expect(pamReceived.edges.map((e) => e.node.id)).not.toContain(outside);
    expect(pamReceived.totalCount).toBe(pamReceived.edges.length);
    const bamActive = (await list(d.coteBam.client, ACTIVE, { id: d.cote })).connection!.edges.map(
      (e) => e.node.id,
    );
    expect(bamActive).toEqual(expect.arrayContaining([asked.id, outside]));

    // Other roles, other lists: FORBIDDEN, and the list is null. An editor has no relationship management
    // at all (the access layer names the area); a PAM has it, but the service shows the sent requests to the
    // BAM only.
    for (const [client, query, id, field, area] of [
      [coteEditor.client, RECEIVED, d.cote, 'receivedRelationships', RELATIONSHIP_MANAGEMENT],
      [coteEditor.client, ACTIVE, d.cote, 'activeRelationships', RELATIONSHIP_MANAGEMENT],
      [cotePam.client, SENT, d.cote, 'sentRelationships', undefined],
      [mapleEditor.client, SENT, d.maple, 'sentRelationships', RELATIONSHIP_MANAGEMENT],
    ] as const) {
      const denied = await list(client, query, { id });
      expect(listErrors(denied.errors)).toEqual([[`business.${field}`, 'FORBIDDEN', area]]);
      expect(denied.connection).toBeNull();
    }
    // A stranger does not even see the business.
    expect(await list(stranger.client, RECEIVED, { id: d.cote })).toEqual({ connection: null, errors: [] });
    expect((await end(d.coteBam.client, asked.id)).relationship!.status).toBe('ENDED');
    expect((await end(d.coteBam.client, outside)).relationship!.status).toBe('ENDED');
  });

  it('keeps one open relationship per pair when the provider asks several times at once', async () => {
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => requestOne(d.harbourBam.client, d.harbour, BN.NORTHERN)),
    );
    const created = answers.filter((answer) => answer.relationship);
    expect(created).toHaveLength(1);
    for (const answer of answers.filter((a) => !a.relationship))
      expect(fieldCodes(answer.userErrors)).toEqual([['input.clientBusinessNumber', 'RELATIONSHIP_EXISTS']]);
    const open = await t.dataSource
      .getRepository(BusinessRelationship)
      .countBy({ providerBusinessId: d.harbour, clientBusinessId: d.northern, open: true });
    expect(open).toBe(1);
    await cancel(d.harbourBam.client, created[0].relationship!.id);
  });

  it('answers a bulk request per business number', async () => {
    const bulk = async (clientBusinessNumbers: string[], message: string | null = null) =>
      payload<{
        results: Array<{
          businessNumber: string;
          relationship: { id: string; status: string } | null;
          userErrors: Errors;
        }>;
        userErrors: Errors;
      }>(
        await d.mapleBam.client.gql(REQUEST_MANY, {
          input: { providerBusinessId: d.maple, clientBusinessNumbers, message },
        }),
      );
    expect(fieldCodes((await bulk([])).userErrors)).toEqual([['input.clientBusinessNumbers', 'REQUIRED']]);
    expect(fieldCodes((await bulk(Array.from({ length: 51 }, () => BN.NORTHERN))).userErrors)).toEqual([
      ['input.clientBusinessNumbers', 'TOO_MANY'],
    ]);
    const answer = await bulk([BN.NORTHERN, 'abc', BN.TREMBLAY, BN.MAPLE, BN.COTE, BN.NORTHERN], 'Hello');
    expect(answer.userErrors).toEqual([]);
    expect(
      answer.results.map((r) => [r.businessNumber, r.relationship?.status ?? null, fieldCodes(r.userErrors)]),
    ).toEqual([
      [BN.NORTHERN, 'PENDING', []],
      ['abc', null, [['input.clientBusinessNumbers.1', 'INVALID_FORMAT']]],
      [BN.TREMBLAY, null, [['input.clientBusinessNumbers.2', 'CLIENT_NOT_REGISTERED']]],
      [BN.MAPLE, null, [['input.clientBusinessNumbers.3', 'SELF_RELATIONSHIP']]],
      [BN.COTE, 'PENDING', []],
      [BN.NORTHERN, null, [['input.clientBusinessNumbers.5', 'RELATIONSHIP_EXISTS']]],
    ]);
    for (const result of answer.results.filter((r) => r.relationship))
      await cancel(d.mapleBam.client, result.relationship!.id);
    // An editor of the provider is refused by the access layer, for the whole request: no BN is asked.
    const byEditor = await mapleEditor.client.gql(REQUEST_MANY, {
      input: { providerBusinessId: d.maple, clientBusinessNumbers: [BN.NORTHERN, BN.COTE] },
    });
    refused(byEditor);
    expect(
      await t.dataSource
        .getRepository(BusinessRelationship)
        .countBy({ providerBusinessId: d.maple, open: true }),
    ).toBe(0);
    // A whole-request problem answers no BN.
    const notProvider = payload<{ results: unknown[]; userErrors: Errors }>(
      await d.northernBam.client.gql(REQUEST_MANY, {
        input: { providerBusinessId: d.northern, clientBusinessNumbers: [BN.COTE] },
      }),
    );
    expect(notProvider.results).toEqual([]);
    expect(fieldCodes(notProvider.userErrors)).toEqual([
      ['input.providerBusinessId', 'NOT_A_SERVICE_PROVIDER'],
    ]);
  });

  it('pages through the lists newest first, with opaque cursors, a status filter and a total', async () => {
    const owner = await person(t, 'ManyClients2026', 'Owen', 'Owner');
    const taken = new Set(Object.values(BN));
    const registry = await t.dataSource
      .getRepository(RegistryBusiness)
      .find({ where: { isServiceProvider: false }, order: { businessNumber: 'ASC' } });
    const numbers = registry
      .map((b) => b.businessNumber)
      .filter((bn) => !taken.has(bn))
      .slice(0, 32);
    expect(numbers).toHaveLength(32);
    for (const bn of numbers) await registerDirectly(t, bn, owner.userId);
    const many = payload<{ results: Array<{ relationship: { id: string } | null }> }>(
      await d.harbourBam.client.gql(REQUEST_MANY, {
        input: { providerBusinessId: d.harbour, clientBusinessNumbers: numbers },
      }),
    );
    const created = many.results.map((r) => r.relationship!.id);
    expect(created).toHaveLength(32);
    for (const id of created.slice(0, 5)) await cancel(d.harbourBam.client, id);

    const everything = await t.dataSource.getRepository(BusinessRelationship).find({
      where: { providerBusinessId: d.harbour },
      order: { requestedAt: 'DESC', id: 'DESC' },
    });
    expect(everything.length).toBeGreaterThan(32);
    const paged = await allPages(d.harbourBam.client, SENT, { id: d.harbour }, 7);
    expect(paged.ids).toEqual(everything.map((r) => r.id));
    expect(new Set(paged.ids).size).toBe(paged.ids.length);
    expect(paged.totalCount).toBe(everything.length);
    expect(paged.pages).toBe(Math.ceil(everything.length / 7));
    expect([...paged.requestedAt].sort().reverse()).toEqual(paged.requestedAt);

    // The default page is 25.
    const first = await list(d.harbourBam.client, SENT, { id: d.harbour });
    expect(first.connection!.edges).toHaveLength(25);
    expect(first.connection!.pageInfo.hasNextPage).toBe(true);

    const pending = await allPages(d.harbourBam.client, SENT, { id: d.harbour, status: 'PENDING' }, 10);
    expect(pending.ids.sort()).toEqual(created.slice(5).sort());
    expect(pending.totalCount).toBe(27);
    const cancelled = await allPages(d.harbourBam.client, SENT, { id: d.harbour, status: 'CANCELLED' }, 3);
    expect(cancelled.ids).toEqual(expect.arrayContaining(created.slice(0, 5)));
    expect(cancelled.totalCount).toBe(
      everything.filter((r) => r.status === RelationshipStatus.CANCELLED).length,
    );

    // The client side of one of them.
    const received = await list(owner.client, RECEIVED, { id: everything[0].clientBusinessId });
    expect(received.connection!.edges.map((e) => e.node.id)).toEqual([everything[0].id]);

    for (const variables of [
      { id: d.harbour, first: 101 },
      { id: d.harbour, first: 0 },
      { id: d.harbour, after: 'bm90LWEtY3Vyc29y' },
    ]) {
      const bad = await list(d.harbourBam.client, SENT, variables);
      expect(bad.errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});

describe.each(drivers)('expiry of relationship requests on %s', (driver) => {
  let t: TestApp;
  let d: Demo;

  beforeAll(async () => {
    t = await startTestApp(driver);
    d = await demo(t);
  });
  afterAll(async () => t?.close());

  const reminders = () =>
    t.dataSource.getRepository(DomainEventRecord).countBy({ type: 'RELATIONSHIP_EXPIRY_REMINDER' });

  it('reminds once within 7 days of expiry, and expires unanswered requests after 30 days, lazily and by the job', async () => {
    const toNorthern = (await requestOne(d.mapleBam.client, d.maple, BN.NORTHERN)).relationship!;
    const toCote = (await requestOne(d.mapleBam.client, d.maple, BN.COTE)).relationship!;
    expect(await expireRelationships(t.dataSource, t.config)).toEqual({ expired: 0, reminded: 0 });

    t.clock.advance(23 * DAY - 60_000);
    expect(await expireRelationships(t.dataSource, t.config)).toEqual({ expired: 0, reminded: 0 });
    expect(await reminders()).toBe(0);
    t.clock.advance(2 * 60_000);
    expect(await expireRelationships(t.dataSource, t.config)).toEqual({ expired: 0, reminded: 2 });
    t.clock.advance(DAY);
    expect(await expireRelationships(t.dataSource, t.config)).toEqual({ expired: 0, reminded: 0 });
    expect(await reminders()).toBe(2);
    const reminder = await t.dataSource
      .getRepository(DomainEventRecord)
      .findOneByOrFail({ type: 'RELATIONSHIP_EXPIRY_REMINDER' });
    const reminded = JSON.parse(reminder.payload) as { providerBusinessId: string; expiresAt: string };
    expect(reminded.providerBusinessId).toBe(d.maple);
    expect([toNorthern.expiresAt, toCote.expiresAt]).toContain(reminded.expiresAt);

    // Past 30 days: expired before the job runs (lists, decisions) ...
    t.clock.advance(6 * DAY + 60_000);
    const northernBam = await signInAgain(t, d.northernBam);
    const mapleBam = await signInAgain(t, d.mapleBam);
    const expiredView = await list(northernBam.client, RECEIVED, { id: d.northern });
    expect(expiredView.connection!.edges.map((e) => [e.node.id, e.node.status])).toEqual([
      [toNorthern.id, 'EXPIRED'],
    ]);
    expect(
      (await list(northernBam.client, RECEIVED, { id: d.northern, status: 'PENDING' })).connection!
        .totalCount,
    ).toBe(0);
    expect(
      (await list(northernBam.client, RECEIVED, { id: d.northern, status: 'EXPIRED' })).connection!
        .totalCount,
    ).toBe(1);
    const late = await decide(northernBam.client, {
      relationshipId: toNorthern.id,
      approve: true,
      type: 'BUSINESS_MANAGEMENT',
    });
    expect(fieldCodes(late.userErrors)).toEqual([['input.relationshipId', 'RELATIONSHIP_NOT_PENDING']]);
    expect(fieldCodes((await cancel(mapleBam.client, toCote.id)).userErrors)).toEqual([
      ['relationshipId', 'RELATIONSHIP_NOT_PENDING'],
    ]);
    // ... and the job marks what is left (the lazy paths above already marked both).
    const rows = await t.dataSource
      .getRepository(BusinessRelationship)
      .findBy({ providerBusinessId: d.maple });
    expect(rows.map((r) => [r.status, r.open])).toEqual([
      ['EXPIRED', null],
      ['EXPIRED', null],
    ]);
    expect(await expireRelationships(t.dataSource, t.config)).toEqual({ expired: 0, reminded: 0 });

    // The job alone: a new request left unanswered for 30 days.
    const third = (await requestOne(mapleBam.client, d.maple, BN.NORTHERN)).relationship!;
    expect(third.status).toBe('PENDING');
    t.clock.advance(30 * DAY);
    expect(await expireRelationships(t.dataSource, t.config)).toEqual({ expired: 1, reminded: 0 });
    const stored = await t.dataSource.getRepository(BusinessRelationship).findOneByOrFail({ id: third.id });
    expect(stored).toMatchObject({ status: 'EXPIRED', open: null });
    const again = await signInAgain(t, d.mapleBam);
    const sent = await list(again.client, SENT, { id: d.maple, status: 'EXPIRED' });
    expect(sent.connection!.totalCount).toBe(3);
    const timeline = (
      await again.client.gql(
        `query($id: ID!) { business(id: $id) { sentRelationships(first: 1) { edges { node { id timeline { type actor { name } } } } } } }`,
        { id: d.maple },
      )
    ).body.data?.business as {
      sentRelationships: { edges: Array<{ node: { id: string; timeline: unknown[] } }> };
    };
    expect(timeline.sentRelationships.edges[0].node).toEqual({
      id: third.id,
      timeline: [
        { type: 'REQUESTED', actor: { name: 'Morgan Maple' } },
        { type: 'EXPIRED', actor: null },
      ],
    });
    // Expired, the pair is free again.
    expect((await requestOne(again.client, d.maple, BN.NORTHERN)).relationship?.status).toBe('PENDING');
  });
});
