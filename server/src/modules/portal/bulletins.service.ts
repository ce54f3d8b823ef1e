import { type DataSource } from 'typeorm';
import { timeOrderedId } from '../../common/database/time-ordered-id.js';
import { type Problem } from '../../common/errors/problems.js';
import { characterCount } from '../../common/rules/text-rules.js';
import { Bulletin } from './bulletin.entity.js';

export const BULLETIN_TITLE_MAX_LENGTH = 200;
export const BULLETIN_BODY_MAX_LENGTH = 5000;
/** The most bulletins the public page lists. */
export const BULLETINS_MAX = 50;

export interface BulletinDraft {
  titleEn: string;
  titleFr: string;
  bodyEn: string;
  bodyFr: string;
}

export type PostBulletinResult = { ok: true; bulletin: Bulletin } | { ok: false; problems: Problem[] };

function bulletinProblem(name: string, code: string, params: Record<string, number> = {}): Problem {
  return { field: ['input', name], code, messageKey: `bulletins.${code}` as Problem['messageKey'], params };
}

/**
 * An officer's bulletin, title and body in English and French, posted now. The row is its audit record
 * (officer and instant; never updated). Problems: REQUIRED, TOO_LONG.
 */
export async function postBulletin(
  dataSource: DataSource,
  officerId: string,
  draft: BulletinDraft,
  now: Date,
): Promise<PostBulletinResult> {
  const problems: Problem[] = [];
  for (const name of ['titleEn', 'titleFr', 'bodyEn', 'bodyFr'] as const) {
    const value = draft[name].trim();
    const max = name.startsWith('title') ? BULLETIN_TITLE_MAX_LENGTH : BULLETIN_BODY_MAX_LENGTH;
    if (!value) problems.push(bulletinProblem(name, 'REQUIRED'));
    else if (characterCount(value) > max) problems.push(bulletinProblem(name, 'TOO_LONG', { max }));
  }
  if (problems.length) return { ok: false, problems };
  const bulletin = dataSource.getRepository(Bulletin).create({
    id: timeOrderedId(),
    titleEn: draft.titleEn.trim(),
    titleFr: draft.titleFr.trim(),
    bodyEn: draft.bodyEn.trim(),
    bodyFr: draft.bodyFr.trim(),
    postedAt: now,
    postedBy: officerId,
  });
  await dataSource.getRepository(Bulletin).insert(bulletin);
  return { ok: true, bulletin };
}

/** The posted bulletins, newest first, at most BULLETINS_MAX. Throws nothing of its own. */
export async function listBulletins(dataSource: DataSource): Promise<Bulletin[]> {
  return dataSource
    .getRepository(Bulletin)
    .find({ order: { postedAt: 'DESC', id: 'DESC' }, take: BULLETINS_MAX });
}
