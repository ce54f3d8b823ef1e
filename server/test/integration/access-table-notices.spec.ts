import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BusinessRole } from '../../src/modules/businesses/businesses.types.js';
import { NoticeType } from '../../src/modules/notices/notices.types.js';
import {
  importReferenceData,
  loadDemoReferenceData,
} from '../../src/modules/registry/reference-data.service.js';
import { drivers } from '../support/databases.js';
import { payload } from '../support/identity.js';
import { NOTICE, noticesOf, seedNotices } from '../support/notices.js';
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

// The access tables (seed 003 §3.2) for notices, through HTTP: a provider sees a client's notices only for
// the program accounts in scope, never collections or payment-arrangement notices, nor the notices about
// the client's access requests and relationships (the common restricted actions); a person-addressed
// notice is its person's only. Expectations written from the seed, not read from the server's table.

const REQUEST_ACCESS = `mutation($input: RequestEmployerAccessInput!) { requestEmployerAccess(input: $input) {
  accessRequest { id } userErrors { code } } }`;
const ASSIGN_CLIENT = `mutation($input: AssignEmployeeToClientInput!) { assignEmployeeToClient(input: $input) {
  userErrors { code } } }`;

describe.each(drivers)('notices in the access tables on %s', (driver) => {
  let t: TestApp;
  let clientBam: Person;
  let reader: Person; // the client's Reader, scoped to RM0001
  let bmBroker: Person; // the broker's Editor, assigned to the client (business management)
  let pmBroker: Person; // the consultant's BAM (program management of RM0001)
  let idleBroker: Person; // the broker's Editor, assigned to nothing
  let clientId: string;
  let pmRelationshipId: string;
  const ids: Record<string, string> = {};

  /** The subjects of the client's notices the person sees (English). */
  const seen = async (who: Person) =>
    (await noticesOf(who.client, { filter: { businessId: clientId } })).edges
      .map((e) => e.node.subject)
      .sort();

  beforeAll(async () => {
    t = await startTestApp(driver);
    await importReferenceData(t.dataSource, await loadDemoReferenceData());
    clientBam = await person(t, 'NtClientBam26', 'Alexandra', 'Whitfield');
    const brokerBam = await person(t, 'NtBrokerBam26', 'Bruno', 'Maple');
    pmBroker = await person(t, 'NtConsultBam26', 'Chloe', 'Harbour');
    clientId = await registerDirectly(t, BN.NORTHERN, clientBam.userId);
    const brokerId = await registerDirectly(t, BN.MAPLE, brokerBam.userId);
    const consultantId = await registerDirectly(t, BN.HARBOUR, pmBroker.userId);
    const { RM0001: rm, RT0001: rt } = await accountsOf(t, BN.NORTHERN);
    ids.rm = rm;
    ids.rt = rt;
    await establish(brokerBam, brokerId, clientBam, BN.NORTHERN, 'BUSINESS_MANAGEMENT');
    pmRelationshipId = await establish(pmBroker, consultantId, clientBam, BN.NORTHERN, 'PROGRAM_MANAGEMENT', [
      rm,
    ]);
    bmBroker = await member(t, brokerId, brokerBam.userId, 'NtBmBroker2026', BusinessRole.EDITOR);
    idleBroker = await member(t, brokerId, brokerBam.userId, 'NtIdleBrok2026', BusinessRole.EDITOR);
    expect(
      payload<{ userErrors: unknown[] }>(
        await brokerBam.client.gql(ASSIGN_CLIENT, {
          input: { providerBusinessId: brokerId, userId: bmBroker.userId, clientBusinessId: clientId },
        }),
      ).userErrors,
    ).toEqual([]);
    reader = await member(t, clientId, clientBam.userId, 'NtReader2026', BusinessRole.READER, [rm]);

    // The client's notices: one of each kind that matters to the tables.
    const northern = BN.NORTHERN;
    const seed = (
      subject: string,
      type: NoticeType,
      programAccountId: string | null,
      accountNumber = northern,
    ) =>
      seedNotices(t, clientId, accountNumber, 1, {
        type,
        programAccountId,
        subject: { en: subject, fr: subject },
      });
    await seed('general', NoticeType.GENERAL, null);
    await seed('statement RM0001', NoticeType.STATEMENT_OF_ACCOUNT_ISSUED, rm, `${northern}RM0001`);
    await seed('statement RT0001', NoticeType.STATEMENT_OF_ACCOUNT_ISSUED, rt, `${northern}RT0001`);
    await seed('collections RM0001', NoticeType.COLLECTIONS, rm, `${northern}RM0001`);
    await seed('payment arrangement', NoticeType.PAYMENT_ARRANGEMENT, null);
    await seedNotices(t, clientId, northern, 1, {
      recipientUserId: reader.userId,
      type: NoticeType.ACCESS_AUTHORIZATIONS_CHANGED,
      subject: { en: 'personal to the reader', fr: 'personnel' },
    });
    // From the events themselves: an access request (and the relationship requests of the setup).
    const asker = await person(t, 'NtAsker2026', 'Ada', 'Asker');
    await asker.client.gql(REQUEST_ACCESS, { input: { businessNumber: BN.NORTHERN, reason: 'New hire' } });
  });
  afterAll(async () => t?.close());

  const RELATIONSHIP = 'New business relationship request';
  const PENDING_ACCESS = 'Pending access request for your business';
  const REGISTERED = 'Business registration completed';

  it('the client’s BAM sees every notice of the business, not a person’s own', async () => {
    expect(await seen(clientBam)).toEqual(
      [
        'general',
        'statement RM0001',
        'statement RT0001',
        'collections RM0001',
        'payment arrangement',
        PENDING_ACCESS,
        RELATIONSHIP,
        RELATIONSHIP,
        REGISTERED,
      ].sort(),
    );
  });

  it('a Reader sees its programs’ notices and the business-level ones, not access or relationship notices', async () => {
    expect(await seen(reader)).toEqual(
      [
        'general',
        'statement RM0001',
        'collections RM0001',
        'payment arrangement',
        'personal to the reader',
        REGISTERED,
      ].sort(),
    );
  });

  it('business management sees in-scope non-collections notices: never collections, access or relationships', async () => {
    expect(await seen(bmBroker)).toEqual(
      ['general', 'statement RM0001', 'statement RT0001', REGISTERED].sort(),
    );
  });

  it('program management never sees a collections notice, nor out-of-scope program notices', async () => {
    expect(await seen(pmBroker)).toEqual(['general', 'statement RM0001', REGISTERED].sort());
    // Not by id either: the answer is the same as for a notice that does not exist.
    const all = await noticesOf(clientBam.client, { filter: { businessId: clientId } });
    const hidden = all.edges.filter((e) =>
      ['collections RM0001', 'statement RT0001', 'payment arrangement', PENDING_ACCESS].includes(
        e.node.subject!,
      ),
    );
    expect(hidden).toHaveLength(4);
    for (const edge of hidden)
      expect(payload<unknown>(await pmBroker.client.gql(NOTICE, { id: edge.node.id }))).toBeNull();
  });

  it('a provider’s employee assigned to nothing sees none of the client’s notices', async () => {
    expect(await seen(idleBroker)).toEqual([]);
  });

  it('a person-addressed notice is its person’s only', async () => {
    const personal = (await noticesOf(reader.client, { filter: { type: 'ACCESS_AUTHORIZATIONS_CHANGED' } }))
      .edges;
    expect(personal.map((e) => e.node.subject)).toEqual(['personal to the reader']);
    expect(payload<unknown>(await clientBam.client.gql(NOTICE, { id: personal[0].node.id }))).toBeNull();
  });

  it('once the relationship ends, program management sees nothing of the client', async () => {
    expect((await end(clientBam.client, pmRelationshipId)).userErrors).toEqual([]);
    expect(await seen(pmBroker)).toEqual([]);
  });
});
