import { type DataSource, type EntityManager, In } from 'typeorm';
import { type AppConfig } from '../../config/env.js';
import { ownedBy } from '../../common/auth/access-directive.js';
import { type AccessOwner, type ProgramScope } from '../../common/auth/access-table.js';
import { inTransaction } from '../../common/database/transactions.js';
import { timeOrderedId } from '../../common/database/time-ordered-id.js';
import { decodeCursor, keysetBefore, pageSize, toConnectionPage } from '../../common/graphql/connection.js';
import { type Problem } from '../../common/errors/problems.js';
import { type Language } from '../../common/i18n/language.js';
import { type MessageKey } from '../../common/i18n/messages.js';
import { publish } from '../../common/events/event-bus.js';
import { characterCount } from '../../common/rules/text-rules.js';
import { recordBusinessAudit } from '../businesses/business-audit.service.js';
import { businessIdOfRegistry, businessSummaries } from '../businesses/business-directory.service.js';
import { attachmentContentTypes, attachmentsOf, attachToOwner } from '../documents/documents.service.js';
import { programAccountSummaries } from '../registry/registry-lookups.service.js';
import { Letter, LetterRead } from './messaging.entities.js';
import {
  attachmentNode,
  MESSAGE_MAX_LENGTH,
  SUBJECT_MAX_LENGTH,
  THREAD_OF_BUSINESS,
} from './messaging.service.js';
import { LetterKind, type LetterConnection, type LetterNode } from './messaging.types.js';

// Correspondence (docs/messaging.md): the agency's letters to a business, both language texts kept, each
// reader shown their own. Written by the portal for its own decisions (letter-triggers.ts) or posted by an
// officer with a PDF. Letters are addressed to the registry business, so one that registers later finds
// the letters written before (its activation key's).

export const LETTER_PAGE_SIZE = 10;
export const LETTER_ATTACHMENT = 'LETTER';

/** What a letter says, before it is written. */
export interface LetterDraft {
  registryBusinessId: string;
  programAccountId: string | null;
  kind: LetterKind;
  subjectEn: string;
  subjectFr: string;
  bodyEn: string;
  bodyFr: string;
  issuedBy: string | null;
  sourceKey: string;
}

/** A letter about the whole business is for whole-business actors, as a business-level thread. */
export function letterOwner(businessId: string, row: { programAccountId: string | null }): AccessOwner {
  return { businessId, programAccountId: row.programAccountId ?? THREAD_OF_BUSINESS };
}

/** Writes letters in the caller's transaction (once per source key) and publishes LETTER_ISSUED for each. */
export async function writeLetters(
  manager: EntityManager,
  drafts: LetterDraft[],
  now: Date,
): Promise<Letter[]> {
  const written: Letter[] = [];
  for (const draft of drafts) {
    if (await manager.findOneBy(Letter, { sourceKey: draft.sourceKey })) continue;
    const row: Letter = { id: timeOrderedId(now.getTime()), ...draft, issuedAt: now };
    await manager.insert(Letter, row);
    const businessId = await businessIdOfRegistry(manager, draft.registryBusinessId);
    // A business not on the portal yet has nobody to tell: the letter waits for it, with no event.
    if (businessId)
      await publish(
        manager,
        {
          type: 'LETTER_ISSUED',
          payload: {
            letterId: row.id,
            businessId,
            programAccountId: row.programAccountId,
            kind: row.kind,
            issuedBy: row.issuedBy,
          },
        },
        now,
      );
    written.push(row);
  }
  return written;
}

export function findLetter(dataSource: DataSource, id: string): Promise<Letter | null> {
  return dataSource.getRepository(Letter).findOneBy({ id });
}

/**
 * The PDF of a letter the portal wrote (not an officer's: that one's PDF is its attachment), in `lang`,
 * rendered on demand from its stored text (letter-pdf.ts); null for an officer's letter. The caller has
 * already decided access (messaging.routes.ts).
 */
