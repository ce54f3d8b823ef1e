import { createHash, randomBytes } from 'node:crypto';
import { type DataSource, type EntityManager } from 'typeorm';
import { type AppConfig } from '../../config/env.js';
import { type Problem } from '../../common/errors/problems.js';
import { inTransaction, isUniqueViolation } from '../../common/database/transactions.js';
import { timeOrderedId } from '../../common/database/time-ordered-id.js';
import { findProfile } from '../profiles/profile.service.js';
import {
  registryBusinessByNumber as registryRowByNumber,
  type RegistryBusiness,
} from '../registry/registry-lookups.service.js';
import { publish } from '../../common/events/event-bus.js';
import { recordBusinessAudit } from './business-audit.service.js';
import {
  ActivationKey,
  Business,
  BusinessMembership,
  MembershipProgramAccount,
  RegistrationLock,
} from './businesses.entities.js';
import { BusinessRole, MembershipStatus } from './businesses.types.js';
import { businessProblem, registerBusiness } from './registration.service.js';
import { characterCount } from '../../common/rules/text-rules.js';

/** Activation keys are valid this long (seed 000: two weeks). */
export const ACTIVATION_KEY_VALIDITY_MS = 14 * 24 * 60 * 60 * 1000;
export const CONTACT_NAME_MAX_LENGTH = 175;

/** 128 random bits as 32 hex digits in groups of four (XXXX-XXXX-…), easy to read over the phone. */
export function newActivationKey(): string {
  return randomBytes(16).toString('hex').toUpperCase().match(/.{4}/g)!.join('-');
}

/** The stored form: SHA-256 of the key without separators, in upper case (so typing it loosely still works). */
export function hashActivationKey(key: string): string {
  return createHash('sha256').update(key.replace(/[\s-]/g, '').toUpperCase()).digest('hex');
}

function isProblem(value: RegistryBusiness | Problem): value is Problem {
  return 'messageKey' in value;
}

/** The registry business of a BN9, or a problem at `field`. */
export async function registryBusinessByNumber(
  dataSource: DataSource | EntityManager,
  businessNumber: string,
  field: string[],
): Promise<RegistryBusiness | Problem> {
  const bn = businessNumber.trim();
  if (!/^\d{9}$/.test(bn)) return businessProblem(field, 'INVALID_FORMAT', {}, 'businessNumber');
  const business = await registryRowByNumber(dataSource, bn);
  return business ?? businessProblem(field, 'REGISTRY_BUSINESS_NOT_FOUND');
}

/**
 * OFFICER: issues a one-time activation key for a registry business to a named contact, valid 14 days. The
 * key is answered once, here; only its hash is kept. Audit and domain event ACTIVATION_KEY_ISSUED.
 */
export async function issueActivationKey(
  dataSource: DataSource,
  config: AppConfig,
  officerId: string,
  input: { businessNumber: string; contactName: string },
): Promise<
  | { ok: true; key: string; businessNumber: string; contactName: string; expiresAt: Date }
  | { ok: false; problems: Problem[] }
> {
  const problems: Problem[] = [];
  const registry = await registryBusinessByNumber(dataSource, input.businessNumber, [
    'input',
    'businessNumber',
  ]);
  if (isProblem(registry)) problems.push(registry);
  const contactName = input.contactName.trim().replace(/\s+/g, ' ');
  if (!contactName) problems.push(businessProblem(['input', 'contactName'], 'REQUIRED', {}, 'contactName'));
  else if (characterCount(contactName) > CONTACT_NAME_MAX_LENGTH)
    problems.push(
      businessProblem(['input', 'contactName'], 'TOO_LONG', { max: CONTACT_NAME_MAX_LENGTH }, 'contactName'),
    );
  if (problems.length || isProblem(registry)) return { ok: false, problems };

  const now = config.now();
  const key = newActivationKey();
  const expiresAt = new Date(now.getTime() + ACTIVATION_KEY_VALIDITY_MS);
  await inTransaction(dataSource, async (manager) => {
    const id = timeOrderedId();
    await manager.insert(ActivationKey, {
      id,
      registryBusinessId: registry.id,
      keyHash: hashActivationKey(key),
      contactName,
      issuedBy: officerId,
      issuedAt: now,
      expiresAt,
      usedAt: null,
      usedBy: null,
    });
    await recordBusinessAudit(manager, {
      registryBusinessId: registry.id,
      type: 'ACTIVATION_KEY_ISSUED',
      actorId: officerId,
      details: { contact: contactName },
      occurredAt: now,
    });
    await publish(
      manager,
      {
        type: 'ACTIVATION_KEY_ISSUED',
        payload: {
          activationKeyId: id,
          businessNumber: registry.businessNumber,
          contactName,
          expiresAt: expiresAt.toISOString(),
        },
      },
      now,
    );
  });
  return { ok: true, key, businessNumber: registry.businessNumber, contactName, expiresAt };
}

