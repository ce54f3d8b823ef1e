import { type DataSource, type EntityManager } from 'typeorm';
import { type AppConfig } from '../../config/env.js';
import { releaseEmployee } from '../client-groups/client-groups.service.js';
import { type Problem } from '../../common/errors/problems.js';
import { inTransaction } from '../../common/database/transactions.js';
import { emailProblems } from '../../common/rules/credential-rules.js';
import { grantProblems } from './access-requests.service.js';
import { publish } from '../../common/events/event-bus.js';
import { recordBusinessAudit } from './business-audit.service.js';
import { programAccountById, type RegistryProgramAccount } from '../registry/registry-lookups.service.js';
import {
  Business,
  BusinessMembership,
  MembershipProgramAccount,
  ProgramAccountSettings,
} from './businesses.entities.js';
import { BusinessRole, MembershipStatus } from './businesses.types.js';
import { businessProblem } from './registration.service.js';
import { characterCount } from '../../common/rules/text-rules.js';
import { isBusinessAccountManager } from '../../common/auth/role-policy.js';

export const BUSINESS_ACTIVITY_MAX_LENGTH = 500;
export const CONTACTS_MAX = 20;

type MembershipResult = { ok: true; membership: BusinessMembership } | { ok: false; problems: Problem[] };

/** The actor's ACTIVE BAM membership in the business, or null. */
function activeBam(
  manager: EntityManager,
  businessId: string,
  userId: string,
): Promise<BusinessMembership | null> {
  return manager.findOneBy(BusinessMembership, {
    businessId,
    userId,
    status: MembershipStatus.ACTIVE,
    role: BusinessRole.BUSINESS_ACCOUNT_MANAGER,
  });
}

/**
 * How many ACTIVE BAMs the business has, read under row locks on MySQL so two BAMs demoting each other at
 * the same moment cannot leave none (SQLite runs one transaction at a time).
 */
async function activeBamCount(manager: EntityManager, businessId: string): Promise<number> {
  const query = manager
    .getRepository(BusinessMembership)
    .createQueryBuilder('m')
    .where('m.business_id = :businessId AND m.status = :active AND m.role = :bam', {
      businessId,
      active: MembershipStatus.ACTIVE,
      bam: BusinessRole.BUSINESS_ACCOUNT_MANAGER,
    });
  if (manager.connection.options.type !== 'better-sqlite3') query.setLock('pessimistic_write');
  return (await query.getMany()).length;
}

/** The target membership, ACTIVE, in a business where the actor is an active BAM; else a problem. */
async function managedMembership(
  manager: EntityManager,
  actorId: string,
  membershipId: string,
  field: string[],
): Promise<{ target: BusinessMembership; actor: BusinessMembership } | Problem> {
  const target = await manager.findOneBy(BusinessMembership, { id: membershipId });
  const actor = target ? await activeBam(manager, target.businessId, actorId) : null;
  if (!target || !actor || target.status !== MembershipStatus.ACTIVE)
    return businessProblem(field, 'MEMBERSHIP_NOT_FOUND');
  return { target, actor };
}

/**
 * BAM: changes an employee's role and program accounts (ignored for the BAM role, whose scope is every
 * account). The last active BAM cannot be demoted (LAST_BAM). Audit ROLE_CHANGED, domain event
 * MEMBERSHIP_CHANGED. Throws nothing of its own.
 */
