import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../src/common/database/transactions.js';
import { DomainEventRecord } from '../../src/common/events/domain-event.entity.js';
import { publish } from '../../src/common/events/event-bus.js';
import { MailOutbox, Notice } from '../../src/modules/notices/notices.entities.js';
import { NoticeType } from '../../src/modules/notices/notices.types.js';
import { defaultFrom } from '../../src/modules/notices/notices.service.js';
import {
  importReferenceData,
  loadDemoReferenceData,
} from '../../src/modules/registry/reference-data.service.js';
import { PersonRole } from '../../src/modules/users/user.types.js';
import { signedInPerson } from '../support/businesses.js';
import { drivers } from '../support/databases.js';
import { type GqlClient } from '../support/gql-client.js';
import { acceptTerms, payload, PROFILE, seedUser, signIn } from '../support/identity.js';
import {
  count,
  MARK_READ,
  NOTICE,
  noticesOf,
  noticeTypes,
  OUTBOX,
  POST_NOTICE,
  seedNotices,
  UNREAD,
  type NoticeView,
} from '../support/notices.js';
import {
  accountsOf,
  BN,
  decide,
  person,
  registerDirectly,
  requestOne,
  type Person,
} from '../support/relationships.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Notices from the domain events (in the event's transaction, or none), the list and detail, read state,
// officers' posts and the outbox rows they write. Emails themselves: notices-mail.spec.ts.

const REQUEST_ACCESS = `mutation($input: RequestEmployerAccessInput!) { requestEmployerAccess(input: $input) {
  accessRequest { id } userErrors { code } } }`;
const DECIDE_ACCESS = `mutation($input: DecideAccessRequestInput!) { decideAccessRequest(input: $input) {
  accessRequest { id } userErrors { code } } }`;

