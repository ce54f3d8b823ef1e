import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BusinessRole } from '../../src/modules/businesses/businesses.types.js';
import { BusinessAuditEvent } from '../../src/modules/businesses/businesses.entities.js';
import { Attachment } from '../../src/modules/documents/documents.entities.js';
import { In } from 'typeorm';
import { MessageThread, ThreadMessage } from '../../src/modules/messaging/messaging.entities.js';
import { MailOutbox, Notice } from '../../src/modules/notices/notices.entities.js';
import {
  importReferenceData,
  loadDemoReferenceData,
} from '../../src/modules/registry/reference-data.service.js';
import { PersonRole } from '../../src/modules/users/user.types.js';
import { bearer, tokenSecret } from '../support/api-tokens.js';
import { drivers } from '../support/databases.js';
import { download, pdfOfSize, sampleExe, samplePdf } from '../support/documents.js';
import { type GqlClient } from '../support/gql-client.js';
import { acceptTerms, payload, seedUser, signIn } from '../support/identity.js';
import {
  ASSIGN,
  BUSINESS_THREADS,
  INBOX,
  ISSUE_LETTER,
  LETTER,
  LETTERS,
  MARK_READ,
  OFFICER_OPEN,
  OFFICER_REPLY,
  OPEN,
  POST,
  SET_CLOSED,
  THREAD,
  uploadAttachments,
  type ThreadView,
} from '../support/messaging.js';
import {
  accountsOf,
  BN,
  establish,
  member,
  person,
  registerDirectly,
  type Person,
} from '../support/relationships.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Secure messaging (issue 15, docs/messaging.md) through the real HTTP API. One client, Northern Lights
// (RM0001, RT0001), its BAM, a PAM and a Reader scoped to RM0001; a customs broker's employee under business
// management and a consultant's under program management of RM0001; an outsider; an agency officer. The
// expected access answers are the MESSAGES row of decision 0030, written here from the seed's intent:
// providers act on the client's requests (business management: all; program management: its programs), a
// thread about the whole business is for whole-business actors, a Reader reads and never writes.

type Errors = Array<{ field: string[]; code: string; message: string }>;
interface ThreadPayload {
  thread: ThreadView | null;
  userErrors: Errors;
}