export async function changeMembership(
  dataSource: DataSource,
  config: AppConfig,
  actorId: string,
  input: { membershipId: string; role: BusinessRole; programAccountIds?: string[] | null },
): Promise<MembershipResult> {
  const at = (field: string) => ['input', field];
  const now = config.now();
  return inTransaction(dataSource, async (manager): Promise<MembershipResult> => {
    const found = await managedMembership(manager, actorId, input.membershipId, at('membershipId'));
    if (!('target' in found)) return { ok: false, problems: [found] };
    const { target, actor } = found;
    const business = await manager.findOneByOrFail(Business, { id: target.businessId });
    const grant = await grantProblems(manager, business, actor, input.role, input.programAccountIds, at);
    if (grant.problems.length) return { ok: false, problems: grant.problems };
    if (
      isBusinessAccountManager(target.role) &&
      !isBusinessAccountManager(input.role) &&
      (await activeBamCount(manager, business.id)) <= 1
    )
      return { ok: false, problems: [businessProblem(at('role'), 'LAST_BAM')] };
    await manager.update(BusinessMembership, { id: target.id }, { role: input.role, updatedAt: now });
    await manager.delete(MembershipProgramAccount, { membershipId: target.id });
    if (grant.accountIds.length)
      await manager.insert(
        MembershipProgramAccount,
        grant.accountIds.map((programAccountId) => ({ membershipId: target.id, programAccountId })),
      );
    await recordBusinessAudit(manager, {
      registryBusinessId: business.registryBusinessId,
      type: 'ROLE_CHANGED',
      actorId,
      details: {
        membership: target.id,
        previousRole: target.role,
        role: input.role,
        accounts: grant.accountIds.length,
      },
      occurredAt: now,
    });
    await publish(
      manager,
      {
        type: 'MEMBERSHIP_CHANGED',
        payload: {
          businessId: business.id,
          userId: target.userId,
          role: input.role,
          programAccountIds: grant.accountIds,
          changedBy: actorId,
        },
      },
      now,
    );
    return { ok: true, membership: { ...target, role: input.role, updatedAt: now } };
  });
}

/** BAM: revokes an employee's access (the row stays, REVOKED). Not the last active BAM (LAST_BAM). */
export async function revokeMembership(
  dataSource: DataSource,
  config: AppConfig,
  actorId: string,
  membershipId: string,
): Promise<MembershipResult> {
  const now = config.now();
  return inTransaction(dataSource, async (manager): Promise<MembershipResult> => {
    const found = await managedMembership(manager, actorId, membershipId, ['membershipId']);
    if (!('target' in found)) return { ok: false, problems: [found] };
    const { target } = found;
    const business = await manager.findOneByOrFail(Business, { id: target.businessId });
    if (isBusinessAccountManager(target.role) && (await activeBamCount(manager, business.id)) <= 1)
      return { ok: false, problems: [businessProblem(['membershipId'], 'LAST_BAM')] };
    await manager.update(
      BusinessMembership,
      { id: target.id },
      { status: MembershipStatus.REVOKED, updatedAt: now },
    );
    await manager.delete(MembershipProgramAccount, { membershipId: target.id });
    // A service provider's employee also loses their client assignments: re-admitted later, they start
    // with none (the access chain must be granted again by the provider's BAM).
    await releaseEmployee(manager, business.id, target.userId);
    await recordBusinessAudit(manager, {
      registryBusinessId: business.registryBusinessId,
      type: 'MEMBERSHIP_REVOKED',
      actorId,
      details: { membership: target.id, role: target.role },
      occurredAt: now,
    });
    await publish(
      manager,
      {
        type: 'MEMBERSHIP_REVOKED',
        payload: { businessId: business.id, userId: target.userId, revokedBy: actorId },
      },
      now,
    );
    return { ok: true, membership: { ...target, status: MembershipStatus.REVOKED, updatedAt: now } };
  });
}

export interface ContactValues {
  name: string;
  title?: string | null;
  phone?: string | null;
  email?: string | null;
}

const tidy = (value: string | null | undefined) => (value ?? '').trim().replace(/\s+/g, ' ');

function contactProblems(contacts: ContactValues[]): Problem[] {
  if (contacts.length > CONTACTS_MAX)
    return [businessProblem(['input', 'contacts'], 'TOO_MANY', { max: CONTACTS_MAX }, 'contacts')];
  return contacts.flatMap((contact, index) => {
    const name = tidy(contact.name);
    const email = tidy(contact.email);
    const ok =
      name.length > 0 &&
      characterCount(name) <= 175 &&
      characterCount(tidy(contact.title)) <= 100 &&
      characterCount(tidy(contact.phone)) <= 25 &&
      (email === '' || emailProblems(email).length === 0);
    return ok
      ? []
      : [businessProblem(['input', 'contacts', String(index)], 'INVALID', { max: 175 }, 'contact')];
  });
}