describe.each(drivers)('notices on %s', (driver) => {
  let t: TestApp;
  let bam: Person;
  let employee: { client: GqlClient; userId: string };
  let officer: GqlClient;
  let clientId: string;
  let brokerBam: Person;
  let brokerId: string;

  beforeAll(async () => {
    t = await startTestApp(driver);
    await importReferenceData(t.dataSource, await loadDemoReferenceData());
    bam = await person(t, 'NoticeBam2026', 'Alexandra', 'Whitfield');
    brokerBam = await person(t, 'NoticeBroker26', 'Bruno', 'Maple');
    clientId = await registerDirectly(t, BN.NORTHERN, bam.userId);
    brokerId = await registerDirectly(t, BN.MAPLE, brokerBam.userId);
    // Unsubscribed from notice emails, English.
    employee = await signedInPerson(t, 'NoticeEmpl2026', {
      firstName: 'Émile',
      lastName: 'Gagnon',
      email: 'emile@example.ca',
      emailConfirmation: 'emile@example.ca',
      receiveNoticeEmails: false,
      preferredLanguage: 'EN',
    });
    await seedUser(t.dataSource, 'NoticeOffic2026', PersonRole.OFFICER);
    officer = t.client();
    await signIn(officer, 'NoticeOffic2026');
    await acceptTerms(officer);
  });
  afterAll(async () => {
    await t.close();
  });

  it('registration writes a "business registration completed" notice and an email to the subscribed BAM', async () => {
    const list = await noticesOf(bam.client, { filter: { businessId: clientId } });
    expect(list.edges.map((e) => e.node.type)).toEqual([NoticeType.BUSINESS_REGISTRATION_COMPLETED]);
    const notice = list.edges[0].node;
    expect(notice.accountNumber).toBe(BN.NORTHERN);
    expect(notice.read).toBe(false);
    const emails = await t.dataSource.getRepository(MailOutbox).findBy({ noticeId: notice.id });
    // PROFILE: subscribed, French.
    expect(emails.map((e) => [e.userId, e.email, e.language, e.status])).toEqual([
      [bam.userId, PROFILE.email, 'fr', 'PENDING'],
    ]);
  });

  it('an access request is a "pending access" notice to the business; the decision one to the requester only', async () => {
    const before = await count(t);
    const asked = payload<{ accessRequest: { id: string } | null; userErrors: unknown[] }>(
      await employee.client.gql(REQUEST_ACCESS, {
        input: { businessNumber: BN.NORTHERN, reason: 'I work here' },
      }),
    );
    expect(asked.userErrors).toEqual([]);
    // One notice; the BAM is subscribed: one email. The requester sees nothing yet.
    expect(await count(t)).toEqual({ notices: before.notices + 1, emails: before.emails + 1 });
    const pending = (await noticesOf(bam.client, { filter: { type: 'DELEGATION_PENDING_ACCESS' } })).edges;
    expect(pending).toHaveLength(1);
    expect(pending[0].node).toMatchObject({
      subject: 'Pending access request for your business',
      typeLabel: 'Delegation changes - Pending access',
      linkPath: '/business/employees',
      accountNumber: BN.NORTHERN,
    });
    expect(pending[0].node.body).toContain('You have a new pending access request from Émile Gagnon for');
    // In French when asked (Accept-Language), as the seed writes it.
    const french = payload<NoticeView>(
      await bam.client.gql(NOTICE, { id: pending[0].node.id }, { headers: { 'accept-language': 'fr' } }),
    );
    expect(french).toMatchObject({
      subject: 'Demande d’accès en attente pour votre entreprise',
      typeLabel: 'Modifications apportées à la délégation - En attente de l’accès',
    });
    expect(french.body).toContain('Vous avez une nouvelle demande d’accès en attente de Émile Gagnon pour');
    expect(await noticeTypes(employee.client)).toEqual([]);
    // Not visible to the requester.
    expect(
      payload<NoticeView | null>(await employee.client.gql(NOTICE, { id: pending[0].node.id })),
    ).toBeNull();

    const decided = payload<{ userErrors: unknown[] }>(
      await bam.client.gql(DECIDE_ACCESS, {
        input: { requestId: asked.accessRequest!.id, approve: true, role: 'BUSINESS_ACCOUNT_MANAGER' },
      }),
    );
    expect(decided.userErrors).toEqual([]);
    const mine = (
      await noticesOf(employee.client, { filter: { type: 'ACCESS_AUTHORIZATIONS_CHANGED' } })
    ).edges.map((e) => e.node);
    expect(mine.map((n) => [n.type, n.subject])).toEqual([
      [NoticeType.ACCESS_AUTHORIZATIONS_CHANGED, 'Your access authorizations have changed'],
    ]);
    // Person-addressed: the BAM (who now shares the business) does not see it.
    const bamIds = (await noticesOf(bam.client)).edges.map((e) => e.node.id);
    expect(bamIds).not.toContain(mine[0].id);
    expect(payload<unknown>(await bam.client.gql(NOTICE, { id: mine[0].id }))).toBeNull();
    // The employee is unsubscribed: no email for a non-urgent notice.
    expect(await t.dataSource.getRepository(MailOutbox).countBy({ noticeId: mine[0].id })).toBe(0);
  });

  it('writes nothing when the event’s transaction rolls back', async () => {
    const before = await count(t);
    const events = await t.dataSource.getRepository(DomainEventRecord).count();
    await expect(
      inTransaction(t.dataSource, async (manager) => {
        await publish(
          manager,
          {
            type: 'ACCESS_REQUESTED',
            payload: {
              requestId: 'x',
              businessId: clientId,
              businessNumber: BN.NORTHERN,
              requesterId: employee.userId,
            },
          },
          new Date(),
        );
        // The notice and its email were written inside the transaction...
        expect(await manager.count(Notice)).toBe(before.notices + 1);
        expect(await manager.count(MailOutbox)).toBe(before.emails + 1);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    // ...and are gone with it.
    expect(await count(t)).toEqual(before);
    expect(await t.dataSource.getRepository(DomainEventRecord).count()).toBe(events);
  });

  it('relationship events: the client hears of the request, the provider of the answer', async () => {
    const asked = await requestOne(brokerBam.client, brokerId, BN.NORTHERN, 'Hello');
    expect(asked.userErrors).toEqual([]);
    const received = (await noticesOf(bam.client, { filter: { type: 'RELATIONSHIP_REQUEST_RECEIVED' } }))
      .edges;
    expect(received).toHaveLength(1);
    expect(received[0].node.linkPath).toBe(`/business/relationships/${asked.relationship!.id}`);
    expect(await noticeTypes(brokerBam.client)).not.toContain('RELATIONSHIP_REQUEST_RECEIVED');
    const accepted = await decide(bam.client, {
      relationshipId: asked.relationship!.id,
      approve: true,
      type: 'BUSINESS_MANAGEMENT',
    });
    expect(accepted.userErrors).toEqual([]);
    const providerSide = (await noticesOf(brokerBam.client, { filter: { businessId: brokerId } })).edges;
    expect(providerSide.map((e) => e.node.type)).toContain(NoticeType.RELATIONSHIP_ACCEPTED);
  });

  it('a newly imported statement is a notice to its program account, once however often it is imported', async () => {
    const data = await loadDemoReferenceData();
    const business = data.businesses.find((b) => b.businessNumber === BN.NORTHERN)!;
    const account = business.programAccounts.find((a) => a.accountNumber.endsWith('RM0001'))!;
    account.statements.push({
      statementDate: '2099-01-31',
      periodStart: '2099-01-01',
      periodEnd: '2099-01-31',
      balanceCents: 123456,
      amountDueCents: 123456,
      dueDate: '2099-02-28',
    });
    const before = await t.dataSource
      .getRepository(Notice)
      .countBy({ type: NoticeType.STATEMENT_OF_ACCOUNT_ISSUED });
    await importReferenceData(t.dataSource, data);
    await importReferenceData(t.dataSource, data);
    const rows = await t.dataSource
      .getRepository(Notice)
      .findBy({ type: NoticeType.STATEMENT_OF_ACCOUNT_ISSUED });
    expect(rows.length - before).toBe(1);
    const { RM0001: rm } = await accountsOf(t, BN.NORTHERN);
    const statement = rows.find((r) => r.subjectEn.includes('2099-01-31'))!;
    expect(statement).toMatchObject({
      programAccountId: rm,
      businessId: clientId,
      accountNumber: account.accountNumber,
    });
    expect(statement.bodyEn).toContain('$1,234.56');
    expect(statement.bodyFr).toMatch(/1\s234,56\s\$/);
  });

  it('lists 10 a page with keyset cursors and the total, filters by date range and type, newest first', async () => {
    await seedNotices(t, clientId, BN.NORTHERN, 13, { type: NoticeType.DAILY_NOTICE });
    const first = await noticesOf(bam.client, { first: 10, filter: { type: 'DAILY_NOTICE' } });
    expect(first.totalCount).toBe(13);
    expect(first.edges).toHaveLength(10);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await noticesOf(bam.client, {
      first: 10,
      after: first.pageInfo.endCursor,
      filter: { type: 'DAILY_NOTICE' },
    });
    expect(second.edges).toHaveLength(3);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect(second.totalCount).toBe(13);
    const subjects = [...first.edges, ...second.edges].map((e) => e.node.subject);
    expect(subjects).toEqual(Array.from({ length: 13 }, (_, i) => `Notice ${13 - i}`));

    // Outside the default range (6 months): only with an explicit range.
    const old = new Date();
    old.setUTCMonth(old.getUTCMonth() - 7);
    await seedNotices(t, clientId, BN.NORTHERN, 1, { type: NoticeType.COLLECTIONS }, old);
    expect((await noticesOf(bam.client, { filter: { type: 'COLLECTIONS' } })).totalCount).toBe(0);
    const from = old.toISOString().slice(0, 8) + '01';
    expect((await noticesOf(bam.client, { filter: { type: 'COLLECTIONS', from } })).totalCount).toBe(1);
    expect(
      (await noticesOf(bam.client, { filter: { type: 'COLLECTIONS', from, to: defaultFrom(new Date()) } }))
        .totalCount,
    ).toBe(1);
  });

  it('rejects a bad date, a bad cursor and first over 100; accepts 100', async () => {
    const codes = async (variables: Record<string, unknown>) =>
      (
        (
          await bam.client.gql(
            `query($first: Int, $after: String, $filter: NoticeFilterInput) {
        notices(first: $first, after: $after, filter: $filter) { totalCount } }`,
            variables,
          )
        ).body.errors ?? []
      ).map((e) => e.extensions?.code);
    expect(await codes({ filter: { from: '2026-02-30' } })).toEqual(['BAD_USER_INPUT']);
    expect(await codes({ after: 'bm90LWEtY3Vyc29y' })).toEqual(['BAD_USER_INPUT']);
    expect(await codes({ first: 101 })).toEqual(['BAD_USER_INPUT']);
    expect(await codes({ first: 100 })).toEqual([]);
  });

  it('read state is per person, and the unread count follows it', async () => {
    const unread = async (c: GqlClient) => payload<number>(await c.gql(UNREAD));
    const before = await unread(bam.client);
    const employeeBefore = await unread(employee.client);
    const target = (await noticesOf(bam.client, { filter: { type: 'BUSINESS_REGISTRATION_COMPLETED' } }))
      .edges[0].node;
    const marked = payload<{ markNoticeRead: { notice: { read: boolean }; unreadCount: number } }>(
      await bam.client.gql(MARK_READ, { id: target.id }),
    );
    expect(marked).toMatchObject({ notice: { read: true }, unreadCount: before - 1 });
    // Again: no change.
    expect(
      payload<{ unreadCount: number }>(await bam.client.gql(MARK_READ, { id: target.id })).unreadCount,
    ).toBe(before - 1);
    // The employee (now a BAM too) still has it unread.
    expect(await unread(employee.client)).toBe(employeeBefore);
    const detail = payload<NoticeView>(await bam.client.gql(NOTICE, { id: target.id }));
    expect(detail).toMatchObject({ read: true, recipient: expect.any(String) as string });
  });

  it('officers post to one business, to a program type or to everyone; urgent ones are emailed to the unsubscribed', async () => {
    const post = async (input: Record<string, unknown>) => {
      const r = await officer.gql(POST_NOTICE, {
        input: {
          urgent: false,
          subjectEn: 'Holiday hours',
          subjectFr: 'Heures des fêtes',
          bodyEn: 'Closed.',
          bodyFr: 'Fermé.',
          ...input,
        },
      });
      return payload<{
        noticeCount: number;
        emailCount: number;
        userErrors: Array<{ field: string[]; code: string; message: string }>;
      }>(r);
    };
    // Problems: each field, in the caller's language; nothing written.
    const before = await count(t);
    const bad = await post({
      audience: 'BUSINESS',
      businessNumber: '12',
      subjectFr: ' ',
      bodyEn: 'x'.repeat(5001),
    });
    expect(bad.userErrors.map((e) => [e.field.join('.'), e.code])).toEqual([
      ['input.subjectFr', 'REQUIRED'],
      ['input.bodyEn', 'TOO_LONG'],
      ['input.businessNumber', 'INVALID_FORMAT'],
    ]);
    expect((await post({ audience: 'BUSINESS', businessNumber: '999999998' })).userErrors[0].code).toBe(
      'BUSINESS_NOT_FOUND',
    );
    expect((await post({ audience: 'PROGRAM_TYPE' })).userErrors[0].code).toBe('REQUIRED');
    expect(await count(t)).toEqual(before);
    // At the bound: 5000 characters.
    expect(
      (await post({ audience: 'BUSINESS', businessNumber: BN.NORTHERN, bodyEn: 'x'.repeat(5000) }))
        .noticeCount,
    ).toBe(1);

    // Urgent, to the business: both its BAMs get an email, the unsubscribed employee in English.
    const urgent = await post({
      audience: 'BUSINESS',
      businessNumber: BN.NORTHERN,
      urgent: true,
      subjectEn: 'Urgent: system outage',
    });
    expect(urgent).toEqual({ noticeCount: 1, emailCount: 2, userErrors: [] });
    const last = await t.dataSource
      .getRepository(Notice)
      .findOneOrFail({ where: { subjectEn: 'Urgent: system outage' } });
    const emails = await t.dataSource.getRepository(MailOutbox).findBy({ noticeId: last.id });
    expect(emails.map((e) => [e.userId, e.language]).sort()).toEqual(
      [
        [bam.userId, 'fr'],
        [employee.userId, 'en'],
      ].sort(),
    );

    // Every business with an importer account: one notice per such account.
    const importers = await post({ audience: 'PROGRAM_TYPE', programType: 'IMPORTER' });
    expect(importers.userErrors).toEqual([]);
    expect(importers.noticeCount).toBeGreaterThanOrEqual(1);
    const everyone = await post({ audience: 'EVERYONE' });
    expect(everyone.noticeCount).toBe(2);
    const general = (await noticesOf(brokerBam.client, { filter: { type: 'GENERAL', businessId: brokerId } }))
      .edges;
    expect(general.map((e) => e.node.subject)).toContain('Holiday hours');

    // A person may not post.
    const denied = await bam.client.gql(POST_NOTICE, {
      input: {
        audience: 'EVERYONE',
        urgent: false,
        subjectEn: 'a',
        subjectFr: 'a',
        bodyEn: 'a',
        bodyFr: 'a',
      },
    });
    expect(denied.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // Officers see the outbox.
    const outbox = payload<{ pending: number; dead: number }>(await officer.gql(OUTBOX));
    expect(outbox.pending).toBeGreaterThan(0);
    expect(outbox.dead).toBe(0);
  });
});
