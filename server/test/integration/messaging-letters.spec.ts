import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BusinessRole } from '../../src/modules/businesses/businesses.types.js';
import { Letter } from '../../src/modules/messaging/messaging.entities.js';
import { MailOutbox, Notice } from '../../src/modules/notices/notices.entities.js';
import {
  importReferenceData,
  loadDemoReferenceData,
} from '../../src/modules/registry/reference-data.service.js';
import { PersonRole } from '../../src/modules/users/user.types.js';
import { tokenSecret } from '../support/api-tokens.js';
import { drivers } from '../support/databases.js';
import { download, samplePdf } from '../support/documents.js';
import { type GqlClient } from '../support/gql-client.js';
import { acceptTerms, payload, seedUser, signIn } from '../support/identity.js';
import { ISSUE_LETTER, LETTER, LETTERS, MARK_LETTER_READ, uploadAttachments } from '../support/messaging.js';
import {
  accountsOf,
  BN,
  establish,
  member,
  person,
  registerDirectly,
  signInAgain,
  type Person,
} from '../support/relationships.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Correspondence (issue 15 §3, docs/messaging.md): letters the portal writes for its own decisions and
// letters officers post with a PDF; the CORRESPONDENCE row of decision 0030 (the business's own people by
// scope; providers never: seed 000 "les tiers n'y ont pas accès"); 10 a page, newest first, date range.

interface LetterView {
  id: string;
  kind: string;
  subject: string;
  body: string;
  issuedAt: string;
  read: boolean;
  programAccount: { id: string } | null;
  attachments: Array<{ id: string; downloadUrl: string }>;
}
interface LettersView {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ node: LetterView }>;
}