/**
 * Redeems an activation key: the person becomes a BAM of the business, which is registered first when it is
 * not yet. One-time: the key is marked used in the same transaction (a conditional update, so two
 * concurrent redemptions cannot both succeed). Problems at `key`: ACTIVATION_KEY_UNKNOWN, _EXPIRED, _USED.
 */
export async function redeemActivationKey(
  dataSource: DataSource,
  config: AppConfig,
  userId: string,
  rawKey: string,
): Promise<{ ok: true; business: Business } | { ok: false; problems: Problem[] }> {
  const profile = await findProfile(dataSource, userId);
  if (!profile) return { ok: false, problems: [businessProblem([], 'PROFILE_REQUIRED')] };
  const now = config.now();
  const fail = (code: string) => ({ ok: false as const, problems: [businessProblem(['key'], code)] });
  try {
    return await inTransaction(dataSource, async (manager) => {
      const key = await manager.findOneBy(ActivationKey, { keyHash: hashActivationKey(rawKey) });
      if (!key) return fail('ACTIVATION_KEY_UNKNOWN');
      if (key.usedAt) return fail('ACTIVATION_KEY_USED');
      if (key.expiresAt.getTime() <= now.getTime()) return fail('ACTIVATION_KEY_EXPIRED');
      const claimed = await manager
        .createQueryBuilder()
        .update(ActivationKey)
        .set({ usedAt: now, usedBy: userId })
        .where('id = :id AND used_at IS NULL', { id: key.id })
        .execute();
      if (!claimed.affected) return fail('ACTIVATION_KEY_USED');

      let business = await manager.findOneBy(Business, { registryBusinessId: key.registryBusinessId });
      if (!business) {
        business = await registerBusiness(manager, key.registryBusinessId, userId, now, 'ACTIVATION_KEY');
      } else {
        await makeBam(manager, business, userId, now);
      }
      await recordBusinessAudit(manager, {
        registryBusinessId: key.registryBusinessId,
        type: 'ACTIVATION_KEY_REDEEMED',
        actorId: userId,
        details: { key: key.id },
        occurredAt: now,
      });
      return { ok: true as const, business };
    });
  } catch (error) {
    // The business was registered by someone else at the same moment: the key is left unused.
    if (isUniqueViolation(error)) return fail('ALREADY_REGISTERED');
    throw error;
  }
}

/** Makes the person an ACTIVE BAM of an existing business (new, reactivated or promoted membership). */
async function makeBam(manager: EntityManager, business: Business, userId: string, now: Date): Promise<void> {
  const existing = await manager.findOneBy(BusinessMembership, { businessId: business.id, userId });
  if (existing) {
    await manager.update(
      BusinessMembership,
      { id: existing.id },
      { role: BusinessRole.BUSINESS_ACCOUNT_MANAGER, status: MembershipStatus.ACTIVE, updatedAt: now },
    );
    // A BAM's scope is every account, computed: no scope rows.
    await manager.delete(MembershipProgramAccount, { membershipId: existing.id });
  } else {
    await manager.insert(BusinessMembership, {
      id: timeOrderedId(),
      businessId: business.id,
      userId,
      role: BusinessRole.BUSINESS_ACCOUNT_MANAGER,
      status: MembershipStatus.ACTIVE,
      grantedAt: now,
      grantedBy: null,
      updatedAt: now,
    });
  }
  await publish(
    manager,
    {
      type: 'MEMBERSHIP_CHANGED',
      payload: {
        businessId: business.id,
        userId,
        role: BusinessRole.BUSINESS_ACCOUNT_MANAGER,
        via: 'ACTIVATION_KEY',
      },
    },
    now,
  );
}

/**
 * OFFICER: unlocks registration of a registry business and forgets its failed attempts; audit
 * REGISTRATION_UNLOCKED (with the officer) and the domain event, when it was locked or had failures.
 */
export async function unlockBusinessRegistration(
  dataSource: DataSource,
  config: AppConfig,
  officerId: string,
  businessNumber: string,
): Promise<{ ok: true; registry: RegistryBusiness } | { ok: false; problems: Problem[] }> {
  const registry = await registryBusinessByNumber(dataSource, businessNumber, ['businessNumber']);
  if (isProblem(registry)) return { ok: false, problems: [registry] };
  const now = config.now();
  await inTransaction(dataSource, async (manager) => {
    const lock = await manager.findOneBy(RegistrationLock, { registryBusinessId: registry.id });
    if (!lock || (lock.failedAttempts === 0 && lock.lockedAt === null)) return;
    await manager.update(
      RegistrationLock,
      { registryBusinessId: registry.id },
      { failedAttempts: 0, lockedAt: null, updatedAt: now },
    );
    await recordBusinessAudit(manager, {
      registryBusinessId: registry.id,
      type: 'REGISTRATION_UNLOCKED',
      actorId: officerId,
      details: { failedAttempts: lock.failedAttempts },
      occurredAt: now,
    });
    await publish(
      manager,
      { type: 'REGISTRATION_UNLOCKED', payload: { businessNumber: registry.businessNumber, officerId } },
      now,
    );
  });
  return { ok: true, registry };
}