describe.each(drivers)('secure messaging on %s', (driver) => {
  let t: TestApp;
  let dataDir: string;
  let bam: Person;
  let pam: Person;
  let reader: Person;
  let bmBroker: Person;
  let pmBroker: Person;
  let outsider: Person;
  let officer: GqlClient;
  let officerId: string;
  let clientId: string;
  let rm: string;
  let rt: string;
  let rmThread: ThreadView;
  let rtThread: ThreadView;
  let wholeThread: ThreadView;
  let brokerBam: Person;
  let consultantBam: Person;
  let brokerId: string;
  let consultantId: string;

  const open = async (client: GqlClient, input: Record<string, unknown>) =>
    payload<ThreadPayload>(
      await client.gql(OPEN, {
        input: {
          businessId: clientId,
          subject: 'About our account',
          category: 'OTHER',
          body: 'Hello',
          ...input,
        },
      }),
    );

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-messaging-'));
    t = await startTestApp(driver, { env: { DATA_DIR: dataDir } });
    await importReferenceData(t.dataSource, await loadDemoReferenceData());
    bam = await person(t, 'MClientBam2026', 'Alexandra', 'Whitfield');
    brokerBam = await person(t, 'MBrokerBam2026', 'Bruno', 'Maple');
    consultantBam = await person(t, 'MConsultBam2026', 'Chloe', 'Harbour');
    outsider = await person(t, 'MOutsider2026', 'Olga', 'Outside');
    clientId = await registerDirectly(t, BN.NORTHERN, bam.userId);
    brokerId = await registerDirectly(t, BN.MAPLE, brokerBam.userId);
    consultantId = await registerDirectly(t, BN.HARBOUR, consultantBam.userId);
    ({ RM0001: rm, RT0001: rt } = await accountsOf(t, BN.NORTHERN));
    await establish(brokerBam, brokerId, bam, BN.NORTHERN, 'BUSINESS_MANAGEMENT');
    await establish(consultantBam, consultantId, bam, BN.NORTHERN, 'PROGRAM_MANAGEMENT', [rm]);
    bmBroker = await member(t, brokerId, brokerBam.userId, 'MBmBroker2026', BusinessRole.EDITOR);
    pmBroker = await member(t, consultantId, consultantBam.userId, 'MPmBroker2026', BusinessRole.EDITOR);
    const ASSIGN_EMPLOYEE = `mutation($input: AssignEmployeeToClientInput!) { assignEmployeeToClient(input: $input) { userErrors { code } } }`;
    for (const [boss, providerId, who] of [
      [brokerBam, brokerId, bmBroker],
      [consultantBam, consultantId, pmBroker],
    ] as const)
      expect(
        payload<{ userErrors: unknown[] }>(
          await boss.client.gql(ASSIGN_EMPLOYEE, {
            input: { providerBusinessId: providerId, userId: who.userId, clientBusinessId: clientId },
          }),
        ).userErrors,
      ).toEqual([]);
    pam = await member(t, clientId, bam.userId, 'MPam2026', BusinessRole.PROGRAM_ACCOUNT_MANAGER, [rm]);
    reader = await member(t, clientId, bam.userId, 'MReader2026', BusinessRole.READER, [rm]);
    officerId = (await seedUser(t.dataSource, 'MOfficer2026', PersonRole.OFFICER)).id;
    officer = t.client();
    await signIn(officer, 'MOfficer2026');
    await acceptTerms(officer);

    rmThread = (await open(bam.client, { programAccountId: rm, category: 'RULINGS', subject: 'RM question' }))
      .thread!;
    rtThread = (await open(bam.client, { programAccountId: rt, subject: 'RT question' })).thread!;
    wholeThread = (await open(bam.client, { subject: 'Whole business question' })).thread!;
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const reads = async (client: GqlClient, thread: ThreadView) => {
    const result = await client.gql(THREAD, { id: thread.id });
    const seen = (result.body.data?.messageThread as { id: string } | null)?.id === thread.id;
    if (!seen) expect(result.body.errors?.[0]?.extensions?.code).toMatch(/FORBIDDEN/);
    return seen;
  };
  const listed = async (client: GqlClient) => {
    const result = await client.gql(BUSINESS_THREADS, { id: clientId, first: 100 });
    const business = result.body.data?.business as {
      messageThreads: { edges: Array<{ node: ThreadView }> } | null;
    } | null;
    return business?.messageThreads?.edges.map((e) => e.node.subject).sort() ?? null;
  };
  const replies = async (client: GqlClient, thread: ThreadView) => {
    const before = await t.dataSource.getRepository(ThreadMessage).count();
    const result = await client.gql(POST, { input: { threadId: thread.id, body: 'A reply' } });
    const done = Boolean((result.body.data?.postMessage as ThreadPayload | null)?.thread);
    // A refused reply writes nothing.
    if (!done) expect(await t.dataSource.getRepository(ThreadMessage).count()).toBe(before);
    return done;
  };
  const opens = async (client: GqlClient, programAccountId: string | null) => {
    const before = await t.dataSource.getRepository(MessageThread).count();
    const result = await client.gql(OPEN, {
      input: { businessId: clientId, subject: 'Opened', category: 'OTHER', body: 'Hi', programAccountId },
    });
    const thread = (result.body.data?.openMessageThread as ThreadPayload | null)?.thread;
    if (!thread) {
      expect(result.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(await t.dataSource.getRepository(MessageThread).count()).toBe(before);
      return false;
    }
    // Undo, so that lists stay as set up.
    await t.dataSource.getRepository(ThreadMessage).delete({ threadId: thread.id });
    await t.dataSource.getRepository(MessageThread).delete({ id: thread.id });
    return true;
  };

  // [read RM thread, read RT thread, read whole-business thread, open on RM, open on RT, open whole, reply RM]
  const cells: Array<[string, () => GqlClient, boolean[]]> = [
    ['BAM', () => bam.client, [true, true, true, true, true, true, true]],
    ['PAM of RM0001', () => pam.client, [true, false, false, true, false, false, true]],
    ['Reader of RM0001', () => reader.client, [true, false, false, false, false, false, false]],
    ['provider, business management', () => bmBroker.client, [true, true, true, true, true, true, true]],
    [
      'provider, program management of RM0001',
      () => pmBroker.client,
      [true, false, false, true, false, false, true],
    ],
    ['outsider', () => outsider.client, [false, false, false, false, false, false, false]],
    // Officers read every thread; they write through the officer console only.
    ['agency officer', () => officer, [true, true, true, false, false, false, false]],
  ];
  for (const [who, client, expected] of cells)
    it(`MESSAGES cell by cell: ${who}`, async () => {
      const c = client();
      expect([
        await reads(c, rmThread),
        await reads(c, rtThread),
        await reads(c, wholeThread),
        await opens(c, rm),
        await opens(c, rt),
        await opens(c, null),
        await replies(c, rmThread),
      ]).toEqual(expected);
    });

  it('lists only the threads in the caller’s scope', async () => {
    expect(await listed(bam.client)).toEqual(['RM question', 'RT question', 'Whole business question']);
    expect(await listed(reader.client)).toEqual(['RM question']);
    expect(await listed(pmBroker.client)).toEqual(['RM question']);
    expect(await listed(bmBroker.client)).toEqual(['RM question', 'RT question', 'Whole business question']);
    expect(await listed(outsider.client)).toBeNull();
  });

  it('attachments: 10 files at the bound, 11 refused, .exe renamed .pdf refused, download by the decision', async () => {
    const pdf = (i: number) => ({ name: `f${i}.pdf`, content: samplePdf(`file ${i}`) });
    const ten = await uploadAttachments(
      t.url,
      bam.client,
      clientId,
      Array.from({ length: 10 }, (_, i) => pdf(i)),
    );
    expect(ten.status).toBe(201);
    expect(ten.body.attachments).toHaveLength(10);
    const rows = await t.dataSource.getRepository(Attachment).count();
    const eleven = await uploadAttachments(
      t.url,
      bam.client,
      clientId,
      Array.from({ length: 11 }, (_, i) => pdf(i)),
    );
    expect(eleven.status).toBe(422);
    expect(eleven.body.errors?.map((e) => e.code)).toContain('TOO_MANY');
    const exe = await uploadAttachments(
      t.url,
      bam.client,
      clientId,
      [{ name: 'invoice.pdf', content: sampleExe() }],
      {
        lang: 'fr',
      },
    );
    expect(exe.status).toBe(422);
    expect(exe.body.errors?.map((e) => e.code)).toEqual(['CONTENT_MISMATCH']);
    expect(exe.body.errors?.[0].message).toMatch(/[éè]|fichier/i);
    // Not the caller's business to write to: nothing stored either.
    const foreign = await uploadAttachments(t.url, outsider.client, clientId, [pdf(1)]);
    expect(foreign.status).toBe(422);
    expect(foreign.body.errors?.map((e) => e.code)).toEqual(['REQUIRED']);
    expect(await t.dataSource.getRepository(Attachment).count()).toBe(rows);

    const ids = ten.body.attachments!.map((a) => a.id);
    const posted = payload<ThreadPayload>(
      await bam.client.gql(POST, {
        input: { threadId: rmThread.id, body: 'See attached', attachmentIds: ids },
      }),
    );
    expect(posted.userErrors).toEqual([]);
    const url = ten.body.attachments![0].downloadUrl;
    expect((await download(t.url, bam.client, url)).status).toBe(200);
    expect((await download(t.url, pmBroker.client, url)).status).toBe(200);
    expect((await download(t.url, reader.client, url)).status).toBe(200);
    expect((await download(t.url, outsider.client, url)).status).toBe(403);
    // On the RT thread, the program-management provider of RM0001 is outside its scope.
    const rtUpload = await uploadAttachments(t.url, bam.client, clientId, [pdf(3)]);
    await bam.client.gql(POST, {
      input: { threadId: rtThread.id, body: 'RT file', attachmentIds: [rtUpload.body.attachments![0].id] },
    });
    expect((await download(t.url, pmBroker.client, rtUpload.body.attachments![0].downloadUrl)).status).toBe(
      403,
    );
  });

  it('a file of exactly 15 MB is taken, one byte more is refused', async () => {
    const limit = 15 * 1024 * 1024;
    const at = await uploadAttachments(t.url, bam.client, clientId, [
      { name: 'big.pdf', content: pdfOfSize(limit) },
    ]);
    expect(at.status).toBe(201);
    const over = await uploadAttachments(t.url, bam.client, clientId, [
      { name: 'big.pdf', content: pdfOfSize(limit + 1) },
    ]);
    expect(over.status).toBe(422);
    expect(over.body.errors?.map((e) => e.code)).toEqual(['TOO_LARGE']);
  });

  it('limits: subject 200 and message 5000 characters at the bound, refused one over', async () => {
    const ok = await open(bam.client, {
      subject: 's'.repeat(200),
      body: 'b'.repeat(5000),
      programAccountId: rm,
    });
    expect(ok.userErrors).toEqual([]);
    const over = await open(bam.client, {
      subject: 's'.repeat(201),
      body: 'b'.repeat(5001),
      programAccountId: rm,
    });
    expect(over.userErrors.map((e) => [e.field.join('.'), e.code])).toEqual([
      ['input.subject', 'TOO_LONG'],
      ['input.body', 'TOO_LONG'],
    ]);
    const ids = Array.from(
      { length: 11 },
      (_, i) => `00000000-0000-0000-0000-0000000000${String(i).padStart(2, '0')}`,
    );
    const tooMany = await open(bam.client, { programAccountId: rm, attachmentIds: ids });
    expect(tooMany.userErrors.map((e) => e.code)).toEqual(['TOO_MANY']);
  });

  it('a reply naming someone else’s attachment changes nothing (the transaction rolls back)', async () => {
    const theirs = await uploadAttachments(t.url, bmBroker.client, clientId, [
      { name: 'theirs.pdf', content: samplePdf() },
    ]);
    const before = {
      messages: await t.dataSource.getRepository(ThreadMessage).count(),
      thread: await t.dataSource.getRepository(MessageThread).findOneByOrFail({ id: rmThread.id }),
    };
    const answer = payload<ThreadPayload>(
      await bam.client.gql(POST, {
        input: { threadId: rmThread.id, body: 'Mine?', attachmentIds: [theirs.body.attachments![0].id] },
      }),
    );
    expect(answer.userErrors.map((e) => e.code)).toEqual(['NOT_FOUND']);
    expect(await t.dataSource.getRepository(ThreadMessage).count()).toBe(before.messages);
    expect(await t.dataSource.getRepository(MessageThread).findOneByOrFail({ id: rmThread.id })).toEqual(
      before.thread,
    );
    expect(
      (await t.dataSource.getRepository(Attachment).findOneByOrFail({ id: theirs.body.attachments![0].id }))
        .ownerId,
    ).toBeNull();
  });

  it('officer inbox: oldest waiting first in keyset pages; take, reply as “Agency officer”, close, reopen', async () => {
    const page = async (after?: string) =>
      payload<{
        totalCount: number;
        pageInfo: { endCursor: string; hasNextPage: boolean };
        edges: Array<{ node: ThreadView }>;
      }>(await officer.gql(INBOX, { first: 2, after }));
    const seen: ThreadView[] = [];
    let after: string | undefined;
    for (;;) {
      const p = await page(after);
      seen.push(...p.edges.map((e) => e.node));
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    const waits = seen.map((s) => Date.parse(s.waitingSince));
    expect(waits).toEqual([...waits].sort((a, b) => a - b));
    expect(new Set(seen.map((s) => s.id)).size).toBe(seen.length);
    expect(seen.every((s) => ['OPEN', 'WAITING_FOR_AGENCY'].includes(s.status))).toBe(true);
    // A person may not read the inbox.
    expect((await bam.client.gql(INBOX, {})).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const taken = payload<ThreadPayload>(await officer.gql(ASSIGN, { id: rmThread.id }));
    expect(taken.thread).toMatchObject({ assigned: true, assignedToMe: true });
    const reply = payload<ThreadPayload>(
      await officer.gql(OFFICER_REPLY, { input: { threadId: rmThread.id, body: 'We are looking into it.' } }),
    );
    expect(reply.thread?.status).toBe('WAITING_FOR_CLIENT');
    const unread = payload<{ unreadMessageThreadCount: number }>(
      await bam.client.gql(BUSINESS_THREADS, { id: clientId }),
    );
    expect(unread.unreadMessageThreadCount).toBeGreaterThanOrEqual(1);
    const thread = await bam.client.gql(THREAD, { id: rmThread.id });
    const text = JSON.stringify(thread.body.data);
    expect(text).toContain('Agency officer');
    expect(text).toContain('Rulings team');
    expect(text).not.toContain('MOfficer2026');
    const french = t.client({ lang: 'fr' });
    await signIn(french, 'MClientBam2026');
    await acceptTerms(french);
    const frText = JSON.stringify((await french.gql(THREAD, { id: rmThread.id })).body.data);
    expect(frText).toContain("Agent de l'agence");
    expect(frText).toContain('Équipe des décisions');
    expect(
      payload<{ unreadCount: number }>(await bam.client.gql(MARK_READ, { id: rmThread.id })).unreadCount,
    ).toBe(0);

    const closed = payload<ThreadPayload>(await officer.gql(SET_CLOSED, { id: rmThread.id, closed: true }));
    expect(closed.thread?.status).toBe('CLOSED');
    const late = payload<ThreadPayload>(
      await bam.client.gql(POST, { input: { threadId: rmThread.id, body: 'One more thing' } }),
    );
    expect(late.userErrors.map((e) => e.code)).toEqual(['CLOSED']);
    const again = payload<ThreadPayload>(await officer.gql(SET_CLOSED, { id: rmThread.id, closed: true }));
    expect(again.userErrors.map((e) => e.code)).toEqual(['UNCHANGED']);
    expect(
      payload<ThreadPayload>(await officer.gql(SET_CLOSED, { id: rmThread.id, closed: false })).thread
        ?.status,
    ).toBe('OPEN');
    const audit = await t.dataSource.getRepository(BusinessAuditEvent).findBy({ actorId: officerId });
    expect(audit.map((a) => a.type).sort()).toEqual(
      expect.arrayContaining(['THREAD_ASSIGNED', 'MESSAGE_POSTED', 'THREAD_STATUS_CHANGED']),
    );
  });

  it('an officer starts a thread to a business, and sees a business’s threads from its page', async () => {
    const started = payload<ThreadPayload>(
      await officer.gql(OFFICER_OPEN, {
        input: {
          businessId: clientId,
          subject: 'Please confirm your address',
          category: 'ACCOUNT_AND_BILLING',
          body: 'Hello',
        },
      }),
    );
    expect(started.thread).toMatchObject({ status: 'WAITING_FOR_CLIENT', assignedToMe: true });
    const ofBusiness = payload<{ edges: Array<{ node: ThreadView }> }>(
      await officer.gql(INBOX, { businessId: clientId, first: 100 }),
    );
    expect(ofBusiness.edges.map((e) => e.node.subject)).toContain('Please confirm your address');
    expect(ofBusiness.edges.every((e) => e.node.business)).toBe(true);
  });

  // Decision 0038: the agency writing in a thread tells those who may read the thread (the same MESSAGES
  // decision: a thread about the whole business only its whole-business readers), by a notice, an email
  // through the outbox to the business's own people, and the live bell; a person's own message tells nobody.
  const NOTICES = `{ notices(first: 100) { edges { node { id type subject linkPath } } } }`;
  const noticesOf = async (client: GqlClient, threadId: string) => {
    const result = await client.gql(NOTICES);
    const edges =
      (result.body.data?.notices as { edges: Array<{ node: { type: string; linkPath: string } }> } | null)
        ?.edges ?? [];
    return edges.filter((e) => e.node.linkPath === `/messages/${threadId}`).map((e) => e.node.type);
  };
  const emailedFor = async (threadId: string) => {
    const notices = await t.dataSource.getRepository(Notice).findBy({ linkPath: `/messages/${threadId}` });
    const mails = await t.dataSource
      .getRepository(MailOutbox)
      .findBy({ noticeId: In(notices.map((n) => n.id)) });
    return mails.map((m) => m.userId).sort();
  };

  it('a message from the agency: a notice and emails for those who may read the thread, no more', async () => {
    const thread = (await open(bam.client, { programAccountId: rm, subject: 'Notice me' })).thread!;
    const whole = (await open(bam.client, { subject: 'Notice the whole business' })).thread!;
    // The business's own messages tell nobody.
    expect(await noticesOf(bam.client, thread.id)).toEqual([]);
    for (const id of [thread.id, whole.id])
      expect(
        payload<ThreadPayload>(
          await officer.gql(OFFICER_REPLY, { input: { threadId: id, body: 'Answered.' } }),
        ).userErrors,
      ).toEqual([]);
    const who: Array<[string, Person]> = [
      ['bam', bam],
      ['pam', pam],
      ['reader', reader],
      ['bmBroker', bmBroker],
      ['pmBroker', pmBroker],
      ['outsider', outsider],
    ];
    const told = async (threadId: string) => {
      const out: string[] = [];
      for (const [name, p] of who) if ((await noticesOf(p.client, threadId)).length) out.push(name);
      return out;
    };
    // As the MESSAGES cells above: RM0001's thread for everyone but the outsider...
    expect(await told(thread.id)).toEqual(['bam', 'pam', 'reader', 'bmBroker', 'pmBroker']);
    expect(await noticesOf(bam.client, thread.id)).toEqual(['MESSAGE_FROM_AGENCY']);
    // ... the whole business's for its BAM and the business management provider only.
    expect(await told(whole.id)).toEqual(['bam', 'bmBroker']);
    // Emails go to the business's own people who may read it (all subscribed here).
    expect(await emailedFor(thread.id)).toEqual([bam.userId, pam.userId, reader.userId].sort());
    expect(await emailedFor(whole.id)).toEqual([bam.userId]);
    const notice = await t.dataSource
      .getRepository(Notice)
      .findOneByOrFail({ linkPath: `/messages/${thread.id}` });
    expect(notice.subjectEn).toBe('New message from the agency: Notice me');
    expect(notice.subjectFr).toBe('Nouveau message de l’agence : Notice me');
    expect(notice.bodyEn).toContain(thread.referenceNumber);
  });

  // node(id:) reads a thread back with the same decision as messageThread(id:); null, never an error, when
  // the caller may not see it (unknown and out of reach alike).
  const NODE = `query($id: ID!) { node(id: $id) { __typename id ... on MessageThread { subject referenceNumber } } }`;
  const nodeOf = async (client: GqlClient, id: string) =>
    ((await client.gql(NODE, { id })).body.data?.node as { __typename: string; subject: string } | null) ??
    null;

  it('node(id:) resolves a thread for those who may read it, null for others', async () => {
    expect(await nodeOf(bam.client, wholeThread.id)).toMatchObject({
      __typename: 'MessageThread',
      subject: 'Whole business question',
    });
    expect(await nodeOf(pmBroker.client, rmThread.id)).toMatchObject({ __typename: 'MessageThread' });
    expect(await nodeOf(officer, wholeThread.id)).toMatchObject({ __typename: 'MessageThread' });
    for (const [p, thread] of [
      [pam, wholeThread],
      [reader, rtThread],
      [pmBroker, wholeThread],
      [outsider, rmThread],
    ] as const)
      expect(await nodeOf(p.client, thread.id)).toBeNull();
    expect(await nodeOf(bam.client, '00000000-0000-7000-8000-000000000000')).toBeNull();
  });

  // Issue 15 §6 through the token path (decision 0038): a broker system's API token reads threads as the
  // MESSAGES row allows its business's relationship (business management: every thread of the client;
  // program management: its programs' only, never the whole business's), writes only with READ_WRITE, never
  // reads letters (CORRESPONDENCE: providers never), and downloads attachments by the same decision.
  it('API tokens of both relationship types: threads, replies, letters and attachments as the table allows', async () => {
    const bm = await tokenSecret(brokerBam.client, { businessId: brokerId, scope: 'READ' });
    const bmWrite = await tokenSecret(brokerBam.client, { businessId: brokerId, scope: 'READ_WRITE' });
    const pm = await tokenSecret(consultantBam.client, { businessId: consultantId, scope: 'READ_WRITE' });
    const readsBy = async (secret: string, thread: ThreadView) => {
      const answer = await bearer(t, secret, THREAD, { id: thread.id });
      const seen = (answer.body.data?.messageThread as { id: string } | null)?.id === thread.id;
      if (!seen) expect(answer.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const node = await bearer(t, secret, NODE, { id: thread.id });
      expect(Boolean(node.body.data?.node)).toBe(seen);
      return seen;
    };
    const repliesBy = async (secret: string, thread: ThreadView) => {
      const answer = await bearer(t, secret, POST, {
        input: { threadId: thread.id, body: 'From the system' },
      });
      return Boolean((answer.body.data?.postMessage as ThreadPayload | null)?.thread);
    };
    const opensBy = async (secret: string, programAccountId: string | null) => {
      const answer = await bearer(t, secret, OPEN, {
        input: { businessId: clientId, subject: 'By token', category: 'OTHER', body: 'Hi', programAccountId },
      });
      return Boolean((answer.body.data?.openMessageThread as ThreadPayload | null)?.thread);
    };
    // [read RM, read RT, read whole business]
    expect([
      await readsBy(bm.secret, rmThread),
      await readsBy(bm.secret, rtThread),
      await readsBy(bm.secret, wholeThread),
    ]).toEqual([true, true, true]);
    expect([
      await readsBy(pm.secret, rmThread),
      await readsBy(pm.secret, rtThread),
      await readsBy(pm.secret, wholeThread),
    ]).toEqual([true, false, false]);
    // A READ token writes nothing; READ_WRITE as the relationship allows.
    expect(await repliesBy(bm.secret, rtThread)).toBe(false);
    expect(await opensBy(bm.secret, rt)).toBe(false);
    expect(await repliesBy(bmWrite.secret, rtThread)).toBe(true);
    expect(await opensBy(bmWrite.secret, null)).toBe(true);
    expect(await repliesBy(pm.secret, rmThread)).toBe(true);
    expect(await repliesBy(pm.secret, rtThread)).toBe(false);
    expect(await opensBy(pm.secret, rm)).toBe(true);
    expect(await opensBy(pm.secret, null)).toBe(false);
    // The business's thread list through the token: its scope only.
    const listedBy = async (secret: string) =>
      (
        (await bearer(t, secret, BUSINESS_THREADS, { id: clientId, first: 100 })).body.data?.business as {
          messageThreads: { edges: Array<{ node: ThreadView }> } | null;
        } | null
      )?.messageThreads?.edges.map((e) => e.node.id) ?? [];
    expect(await listedBy(pm.secret)).toContain(rmThread.id);
    expect(await listedBy(pm.secret)).not.toContain(rtThread.id);
    expect(await listedBy(bm.secret)).toEqual(expect.arrayContaining([rtThread.id, wholeThread.id]));

    // Attachments: downloaded with the token by the thread's decision.
    const files = await uploadAttachments(t.url, bam.client, clientId, [
      { name: 'rt.pdf', content: samplePdf('rt file') },
    ]);
    const posted = payload<ThreadPayload>(
      await bam.client.gql(POST, {
        input: {
          threadId: rtThread.id,
          body: 'See the file',
          attachmentIds: [files.body.attachments![0].id],
        },
      }),
    );
    expect(posted.userErrors).toEqual([]);
    const url = `${t.url}${files.body.attachments![0].downloadUrl}`;
    const get = (secret: string) => fetch(url, { headers: { authorization: `Bearer ${secret}` } });
    const byBm = await get(bm.secret);
    expect(byBm.status).toBe(200);
    expect(
      Buffer.from(await byBm.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect((await get(pm.secret)).status).toBe(403);

    // Letters: never through a provider's token.
    const pdf = await uploadAttachments(t.url, officer, clientId, [
      { name: 'letter.pdf', content: samplePdf('letter') },
    ]);
    const letter = payload<{ letter: { id: string } | null }>(
      await officer.gql(ISSUE_LETTER, {
        input: {
          businessId: clientId,
          programAccountId: rm,
          subjectEn: 'Letter',
          subjectFr: 'Lettre',
          bodyEn: 'Text',
          bodyFr: 'Texte',
          attachmentIds: [pdf.body.attachments![0].id],
        },
      }),
    ).letter!;
    for (const secret of [bm.secret, pm.secret]) {
      expect((await bearer(t, secret, LETTER, { id: letter.id })).body.errors?.[0]?.extensions?.code).toBe(
        'FORBIDDEN',
      );
      expect((await bearer(t, secret, NODE, { id: letter.id })).body.data?.node).toBeNull();
      expect((await bearer(t, secret, LETTERS, { id: clientId })).body.errors?.[0]?.extensions?.code).toBe(
        'FORBIDDEN',
      );
    }
  });
});
