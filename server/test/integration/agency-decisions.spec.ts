import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainEventRecord } from '../../src/common/events/domain-event.entity.js';
import { BusinessAuditEvent } from '../../src/modules/businesses/businesses.entities.js';
import { FinancialSecurityChange } from '../../src/modules/finance/finance.entities.js';
import { Letter } from '../../src/modules/messaging/messaging.entities.js';
import { LetterKind } from '../../src/modules/messaging/messaging.types.js';
import { Notice } from '../../src/modules/notices/notices.entities.js';
import {
  importReferenceData,
  loadDemoReferenceData,
} from '../../src/modules/registry/reference-data.service.js';
import { RulingRequest } from '../../src/modules/rulings/rulings.entities.js';
import { PersonRole } from '../../src/modules/users/user.types.js';
import { WebhookEvent } from '../../src/modules/webhooks/webhooks.entities.js';
import { drivers } from '../support/databases.js';
import { requestRuling } from '../support/documents.js';
import { SECURITY_INPUT, SUBMIT_SECURITY } from '../support/finance.js';
import { type GqlClient } from '../support/gql-client.js';
import { acceptTerms, payload, seedUser, signIn } from '../support/identity.js';
import {
  accountsOf,
  BN,
  establish,
  person,
  registerDirectly,
  type Person,
} from '../support/relationships.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The agency's decisions on ruling requests and financial security changes (decision 0046): officers only,
// the transitions and their refusals, the audit, the domain event and its public webhook event, and the
// letter (with its notice) written once, in the decision's transaction.

const DECIDE = `mutation($input: DecideRulingInput!) { decideRuling(input: $input) {
  ruling { id status agencyNote decidedAt } userErrors { field code message } } }`;
const QUEUE = `query($first: Int, $after: String, $status: RulingStatus) {
  officerRulingQueue(first: $first, after: $after, status: $status) {
    edges { node { id caseNumber status } } pageInfo { hasNextPage endCursor } totalCount } }`;
const RULING = `query($id: ID!) { ruling(id: $id) { id status agencyNote decidedAt } }`;
const DECIDE_SECURITY = `mutation($input: DecideFinancialSecurityChangeInput!) {
  decideFinancialSecurityChange(input: $input) {
    change { id status decisionReason decidedAt } userErrors { field code message } } }`;

interface Errors {
  userErrors: Array<{ field: string[]; code: string; message: string }>;
}
type Decided = Errors & {
  ruling: { id: string; status: string; agencyNote: string | null; decidedAt: string | null } | null;
};
type SecurityDecided = Errors & {
  change: { id: string; status: string; decisionReason: string | null; decidedAt: string | null } | null;
};

const codes = (errors: Errors['userErrors']) => errors.map((e) => [e.field.join('.'), e.code]);