export async function generatedLetterPdf(
  dataSource: DataSource,
  letter: Letter,
  businessId: string,
  lang: Language,
): Promise<{ bytes: Uint8Array; fileName: string } | null> {
  if (letter.kind === LetterKind.OFFICER_LETTER) return null;
  const [businesses, accounts] = await Promise.all([
    businessSummaries(dataSource.manager, [businessId]),
    programAccountSummaries(dataSource.manager, letter.programAccountId ? [letter.programAccountId] : []),
  ]);
  const business = businesses.get(businessId);
  const account = letter.programAccountId ? accounts.get(letter.programAccountId) : undefined;
  const fr = lang === 'fr';
  // pdf-lib and its fonts (about 1.2 MB of JavaScript) load at the first letter asked for, not at every
  // start (decision 0065).
  const { renderLetterPdf } = await import('./letter-pdf.js');
  const bytes = await renderLetterPdf({
    lang,
    subject: fr ? letter.subjectFr : letter.subjectEn,
    body: fr ? letter.bodyFr : letter.bodyEn,
    issuedAt: letter.issuedAt,
    business: { name: business?.name ?? '', businessNumber: business?.businessNumber ?? '' },
    programAccount: account ? { accountNumber: account.accountNumber, name: account.name } : null,
  });
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Toronto' }).format(letter.issuedAt);
  const kind = letter.kind.toLowerCase().replace(/_/g, '-');
  return { bytes, fileName: `${fr ? 'lettre' : 'letter'}-${day}-${kind}-${lang}.pdf` };
}

/**
 * What a notice of a letter says and whom it is for, read in the caller's transaction (the notices module's
 * subscriber, decision 0038): both subjects and the letter's access owner.
 */
export async function letterNoticeFacts(
  manager: EntityManager,
  letterId: string,
  businessId: string,
): Promise<{ subjectEn: string; subjectFr: string; owner: AccessOwner } | null> {
  const row = await manager.findOneBy(Letter, { id: letterId });
  return row
    ? { subjectEn: row.subjectEn, subjectFr: row.subjectFr, owner: letterOwner(businessId, row) }
    : null;
}

/** The API shapes of letters for a reader in `lang` (three statements whatever the count). */
export async function letterNodes(
  manager: EntityManager,
  businessId: string,
  rows: Letter[],
  viewer: { userId: string | null; lang: Language },
): Promise<LetterNode[]> {
  const ids = rows.map((row) => row.id);
  const [accounts, reads, attachments] = await Promise.all([
    programAccountSummaries(
      manager,
      rows.map((row) => row.programAccountId).filter((id): id is string => Boolean(id)),
    ),
    viewer.userId && ids.length
      ? manager.find(LetterRead, { where: { letterId: In(ids), userId: viewer.userId } })
      : Promise.resolve([]),
    attachmentsOf(manager, ids),
  ]);
  const read = new Set(reads.map((r) => r.letterId));
  const fr = viewer.lang === 'fr';
  return rows.map((row) => {
    const account = row.programAccountId ? accounts.get(row.programAccountId) : undefined;
    return ownedBy<LetterNode>(
      {
        id: row.id,
        kind: row.kind,
        subject: fr ? row.subjectFr : row.subjectEn,
        body: fr ? row.bodyFr : row.bodyEn,
        issuedAt: row.issuedAt,
        programAccount: row.programAccountId
          ? {
              id: row.programAccountId,
              accountNumber: account?.accountNumber ?? '',
              name: account?.name ?? '',
            }
          : null,
        read: read.has(row.id),
        attachments: (attachments.get(row.id) ?? []).map(attachmentNode),
        businessId,
        programAccountId: row.programAccountId,
      },
      letterOwner(businessId, row),
    );
  });
}

/**
 * A page of a business's letters, newest first, 10 a page by default (as the notices list): of the program
 * accounts in `scope` (business-level letters only with 'ALL'), issued within [from, to) when given.
 */
export async function listLetters(
  dataSource: DataSource,
  filter: { businessId: string; scope: ProgramScope; from?: Date | null; to?: Date | null },
  page: { first?: number | null; after?: string | null },
  viewer: { userId: string | null; lang: Language },
): Promise<LetterConnection> {
  const size = pageSize(page.first, LETTER_PAGE_SIZE);
  const empty = { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };
  const business = (await businessSummaries(dataSource.manager, [filter.businessId])).get(filter.businessId);
  const accounts = filter.scope === 'ALL' ? null : [...filter.scope];
  if (!business || (accounts && accounts.length === 0)) return empty;
  const base = () => {
    const query = dataSource
      .getRepository(Letter)
      .createQueryBuilder('l')
      .where('l.registry_business_id = :registry', { registry: business.registryBusinessId });
    if (accounts) query.andWhere('l.program_account_id IN (:...accounts)', { accounts });
    if (filter.from) query.andWhere('l.issued_at >= :from', { from: filter.from });
    if (filter.to) query.andWhere('l.issued_at < :to', { to: filter.to });
    return query;
  };
  const query = base();
  if (page.after) {
    const keyset = keysetBefore('l.issued_at', 'l.id', decodeCursor(page.after));
    query.andWhere(keyset.sql, keyset.params);
  }
  const [rows, totalCount] = await Promise.all([
    query
      .orderBy('l.issued_at', 'DESC')
      .addOrderBy('l.id', 'DESC')
      .take(size + 1)
      .getMany(),
    base().getCount(),
  ]);
  const nodes = await letterNodes(dataSource.manager, filter.businessId, rows.slice(0, size), viewer);
  const byId = new Map(nodes.map((node) => [node.id, node]));
  return {
    ...toConnectionPage(
      rows,
      size,
      (row) => ({ at: row.issuedAt, id: row.id }),
      (row) => byId.get(row.id)!,
    ),
    totalCount,
  };
}

