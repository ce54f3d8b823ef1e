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
import { timeOrderedId } from '../../src/common/database/time-ordered-id.js';
import { LetterKind } from '../../src/modules/messaging/messaging.types.js';
import { pdfPages } from '../support/pdf-text.js';
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
  let brokerBam: Person;
  let brokerId: string;
  let officer: GqlClient;
  let clientId: string;
  let rm: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-letters-'));
    t = await startTestApp(driver, { env: { DATA_DIR: dataDir } });
    await importReferenceData(t.dataSource, await loadDemoReferenceData());
    bam = await person(t, 'LClientBam2026', 'Alexandra', 'Whitfield');
    brokerBam = await person(t, 'LBrokerBam2026', 'Bruno', 'Maple');
    clientId = await registerDirectly(t, BN.NORTHERN, bam.userId);
    brokerId = await registerDirectly(t, BN.MAPLE, brokerBam.userId);
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

  // Issue 15 §3: a letter the portal wrote downloads as a PDF rendered by pdf-lib from its stored text, in
  // either language, by the letter's own decision (CORRESPONDENCE VIEW), with a session or a token.
  it('a letter the portal wrote downloads as a PDF in either language, by the letter’s decision', async () => {
    [bam, reader, bmBroker, brokerBam] = [
      await signInAgain(t, bam),
      await signInAgain(t, reader),
      await signInAgain(t, bmBroker),
      await signInAgain(t, brokerBam),
    ];
    const generated = await t.dataSource
      .getRepository(Letter)
      .findOneByOrFail({ kind: LetterKind.ACTIVATION_KEY_ISSUED });
    const pdfUrl = (id: string, lang?: string) =>
      `/api/messaging/attachments/letters/${id}${lang ? `?lang=${lang}` : ''}`;
    const text = async (bytes: Uint8Array) => (await pdfPages(bytes)).pages.flat().join('\n');

    const en = await download(t.url, bam.client, pdfUrl(generated.id, 'en'));
    expect(en.status).toBe(200);
    expect(en.headers.get('content-type')).toBe('application/pdf');
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Toronto' }).format(generated.issuedAt);
    expect(en.headers.get('content-disposition')).toBe(
      `attachment; filename="letter-${day}-activation-key-issued-en.pdf"`,
    );
    const parsed = await pdfPages(en.bytes);
    expect(parsed.doc.getPageCount()).toBeGreaterThanOrEqual(1);
    expect(parsed.doc.getTitle()).toBe(`Activation key issued for business number ${BN.NORTHERN}`);
    const enText = await text(en.bytes);
    expect(enText).toContain(`Activation key issued for business number ${BN.NORTHERN}`);
    expect(enText).toContain(`Business number: ${BN.NORTHERN}`);
    expect(enText).toContain('Alexandra Whitfield');
    expect(enText).toContain('Sincerely,');

    // French: accents and the French apostrophe survive; a French browser gets French without ?lang.
    const frAnswer = await fetch(`${t.url}${pdfUrl(generated.id)}`, {
      headers: { cookie: `passerelle_session=${bam.client.session}`, 'accept-language': 'fr-CA,fr;q=0.9' },
    });
    expect(frAnswer.status).toBe(200);
    const fr = { headers: frAnswer.headers, bytes: new Uint8Array(await frAnswer.arrayBuffer()) };
    expect(fr.headers.get('content-disposition')).toContain(`lettre-${day}-activation-key-issued-fr.pdf`);
    const frText = await text(fr.bytes);
    expect(frText).toContain(`Clé d'activation émise pour le numéro d'entreprise ${BN.NORTHERN}`);
    expect(frText).toContain('Numéro d’entreprise');
    expect(frText).toContain('Veuillez agréer nos salutations distinguées.');
    expect(frText).toContain('Les services à la clientèle de l’agence');
    expect(await text((await download(t.url, bam.client, pdfUrl(generated.id, 'fr'))).bytes)).toBe(frText);

    // Refused as the letter is: a Reader scoped to RM0001 (a whole-business letter), a provider, an unknown
    // id (the same 403), nobody signed in (401).
    expect((await download(t.url, reader.client, pdfUrl(generated.id, 'en'))).status).toBe(403);
    expect((await download(t.url, bmBroker.client, pdfUrl(generated.id, 'en'))).status).toBe(403);
    expect((await download(t.url, bam.client, pdfUrl('01J0000000000000000000000X'))).status).toBe(403);
    expect((await fetch(`${t.url}${pdfUrl(generated.id)}`)).status).toBe(401);

    // Tokens: the business's own READ token downloads it; a provider's token never (CORRESPONDENCE).
    const withToken = (secret: string) =>
      fetch(`${t.url}${pdfUrl(generated.id, 'en')}`, { headers: { authorization: `Bearer ${secret}` } });
    const own = await tokenSecret(bam.client, { businessId: clientId, scope: 'READ' });
    const ownAnswer = await withToken(own.secret);
    expect(ownAnswer.status).toBe(200);
    expect(await text(new Uint8Array(await ownAnswer.arrayBuffer()))).toBe(enText);
    const provider = await tokenSecret(brokerBam.client, { businessId: brokerId, scope: 'READ' });
    expect((await withToken(provider.secret)).status).toBe(403);

    // An officer's letter: its PDF is its attachment, there is no generated one.
    const posted = (await postLetter(null, 'Posted')).letter!;
    expect((await download(t.url, bam.client, pdfUrl(posted.id, 'en'))).status).toBe(404);
  });

  it('a long letter breaks onto more pages; French spacing and characters outside WinAnsi never fail', async () => {
    bam = await signInAgain(t, bam);
    const generated = await t.dataSource
      .getRepository(Letter)
      .findOneByOrFail({ kind: LetterKind.ACTIVATION_KEY_ISSUED });
    const paragraphs = Array.from(
      { length: 40 },
      (_, i) =>
        `Paragraphe ${i + 1} : l’agence a étudié votre dossier «\u202ftrès\u202fattentivement\u202f» ; voilà, ça a été décidé à l’hôtel de ville, près du lac.`,
    );
    const id = timeOrderedId();
    await t.dataSource.getRepository(Letter).insert({
      id,
      registryBusinessId: generated.registryBusinessId,
      programAccountId: null,
      kind: LetterKind.REGISTRATION_UNLOCKED,
      subjectEn: 'Long letter',
      subjectFr: 'Lettre longue – «\u00a0décision\u00a0»',
      bodyEn: paragraphs.join('\n\n'),
      bodyFr: `${paragraphs.join('\n\n')}\n\nN\u2011B : œuvre 😀 ∑ fin.`,
      issuedBy: null,
      sourceKey: `test:${id}`,
      issuedAt: t.clock.now(),
    });
    const answer = await download(t.url, bam.client, `/api/messaging/attachments/letters/${id}?lang=fr`);
    expect(answer.status).toBe(200);
    const { doc, pages } = await pdfPages(answer.bytes);
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(2);
    expect(pages[0].join('\n')).toContain('Paragraphe 1 :');
    expect(pages[0].join('\n')).toContain('Page 1 de');
    const last = pages[pages.length - 1].join('\n');
    expect(last).toContain('Paragraphe 40 :');
    expect(last).toContain('Veuillez agréer nos salutations distinguées.');
    const all = pages.flat().join(' ');
    expect(all).toContain('Lettre longue – «\u00a0décision\u00a0»');
    // The narrow no-break space becomes a no-break space; é è à ç ô « » stay; what WinAnsi lacks is mapped.
    expect(all).toContain('«\u00a0très\u00a0attentivement\u00a0»');
    expect(all).toContain('voilà, ça a été décidé à l’hôtel');
    expect(all).toContain('N-B : œuvre ? ? fin.');
    // A no-break space holds « and » to their word: no line starts with » or ends with «.
    expect(pages.flat().filter((line) => line.startsWith('»') || line.endsWith('«'))).toEqual([]);
  });
});