describe.each(drivers)('agency decisions on %s', (driver) => {
  let t: TestApp;
  let dataDir: string;
  let bam: Person;
  let broker: Person;
  let officer: GqlClient;
  let officerFr: GqlClient;
  let rm: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-decisions-'));
    t = await startTestApp(driver, { env: { DATA_DIR: dataDir } });
    await importReferenceData(t.dataSource, await loadDemoReferenceData());
    bam = await person(t, 'DecisionBam2026', 'Dana', 'Decker');
    broker = await person(t, 'DecisionBrk2026', 'Boris', 'Broker');
    await registerDirectly(t, BN.NORTHERN, bam.userId);
    const brokerId = await registerDirectly(t, BN.MAPLE, broker.userId);
    ({ RM0001: rm } = await accountsOf(t, BN.NORTHERN));
    await establish(broker, brokerId, bam, BN.NORTHERN, 'BUSINESS_MANAGEMENT');
    await seedUser(t.dataSource, 'DecisionOff2026', PersonRole.OFFICER);
    officer = t.client();
    await signIn(officer, 'DecisionOff2026');
    await acceptTerms(officer);
    officerFr = t.client({ lang: 'fr' });
    await signIn(officerFr, 'DecisionOff2026');
    await acceptTerms(officerFr);
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const count = {
    letters: (kind: LetterKind) => t.dataSource.getRepository(Letter).countBy({ kind }),
    letterNotices: () =>
      t.dataSource.getRepository(Notice).countBy({ type: 'LETTER_ISSUED' as Notice['type'] }),
    audits: (type: string) => t.dataSource.getRepository(BusinessAuditEvent).countBy({ type }),
    events: (type: string) => t.dataSource.getRepository(DomainEventRecord).countBy({ type }),
    webhookEvents: (type: string) => t.dataSource.getRepository(WebhookEvent).countBy({ type }),
  };
  const decide = async (client: GqlClient, input: Record<string, unknown>) =>
    payload<Decided>(await client.gql(DECIDE, { input }));

  it('queues the requests awaiting the agency oldest first, in keyset pages; officers only', async () => {
    const made: Array<{ id: string }> = [];
    for (let i = 0; i < 3; i++) made.push(await requestRuling(bam.client, rm));
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: {
        edges: Array<{ node: { id: string } }>;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        totalCount: number;
      } = payload(await officer.gql(QUEUE, { first: 2, after }));
      expect(page.edges.length).toBeLessThanOrEqual(2);
      seen.push(...page.edges.map((e) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen.filter((id) => made.some((r) => r.id === id))).toEqual(made.map((r) => r.id));
    for (const outsider of [bam.client, broker.client]) {
      const refused = await outsider.gql(QUEUE, { first: 2 });
      expect(refused.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('moves a request through review, a question and the ruling; a letter and its notice once, when issued', async () => {
    const ruling = await requestRuling(bam.client, rm);
    const before = {
      letters: await count.letters(LetterKind.RULING_DECIDED),
      notices: await count.letterNotices(),
      audits: await count.audits('RULING_STATUS_CHANGED'),
      webhooks: await count.webhookEvents('ruling.status_changed'),
    };
    // Not an officer: refused, whoever asks (the business's own manager, its broker).
    for (const outsider of [bam.client, broker.client]) {
      const refused = await outsider.gql(DECIDE, { input: { rulingId: ruling.id, status: 'UNDER_REVIEW' } });
      expect(refused.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    // A ruling is issued only after review: refused in the officer's language, nothing changed.
    const early = await decide(officerFr, {
      rulingId: ruling.id,
      status: 'ISSUED',
      textEn: 'Heading 9617.',
      textFr: 'Position 9617.',
    });
    expect(early.ruling).toBeNull();
    expect(codes(early.userErrors)).toEqual([['input.status', 'TRANSITION_NOT_ALLOWED']]);
    expect(early.userErrors[0].message).toMatch(/^Cette demande de décision ne peut pas passer/);
    expect((await t.dataSource.getRepository(RulingRequest).findOneBy({ id: ruling.id }))!.status).toBe(
      'SUBMITTED',
    );
    expect(await count.audits('RULING_STATUS_CHANGED')).toBe(before.audits);

    expect((await decide(officer, { rulingId: ruling.id, status: 'UNDER_REVIEW' })).ruling!.status).toBe(
      'UNDER_REVIEW',
    );
    // A question needs both languages.
    const half = await decide(officer, {
      rulingId: ruling.id,
      status: 'INFORMATION_REQUESTED',
      textEn: 'Send the data sheet.',
      textFr: '  ',
    });
    expect(codes(half.userErrors)).toEqual([['input.textFr', 'REQUIRED']]);
    const asked = await decide(officer, {
      rulingId: ruling.id,
      status: 'INFORMATION_REQUESTED',
      textEn: 'Send the data sheet.',
      textFr: 'Envoyez la fiche technique.',
    });
    expect(asked.ruling).toMatchObject({
      status: 'INFORMATION_REQUESTED',
      agencyNote: 'Send the data sheet.',
    });
    expect(asked.ruling!.decidedAt).toBeNull();
    // No letter for a question: only the ruling, or a closing, is one.
    expect(await count.letters(LetterKind.RULING_DECIDED)).toBe(before.letters);

    const issued = await decide(officer, {
      rulingId: ruling.id,
      status: 'ISSUED',
      textEn: 'The goods are classified under tariff item 9617.00.00.00.',
      textFr: 'Les marchandises sont classées dans le numéro tarifaire 9617.00.00.00.',
    });
    expect(issued.userErrors).toEqual([]);
    expect(issued.ruling!.status).toBe('ISSUED');
    expect(issued.ruling!.decidedAt).not.toBeNull();
    // The business reads the ruling in its language.
    const french = t.client({ lang: 'fr' });
    await signIn(french, 'DecisionBam2026');
    await acceptTerms(french);
    expect(payload<{ agencyNote: string }>(await french.gql(RULING, { id: ruling.id })).agencyNote).toBe(
      'Les marchandises sont classées dans le numéro tarifaire 9617.00.00.00.',
    );

    const letters = await t.dataSource
      .getRepository(Letter)
      .findBy({ kind: LetterKind.RULING_DECIDED, subjectEn: `Ruling issued for case ${ruling.caseNumber}` });
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({
      programAccountId: rm,
      subjectFr: `Décision rendue pour le cas ${ruling.caseNumber}`,
    });
    expect(letters[0].bodyEn).toContain('tariff item 9617.00.00.00');
    expect(letters[0].bodyFr).toContain('numéro tarifaire 9617.00.00.00');
    expect(await count.letters(LetterKind.RULING_DECIDED)).toBe(before.letters + 1);
    expect(await count.letterNotices()).toBeGreaterThan(before.notices);
    expect(await count.audits('RULING_STATUS_CHANGED')).toBe(before.audits + 3);
    expect(await count.webhookEvents('ruling.status_changed')).toBe(before.webhooks + 3);

    // Final: nothing moves an issued ruling, and nothing more is written.
    const notices = await count.letterNotices();
    const again = await decide(officer, {
      rulingId: ruling.id,
      status: 'CLOSED',
      textEn: 'Withdrawn.',
      textFr: 'Retirée.',
    });
    expect(codes(again.userErrors)).toEqual([['input.status', 'TRANSITION_NOT_ALLOWED']]);
    expect(await count.letters(LetterKind.RULING_DECIDED)).toBe(before.letters + 1);
    expect(await count.letterNotices()).toBe(notices);
  });

  it('closes a request with its reason: a letter saying so; an unknown request is refused', async () => {
    const ruling = await requestRuling(bam.client, rm);
    const closed = await decide(officer, {
      rulingId: ruling.id,
      status: 'CLOSED',
      textEn: 'The requester withdrew the request.',
      textFr: 'Le demandeur a retiré la demande.',
    });
    expect(closed.ruling!.status).toBe('CLOSED');
    const letter = await t.dataSource
      .getRepository(Letter)
      .findOneByOrFail({ subjectEn: `Ruling request ${ruling.caseNumber} closed` });
    expect(letter.bodyFr).toContain('Le demandeur a retiré la demande.');
    const unknown = await decide(officer, { rulingId: 'nope', status: 'UNDER_REVIEW' });
    expect(codes(unknown.userErrors)).toEqual([['input.rulingId', 'NOT_FOUND']]);
  });

  it('approves or rejects a financial security change once, officers only, with a letter and its notice', async () => {
    const submitted = payload<{ change: { id: string } }>(
      await bam.client.gql(SUBMIT_SECURITY, { input: { programAccountId: rm, ...SECURITY_INPUT } }),
    ).change;
    const before = {
      letters: await count.letters(LetterKind.SECURITY_CHANGE_DECIDED),
      notices: await count.letterNotices(),
      events: await count.events('SECURITY_CHANGE_DECIDED'),
    };
    const input = {
      changeId: submitted.id,
      decision: 'APPROVED',
      reasonEn: 'The bond covers the new monthly imports.',
      reasonFr: 'Le cautionnement couvre les nouvelles importations mensuelles.',
    };
    for (const outsider of [bam.client, broker.client]) {
      const refused = await outsider.gql(DECIDE_SECURITY, { input });
      expect(refused.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const half = payload<SecurityDecided>(
      await officerFr.gql(DECIDE_SECURITY, { input: { ...input, reasonFr: '' } }),
    );
    expect(codes(half.userErrors)).toEqual([['input.reasonFr', 'REQUIRED']]);
    expect(half.userErrors[0].message).toBe('Entrez le motif en français.');
    expect(
      (await t.dataSource.getRepository(FinancialSecurityChange).findOneBy({ id: submitted.id }))!.status,
    ).toBe('SUBMITTED');

    const approved = payload<SecurityDecided>(await officer.gql(DECIDE_SECURITY, { input }));
    expect(approved.change).toMatchObject({
      status: 'APPROVED',
      decisionReason: 'The bond covers the new monthly imports.',
    });
    expect(await count.letters(LetterKind.SECURITY_CHANGE_DECIDED)).toBe(before.letters + 1);
    expect(await count.letterNotices()).toBeGreaterThan(before.notices);
    expect(await count.events('SECURITY_CHANGE_DECIDED')).toBe(before.events + 1);
    expect(await count.audits('SECURITY_CHANGE_DECIDED')).toBeGreaterThanOrEqual(1);
    expect(await count.webhookEvents('financial_security.decided')).toBeGreaterThanOrEqual(1);
    const letter = await t.dataSource
      .getRepository(Letter)
      .findOneByOrFail({ kind: LetterKind.SECURITY_CHANGE_DECIDED, programAccountId: rm });
    expect(letter.subjectFr).toBe('Changement de garantie financière approuvé');
    expect(letter.bodyFr).toContain('Le cautionnement couvre les nouvelles importations mensuelles.');

    // Decided once: a second decision is refused and writes nothing.
    const notices = await count.letterNotices();
    const twice = payload<SecurityDecided>(
      await officer.gql(DECIDE_SECURITY, { input: { ...input, decision: 'REJECTED' } }),
    );
    expect(codes(twice.userErrors)).toEqual([['input.changeId', 'NOT_SUBMITTED']]);
    expect(await count.letters(LetterKind.SECURITY_CHANGE_DECIDED)).toBe(before.letters + 1);
    expect(await count.letterNotices()).toBe(notices);
  });
});