describe.each(drivers)('correspondence on %s', (driver) => {
  let t: TestApp;
  let dataDir: string;
  let bam: Person;
  let reader: Person;
  let bmBroker: Person;
  let officer: GqlClient;
  let clientId: string;
  let rm: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-letters-'));
    t = await startTestApp(driver, { env: { DATA_DIR: dataDir } });
    await importReferenceData(t.dataSource, await loadDemoReferenceData());
    bam = await person(t, 'LClientBam2026', 'Alexandra', 'Whitfield');
    const brokerBam = await person(t, 'LBrokerBam2026', 'Bruno', 'Maple');
    clientId = await registerDirectly(t, BN.NORTHERN, bam.userId);
    const brokerId = await registerDirectly(t, BN.MAPLE, brokerBam.userId);
    ({ RM0001: rm } = await accountsOf(t, BN.NORTHERN));
    await establish(brokerBam, brokerId, bam, BN.NORTHERN, 'BUSINESS_MANAGEMENT');
    bmBroker = await member(t, brokerId, brokerBam.userId, 'LBmBroker2026', BusinessRole.EDITOR);
    await brokerBam.client.gql(
      `mutation($input: AssignEmployeeToClientInput!) { assignEmployeeToClient(input: $input) { userErrors { code } } }`,
      { input: { providerBusinessId: brokerId, userId: bmBroker.userId, clientBusinessId: clientId } },
    );
    reader = await member(t, clientId, bam.userId, 'LReader2026', BusinessRole.READER, [rm]);
    await seedUser(t.dataSource, 'LOfficer2026', PersonRole.OFFICER);
    officer = t.client();
    await signIn(officer, 'LOfficer2026');
    await acceptTerms(officer);
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const letters = async (client: GqlClient, variables: Record<string, unknown> = {}) =>
    (await client.gql(LETTERS, { id: clientId, ...variables })).body.data?.business as {
      letters: LettersView | null;
    } | null;

  const postLetter = async (programAccountId: string | null, subject: string) => {
    const pdf = await uploadAttachments(t.url, officer, clientId, [
      { name: 'letter.pdf', content: samplePdf(subject) },
    ]);
    expect(pdf.status).toBe(201);
    return payload<{ letter: LetterView | null; userErrors: Array<{ code: string }> }>(
      await officer.gql(ISSUE_LETTER, {
        input: {
          businessId: clientId,
          programAccountId,
          subjectEn: subject,
          subjectFr: `${subject} (fr)`,
          bodyEn: 'Dear client,\n\nThis is the text.',
          bodyFr: 'Cher client,\n\nVoici le texte.',
          attachmentIds: [pdf.body.attachments![0].id],
        },
      }),
    );
  };

  it('an activation key issued writes a letter in both languages, once, for the business’s whole-business readers', async () => {
    const ISSUE = `mutation($input: IssueActivationKeyInput!) { issueActivationKey(input: $input) { userErrors { code } } }`;
    expect(
      payload<{ userErrors: unknown[] }>(
        await officer.gql(ISSUE, {
          input: { businessNumber: BN.NORTHERN, contactName: 'Alexandra Whitfield' },
        }),
      ).userErrors,
    ).toEqual([]);
    const en = (await letters(bam.client))!.letters!;
    expect(en.edges.map((e) => e.node.kind)).toEqual(['ACTIVATION_KEY_ISSUED']);
    expect(en.edges[0].node.subject).toBe(`Activation key issued for business number ${BN.NORTHERN}`);
    expect(en.edges[0].node.body).toContain('Alexandra Whitfield');
    const french = t.client({ lang: 'fr' });
    await signIn(french, 'LClientBam2026');
    await acceptTerms(french);
    const fr = (await letters(french))!.letters!;
    expect(fr.edges[0].node.subject).toBe(
      `Clé d'activation émise pour le numéro d'entreprise ${BN.NORTHERN}`,
    );
    // A letter about the whole business: not for a Reader scoped to RM0001; never for a provider.
    expect((await letters(reader.client))!.letters!.totalCount).toBe(0);
    const broker = await bmBroker.client.gql(LETTERS, { id: clientId });
    expect(broker.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('an officer posts a letter with its PDF; the scoped reader reads and downloads it, the provider cannot', async () => {
    const posted = await postLetter(rm, 'Your RM account review');
    expect(posted.userErrors).toEqual([]);
    const letter = posted.letter!;
    expect(letter.kind).toBe('OFFICER_LETTER');
    const seen = payload<LetterView>(await reader.client.gql(LETTER, { id: letter.id }));
    expect(seen).toMatchObject({ subject: 'Your RM account review', read: false });
    expect((await download(t.url, reader.client, letter.attachments[0].downloadUrl)).status).toBe(200);
    expect((await download(t.url, bmBroker.client, letter.attachments[0].downloadUrl)).status).toBe(403);
    expect((await bmBroker.client.gql(LETTER, { id: letter.id })).body.errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect(payload<LetterView>(await reader.client.gql(MARK_LETTER_READ, { id: letter.id })).read).toBe(true);
    // Read state is per person.
    expect(payload<LetterView>(await bam.client.gql(LETTER, { id: letter.id })).read).toBe(false);
  });

  it('a letter whose attachment is not a PDF is refused and nothing is written', async () => {
    const before = await t.dataSource.getRepository(Letter).count();
    const text = await uploadAttachments(t.url, officer, clientId, [
      { name: 'letter.txt', content: Buffer.from('plain text letter') },
    ]);
    const answer = payload<{ letter: LetterView | null; userErrors: Array<{ code: string }> }>(
      await officer.gql(ISSUE_LETTER, {
        input: {
          businessId: clientId,
          subjectEn: 'S',
          subjectFr: 'S',
          bodyEn: 'B',
          bodyFr: 'B',
          attachmentIds: [text.body.attachments![0].id],
        },
      }),
    );
    expect(answer.userErrors.map((e) => e.code)).toEqual(['REQUIRED']);
    expect(await t.dataSource.getRepository(Letter).count()).toBe(before);
    // A person may not post letters.
    expect(
      (
        await bam.client.gql(ISSUE_LETTER, {
          input: {
            businessId: clientId,
            subjectEn: 'S',
            subjectFr: 'S',
            bodyEn: 'B',
            bodyFr: 'B',
            attachmentIds: [],
          },
        })
      ).body.errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
  });

  it('lists 10 a page, newest first, within a date range', async () => {
    for (let i = 0; i < 11; i++) {
      // A day apart; sessions end when the clock jumps, so the officer signs in again.
      t.clock.advance(24 * 3600_000);
      officer = t.client();
      await signIn(officer, 'LOfficer2026');
      await acceptTerms(officer);
      expect((await postLetter(null, `Letter ${i}`)).userErrors).toEqual([]);
    }
    bam = await signInAgain(t, bam);
    const first = (await letters(bam.client))!.letters!;
    expect(first.edges).toHaveLength(10);
    expect(first.totalCount).toBe(13);
    expect(first.edges[0].node.subject).toBe('Letter 10');
    const times = first.edges.map((e) => Date.parse(e.node.issuedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const second = (await letters(bam.client, { after: first.pageInfo.endCursor }))!.letters!;
    expect(second.edges).toHaveLength(3);
    expect(second.pageInfo.hasNextPage).toBe(false);
    // One day: the letter issued that day only.
    const day = first.edges[3].node.issuedAt;
    const agencyDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Toronto' }).format(new Date(day));
    const oneDay = (await letters(bam.client, { from: agencyDay, to: agencyDay }))!.letters!;
    expect(oneDay.edges.map((e) => e.node.subject)).toEqual([first.edges[3].node.subject]);
    const bad = await bam.client.gql(LETTERS, { id: clientId, from: '2026-13-45' });
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  // Decision 0038: a new letter tells its readers (CORRESPONDENCE: own people by scope, never providers) by a
  // notice and an email; node(id:) reads a letter back with the same decision.
  const NOTICES = `{ notices(first: 100) { edges { node { type subject linkPath } } } }`;
  const letterNotices = async (client: GqlClient, letterId: string) =>
    (
      (
        (await client.gql(NOTICES)).body.data?.notices as {
          edges: Array<{ node: { type: string; subject: string; linkPath: string } }>;
        } | null
      )?.edges ?? []
    )
      .filter((e) => e.node.linkPath === `/correspondence/${letterId}`)
      .map((e) => e.node.subject);
  const NODE = `query($id: ID!) { node(id: $id) { __typename id ... on Letter { subject kind } } }`;

  it('a new letter tells its readers by a notice and an email; node(id:) reads it as letter(id:)', async () => {
    // The clock moved in the test before: everyone signs in again.
    [bam, reader, bmBroker] = [
      await signInAgain(t, bam),
      await signInAgain(t, reader),
      await signInAgain(t, bmBroker),
    ];
    const scoped = (await postLetter(rm, 'About RM0001')).letter!;
    const whole = (await postLetter(null, 'About the business')).letter!;
    expect(await letterNotices(bam.client, scoped.id)).toEqual(['New letter from the agency: About RM0001']);
    expect(await letterNotices(reader.client, scoped.id)).toHaveLength(1);
    expect(await letterNotices(bmBroker.client, scoped.id)).toEqual([]);
    expect(await letterNotices(bam.client, whole.id)).toHaveLength(1);
    expect(await letterNotices(reader.client, whole.id)).toEqual([]);
    const mailed = async (letterId: string) => {
      const notices = await t.dataSource
        .getRepository(Notice)
        .findBy({ linkPath: `/correspondence/${letterId}` });
      expect(notices.map((n) => n.subjectFr)).toEqual([
        `Nouvelle lettre de l’agence : ${letterId === scoped.id ? 'About RM0001' : 'About the business'} (fr)`,
      ]);
      return (await t.dataSource.getRepository(MailOutbox).findBy({ noticeId: notices[0].id }))
        .map((m) => m.userId)
        .sort();
    };
    expect(await mailed(scoped.id)).toEqual([bam.userId, reader.userId].sort());
    expect(await mailed(whole.id)).toEqual([bam.userId]);

    const node = async (client: GqlClient, id: string) =>
      ((await client.gql(NODE, { id })).body.data?.node as { __typename: string } | null) ?? null;
    expect(await node(bam.client, whole.id)).toMatchObject({ __typename: 'Letter', kind: 'OFFICER_LETTER' });
    expect(await node(reader.client, scoped.id)).toMatchObject({ subject: 'About RM0001' });
    expect(await node(officer, whole.id)).toMatchObject({ __typename: 'Letter' });
    expect(await node(reader.client, whole.id)).toBeNull();
    expect(await node(bmBroker.client, scoped.id)).toBeNull();
  });

  // `npm run report -- correspondence` (issue 15 §6): the business's letters through its own token, every page
  // to the end, as CSV (a provider's token is refused letters: messaging.spec.ts, the token path).
  it('the correspondence report lists the business’s letters through its own token', async () => {
    bam = await signInAgain(t, bam);
    const own = await tokenSecret(bam.client, { businessId: clientId, scope: 'READ' });
    const cli = path.resolve(import.meta.dirname, '../../../tools/report/report-cli.mjs');
    const run = (secret: string) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        execFile(
          process.execPath,
          [
            cli,
            'correspondence',
            '--url',
            `${t.url}/graphql`,
            '--token',
            secret,
            '--var',
            `business=${clientId}`,
          ],
          { timeout: 60_000 },
          (error, stdout, stderr) => resolve({ code: error ? (error.code as number) : 0, stdout, stderr }),
        );
      });
    const report = await run(own.secret);
    expect(report.stderr).not.toMatch(/error/i);
    const lines = report.stdout.trim().split('\r\n');
    const total = (await letters(bam.client))!.letters!.totalCount;
    expect(total).toBeGreaterThan(10);
    // A header, then every letter (more than one page of the report's size is not needed: it pages to the end).
    expect(lines).toHaveLength(total + 1);
    expect(lines[0]).toContain('subject');
    expect(report.stdout).toContain('About RM0001');
  });
});