/**
 * BAM only: the portal-side business settings (business activity, contacts). The registry part of the
 * profile is the agency's and is not edited here. Audit and domain event SETTINGS_CHANGED.
 */
export async function updateBusinessSettings(
  dataSource: DataSource,
  config: AppConfig,
  actorId: string,
  input: { businessId: string; businessActivity?: string | null; contacts: ContactValues[] },
): Promise<{ ok: true; business: Business } | { ok: false; problems: Problem[] }> {
  const activity = tidy(input.businessActivity);
  const problems = contactProblems(input.contacts);
  if (characterCount(activity) > BUSINESS_ACTIVITY_MAX_LENGTH)
    problems.unshift(
      businessProblem(
        ['input', 'businessActivity'],
        'TOO_LONG',
        { max: BUSINESS_ACTIVITY_MAX_LENGTH },
        'businessActivity',
      ),
    );
  const now = config.now();
  return inTransaction(dataSource, async (manager) => {
    const business = await manager.findOneBy(Business, { id: input.businessId });
    if (!business || !(await activeBam(manager, business.id, actorId)))
      return {
        ok: false as const,
        problems: [businessProblem(['input', 'businessId'], 'BUSINESS_NOT_FOUND')],
      };
    if (problems.length) return { ok: false as const, problems };
    const contactsJson = JSON.stringify(
      input.contacts.map((contact) => ({
        name: tidy(contact.name),
        title: tidy(contact.title) || null,
        phone: tidy(contact.phone) || null,
        email: tidy(contact.email) || null,
      })),
    );
    await manager.update(
      Business,
      { id: business.id },
      { businessActivity: activity, contactsJson, updatedAt: now },
    );
    await recordBusinessAudit(manager, {
      registryBusinessId: business.registryBusinessId,
      type: 'SETTINGS_CHANGED',
      actorId,
      details: { contacts: input.contacts.length },
      occurredAt: now,
    });
    await publish(
      manager,
      { type: 'SETTINGS_CHANGED', payload: { businessId: business.id, changedBy: actorId } },
      now,
    );
    return {
      ok: true as const,
      business: { ...business, businessActivity: activity, contactsJson, updatedAt: now },
    };
  });
}

/**
 * The business's own contacts of a program account (the registry's show until they are set). The access
 * table decides who (PROGRAM_PROFILE EDIT: a BAM, a PAM or Editor within scope; never a provider); the
 * directive has checked it. Audit and domain event PROGRAM_CONTACTS_CHANGED.
 */
export async function updateProgramAccountContacts(
  dataSource: DataSource,
  config: AppConfig,
  actorId: string,
  input: { programAccountId: string; contacts: ContactValues[] },
): Promise<
  { ok: true; businessId: string; account: RegistryProgramAccount } | { ok: false; problems: Problem[] }
> {
  const problems = contactProblems(input.contacts);
  if (problems.length) return { ok: false, problems };
  const now = config.now();
  return inTransaction(dataSource, async (manager) => {
    const account = await programAccountById(manager, input.programAccountId);
    if (!account) throw new Error(`No program account ${input.programAccountId}`);
    const business = await manager.findOneByOrFail(Business, { registryBusinessId: account.businessId });
    const contactsJson = JSON.stringify(
      input.contacts.map((contact) => ({
        name: tidy(contact.name),
        title: tidy(contact.title) || null,
        phone: tidy(contact.phone) || null,
        email: tidy(contact.email) || null,
      })),
    );
    await manager.delete(ProgramAccountSettings, { programAccountId: account.id });
    await manager.insert(ProgramAccountSettings, {
      programAccountId: account.id,
      contactsJson,
      updatedBy: actorId,
      updatedAt: now,
    });
    await recordBusinessAudit(manager, {
      registryBusinessId: business.registryBusinessId,
      type: 'PROGRAM_CONTACTS_CHANGED',
      actorId,
      details: { account: account.accountNumber, contacts: input.contacts.length },
      occurredAt: now,
    });
    await publish(
      manager,
      {
        type: 'PROGRAM_CONTACTS_CHANGED',
        payload: { businessId: business.id, programAccountId: account.id, changedBy: actorId },
      },
      now,
    );
    return { ok: true as const, businessId: business.id, account };
  });
}
