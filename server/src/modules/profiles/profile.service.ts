import { type DataSource, type EntityManager, In } from 'typeorm';
import { type ClientInfo } from '../../app/context.js';
import { type AppConfig } from '../../config/env.js';
import { fieldProblems, type Problem } from '../../common/errors/problems.js';
import { entityColumns, hydrate } from '../../common/database/named-sql.js';
import { inTransaction } from '../../common/database/transactions.js';
import { type Language } from '../../common/i18n/language.js';
import {
  collapseSpaces,
  emailConfirmationProblems,
  emailProblems,
  normalizePhone,
  personNameProblems,
  phoneExtensionProblems,
  phoneProblems,
} from '../../common/rules/credential-rules.js';
import { recordSecurityEvents } from '../audit/audit.service.js';
import { SecurityEventType } from '../audit/security-event.types.js';
import { PersonalProfileRecord } from './personal-profile.entity.js';

export interface PersonalProfileValues {
  firstName: string;
  lastName: string;
  phone: string;
  phoneExtension?: string | null;
  email: string;
  emailConfirmation: string;
  receiveNoticeEmails: boolean;
  acceptNoticeTerms: boolean;
  preferredLanguage: Language;
}

/** A person's profile row as other modules receive it (type only: read through this service). */
export type { PersonalProfileRecord } from './personal-profile.entity.js';

/** The profiles of these persons that exist (one statement; rows in no particular order). */
export function profilesOf(
  db: DataSource | EntityManager,
  userIds: readonly string[],
): Promise<PersonalProfileRecord[]> {
  if (userIds.length === 0) return Promise.resolve([]);
  return db.getRepository(PersonalProfileRecord).findBy({ userId: In([...userIds]) });
}

/** Whether the person has saved a profile (one statement). */
export function hasProfile(db: DataSource | EntityManager, userId: string): Promise<boolean> {
  return db.getRepository(PersonalProfileRecord).existsBy({ userId });
}

/** The person's profile; null until it is first saved. Throws nothing of its own. */
export function findProfile(
  dataSource: DataSource | EntityManager,
  userId: string,
): Promise<PersonalProfileRecord | null> {
  return dataSource.getRepository(PersonalProfileRecord).findOneBy({ userId });
}

/** Every problem with a profile form, at its field (["input", "email"]...). */
export function profileProblems(input: PersonalProfileValues): Problem[] {
  const at = (field: string) => ['input', field];
  return [
    ...fieldProblems(at('firstName'), 'firstName', personNameProblems(input.firstName)),
    ...fieldProblems(at('lastName'), 'lastName', personNameProblems(input.lastName)),
    ...fieldProblems(at('phone'), 'phone', phoneProblems(input.phone)),
    ...fieldProblems(at('phoneExtension'), 'phoneExtension', phoneExtensionProblems(input.phoneExtension)),
    ...fieldProblems(at('email'), 'email', emailProblems(input.email)),
    ...fieldProblems(
      at('emailConfirmation'),
      'emailConfirmation',
      emailConfirmationProblems(input.email, input.emailConfirmation),
    ),
    ...fieldProblems(
      at('acceptNoticeTerms'),
      'acceptNoticeTerms',
      input.acceptNoticeTerms ? [] : ['TERMS_NOT_ACCEPTED'],
    ),
  ];
}

/**
 * Creates or replaces the person's profile (names tidied, phone normalised to 613-555-0101, email trimmed)
 * and records PROFILE_CHANGED, in one transaction. Answers the problems instead when the form has any.
 * Throws nothing of its own.
 */
export async function savePersonalProfile(
  dataSource: DataSource,
  config: AppConfig,
  userId: string,
  input: PersonalProfileValues,
  client: ClientInfo,
): Promise<{ ok: true; profile: PersonalProfileRecord } | { ok: false; problems: Problem[] }> {
  const problems = profileProblems(input);
  if (problems.length) return { ok: false, problems };
  const now = config.now();
  const profile = await inTransaction(dataSource, async (manager) => {
    const existing = await manager.findOneBy(PersonalProfileRecord, { userId });
    const record = manager.create(PersonalProfileRecord, {
      userId,
      firstName: collapseSpaces(input.firstName),
      lastName: collapseSpaces(input.lastName),
      phone: normalizePhone(input.phone)!,
      phoneExtension: input.phoneExtension?.trim() || null,
      email: input.email.trim(),
      receiveNoticeEmails: input.receiveNoticeEmails,
      noticeTermsAcceptedAt: now,
      preferredLanguage: input.preferredLanguage,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    });
    await manager.save(PersonalProfileRecord, record);
    await recordSecurityEvents(manager, [
      { type: SecurityEventType.PROFILE_CHANGED, userId, ipAddress: client.ipAddress, occurredAt: now },
    ]);
    return record;
  });
  return { ok: true, profile };
}

/** What other modules may know of a person: the name on their profile and how to email them. */
export interface PersonContact {
  userId: string;
  name: string;
  email: string;
  preferredLanguage: Language;
  receiveNoticeEmails: boolean;
}

/** The contacts of the people who have a profile, by user id, 200 ids a statement. */
export async function personContacts(
  manager: EntityManager,
  userIds: string[],
): Promise<Map<string, PersonContact>> {
  const wanted = [...new Set(userIds)];
  const contacts = new Map<string, PersonContact>();
  for (let i = 0; i < wanted.length; i += 200)
    for (const p of await manager.findBy(PersonalProfileRecord, { userId: In(wanted.slice(i, i + 200)) }))
      contacts.set(p.userId, {
        userId: p.userId,
        name: `${p.firstName} ${p.lastName}`,
        email: p.email,
        preferredLanguage: p.preferredLanguage,
        receiveNoticeEmails: p.receiveNoticeEmails,
      });
  return contacts;
}

/** "First Last" from the person's profile; '' when they have none yet. */
export async function personName(manager: EntityManager, userId: string): Promise<string> {
  return (await personContacts(manager, [userId])).get(userId)?.name ?? '';
}

/**
 * A profile's columns for a raw SELECT that joins `personal_profile <alias>` beside its own rows (a list's
 * people read with the list: business-loaders' `peopleColumns`), read back by `profileOfRow`.
 */
export function profileColumns(dataSource: DataSource, alias: string, prefix: string): string {
  return entityColumns(dataSource, PersonalProfileRecord, alias, prefix);
}

/** The profile `profileColumns` read into `row`; null when the person has none. */
export function profileOfRow(
  dataSource: DataSource,
  row: Record<string, unknown>,
  prefix: string,
): PersonalProfileRecord | null {
  return hydrate(dataSource, PersonalProfileRecord, row, prefix);
}