/** The person has read the letter (once; later reads change nothing). */
export async function markLetterRead(
  dataSource: DataSource,
  config: AppConfig,
  userId: string,
  letterId: string,
): Promise<void> {
  await inTransaction(dataSource, async (manager) => {
    if (await manager.findOneBy(LetterRead, { letterId, userId })) return;
    await manager.insert(LetterRead, { letterId, userId, readAt: config.now() });
  });
}

const problem = (field: string, code: string, params: Record<string, number> = {}): Problem => ({
  field: ['input', field],
  code,
  messageKey: `messaging.${field}.${code}` as MessageKey,
  params,
});

export interface IssueLetterValues {
  businessId: string;
  programAccountId?: string | null;
  subjectEn: string;
  subjectFr: string;
  bodyEn: string;
  bodyFr: string;
  attachmentIds: string[];
}

/**
 * OFFICER: posts a letter with its PDF (one attachment the officer uploaded for the business, of type
 * application/pdf) to a business or one of its program accounts; both texts required. Audited.
 */
export async function issueLetter(
  dataSource: DataSource,
  config: AppConfig,
  officerId: string,
  input: IssueLetterValues,
): Promise<{ ok: true; letter: Letter } | { ok: false; problems: Problem[] }> {
  const problems: Problem[] = [];
  for (const [field, max] of [
    ['subjectEn', SUBJECT_MAX_LENGTH],
    ['subjectFr', SUBJECT_MAX_LENGTH],
    ['bodyEn', MESSAGE_MAX_LENGTH],
    ['bodyFr', MESSAGE_MAX_LENGTH],
  ] as const) {
    const text = input[field].trim();
    if (!text) problems.push(problem(field, 'REQUIRED'));
    else if (characterCount(text) > max) problems.push(problem(field, 'TOO_LONG', { max }));
  }
  if (input.attachmentIds.length !== 1) problems.push(problem('attachmentIds', 'REQUIRED'));
  if (problems.length) return { ok: false, problems };
  const now = config.now();
  let refused: Problem[] | null = null;
  const letter = await inTransaction(dataSource, async (manager) => {
    const business = (await businessSummaries(manager, [input.businessId])).get(input.businessId);
    if (!business) {
      refused = [problem('businessId', 'NOT_FOUND')];
      return null;
    }
    if (input.programAccountId) {
      const account = (await programAccountSummaries(manager, [input.programAccountId])).get(
        input.programAccountId,
      );
      if (!account || account.businessId !== business.registryBusinessId) {
        refused = [problem('programAccountId', 'NOT_FOUND')];
        return null;
      }
    }
    const id = timeOrderedId(now.getTime());
    const [written] = await writeLetters(
      manager,
      [
        {
          registryBusinessId: business.registryBusinessId,
          programAccountId: input.programAccountId || null,
          kind: LetterKind.OFFICER_LETTER,
          subjectEn: input.subjectEn.trim(),
          subjectFr: input.subjectFr.trim(),
          bodyEn: input.bodyEn.trim(),
          bodyFr: input.bodyFr.trim(),
          issuedBy: officerId,
          sourceKey: `officer:${id}`,
        },
      ],
      now,
    );
    const pdf = (await attachmentContentTypes(manager, input.attachmentIds)).every(
      (contentType) => contentType === 'application/pdf',
    );
    const attached =
      pdf &&
      (await attachToOwner(manager, {
        ids: input.attachmentIds,
        ownerType: LETTER_ATTACHMENT,
        ownerId: written.id,
        businessId: business.id,
        uploadedBy: officerId,
      }));
    if (!attached) throw new LetterRefused();
    await recordBusinessAudit(manager, {
      registryBusinessId: business.registryBusinessId,
      type: 'LETTER_ISSUED',
      actorId: officerId,
      details: { letter: written.id },
      occurredAt: now,
    });
    return written;
  }).catch((error: unknown) => {
    if (error instanceof LetterRefused) {
      refused = [problem('attachmentIds', 'REQUIRED')];
      return null;
    }
    throw error;
  });
  if (refused || !letter) return { ok: false, problems: refused ?? [] };
  return { ok: true, letter };
}

class LetterRefused extends Error {}
