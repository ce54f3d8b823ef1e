import { type EntityManager, In } from 'typeorm';
import { Business } from '../businesses/businesses.entities.js';
import { type DomainEventType } from '../businesses/business-events.js';
import { PersonalProfileRecord } from '../profiles/personal-profile.entity.js';
import { RegistryProgramAccount } from '../registry/program-account.entity.js';
import { RegistryBusiness } from '../registry/registry-business.entity.js';
import { type RegistryStatement } from '../registry/financial-record.entity.js';
import { money, renderNotice, roleLabels, type Bilingual, type TemplateName } from './notice-templates.js';
import { type NoticeDraft, writeNotices, type WriteResult } from './notice-writer.js';
import { NoticeType } from './notices.types.js';

// Notices from the domain events of the other modules (docs/notices.md "Sources"). Called by
// publishDomainEvent inside the event's transaction: the notices and their emails exist exactly when the
// change does, and a rollback leaves none. This file imports business-events for its types only (no
// runtime cycle).

export interface PublishedEvent {
  id: string;
  type: DomainEventType;
  payload: Record<string, unknown>;
  occurredAt: Date;
}

interface BusinessInfo {
  id: string;
  businessNumber: string;
  name: string;
}

async function businessesById(manager: EntityManager, ids: string[]): Promise<Map<string, BusinessInfo>> {
  const wanted = [...new Set(ids.filter(Boolean))];
  if (wanted.length === 0) return new Map();
  const businesses = await manager.findBy(Business, { id: In(wanted) });
  const registry = businesses.length
    ? await manager.findBy(RegistryBusiness, { id: In(businesses.map((b) => b.registryBusinessId)) })
    : [];
  const registryById = new Map(registry.map((r) => [r.id, r]));
  return new Map(
    businesses.map((b) => {
      const r = registryById.get(b.registryBusinessId);
      return [
        b.id,
        {
          id: b.id,
          businessNumber: b.businessNumber,
          name: r ? r.operatingName || r.legalName : b.businessNumber,
        },
      ];
    }),
  );
}

async function personName(manager: EntityManager, userId: string): Promise<string> {
  const profile = await manager.findOneBy(PersonalProfileRecord, { userId });
  return profile ? `${profile.firstName} ${profile.lastName}` : '';
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** A notice to a business (the people who may see its type read it). */
function toBusiness(
  event: PublishedEvent,
  business: BusinessInfo,
  type: NoticeType,
  template: TemplateName,
  values: Record<string, string | Bilingual>,
  linkPath: string,
): NoticeDraft {
  return {
    type,
    businessId: business.id,
    accountNumber: business.businessNumber,
    recipientName: business.name,
    ...renderNotice(template, values),
    linkPath,
    sourceKey: `event:${event.id}:${business.id}`,
  };
}

/** A notice to one person, about a business (visible to that person only). */
async function toPerson(
  manager: EntityManager,
  event: PublishedEvent,
  userId: string,
  business: BusinessInfo,
  type: NoticeType,
  template: TemplateName,
  values: Record<string, string | Bilingual>,
  linkPath: string,
): Promise<NoticeDraft> {
  return {
    type,
    businessId: business.id,
    accountNumber: business.businessNumber,
    recipientUserId: userId,
    recipientName: (await personName(manager, userId)) || business.name,
    ...renderNotice(template, values),
    linkPath,
    sourceKey: `event:${event.id}:${userId}`,
  };
}

async function draftsFor(manager: EntityManager, event: PublishedEvent): Promise<NoticeDraft[]> {
  const p = event.payload;
  switch (event.type) {
    case 'ACCESS_REQUESTED': {
      const business = (await businessesById(manager, [str(p.businessId)])).get(str(p.businessId));
      if (!business) return [];
      const person = await personName(manager, str(p.requesterId));
      return [
        toBusiness(
          event,
          business,
          NoticeType.DELEGATION_PENDING_ACCESS,
          'accessRequested',
          { person, business: business.name, bn: business.businessNumber },
          '/business/employees',
        ),
      ];
    }
    case 'ACCESS_APPROVED':
    case 'ACCESS_REJECTED':
    case 'MEMBERSHIP_CHANGED':
    case 'MEMBERSHIP_REVOKED': {
      const userId = str(p.requesterId) || str(p.userId);
      // The person's own doing (registration, an activation key): nothing to tell them.
      if (!userId || p.via || (p.changedBy && p.changedBy === userId)) return [];
      const business = (await businessesById(manager, [str(p.businessId)])).get(str(p.businessId));
      if (!business) return [];
      const values = {
        business: business.name,
        bn: business.businessNumber,
        role: roleLabels[str(p.role)] ?? str(p.role),
      };
      const [type, template, link]: [NoticeType, TemplateName, string] =
        event.type === 'ACCESS_APPROVED'
          ? [NoticeType.ACCESS_AUTHORIZATIONS_CHANGED, 'accessApproved', '/business']
          : event.type === 'ACCESS_REJECTED'
            ? [NoticeType.ACCESS_REQUEST_REJECTED, 'accessRejected', '/setup']
            : event.type === 'MEMBERSHIP_CHANGED'
              ? [NoticeType.ACCESS_AUTHORIZATIONS_CHANGED, 'roleChanged', '/business']
              : [NoticeType.ACCESS_AUTHORIZATIONS_CHANGED, 'membershipRevoked', '/setup'];
      return [await toPerson(manager, event, userId, business, type, template, values, link)];
    }
    case 'EMPLOYEE_ASSIGNED':
    case 'EMPLOYEE_UNASSIGNED': {
      const userId = str(p.userId);
      const business = (await businessesById(manager, [str(p.providerBusinessId)])).get(
        str(p.providerBusinessId),
      );
      if (!userId || !business || p.actorId === userId) return [];
      return [
        await toPerson(
          manager,
          event,
          userId,
          business,
          NoticeType.ACCESS_AUTHORIZATIONS_CHANGED,
          'assignmentsChanged',
          { business: business.name, bn: business.businessNumber },
          '/clients',
        ),
      ];
    }
    case 'REGISTERED': {
      const business = (await businessesById(manager, [str(p.businessId)])).get(str(p.businessId));
      if (!business) return [];
      return [
        toBusiness(
          event,
          business,
          NoticeType.BUSINESS_REGISTRATION_COMPLETED,
          'registered',
          { business: business.name, bn: business.businessNumber },
          '/business',
        ),
      ];
    }
    case 'RELATIONSHIP_REQUESTED':
    case 'RELATIONSHIP_CANCELLED':
    case 'RELATIONSHIP_ACCEPTED':
    case 'RELATIONSHIP_REJECTED':
    case 'RELATIONSHIP_EXPIRY_REMINDER':
    case 'RELATIONSHIP_EXPIRED':
    case 'RELATIONSHIP_ENDED': {
      const [providerId, clientId] = [str(p.providerBusinessId), str(p.clientBusinessId)];
      const both = await businessesById(manager, [providerId, clientId]);
      const provider = both.get(providerId);
      const client = both.get(clientId);
      if (!provider || !client) return [];
      const values = {
        provider: provider.name,
        providerBn: provider.businessNumber,
        client: client.name,
        clientBn: client.businessNumber,
        date: str(p.expiresAt).slice(0, 10),
      };
      const link = `/business/relationships/${str(p.relationshipId)}`;
      const plan: Record<string, Array<[BusinessInfo, NoticeType, TemplateName]>> = {
        RELATIONSHIP_REQUESTED: [[client, NoticeType.RELATIONSHIP_REQUEST_RECEIVED, 'relationshipRequested']],
        RELATIONSHIP_CANCELLED: [
          [client, NoticeType.RELATIONSHIP_REQUEST_CANCELLED, 'relationshipCancelled'],
        ],
        RELATIONSHIP_ACCEPTED: [[provider, NoticeType.RELATIONSHIP_ACCEPTED, 'relationshipAccepted']],
        RELATIONSHIP_REJECTED: [[provider, NoticeType.RELATIONSHIP_REJECTED, 'relationshipRejected']],
        RELATIONSHIP_EXPIRY_REMINDER: [[client, NoticeType.RELATIONSHIP_EXPIRING, 'relationshipExpiring']],
        RELATIONSHIP_EXPIRED: [
          [provider, NoticeType.RELATIONSHIP_EXPIRED, 'relationshipExpired'],
          [client, NoticeType.RELATIONSHIP_EXPIRED, 'relationshipExpired'],
        ],
        RELATIONSHIP_ENDED: [
          [provider, NoticeType.RELATIONSHIP_ENDED, 'relationshipEnded'],
          [client, NoticeType.RELATIONSHIP_ENDED, 'relationshipEnded'],
        ],
      };
      return (plan[event.type] ?? []).map(([business, type, template]) =>
        toBusiness(event, business, type, template, values, link),
      );
    }
    default:
      // Registration locks, activation keys, settings, contacts and client groups concern the agency's or
      // the actor's own work: no notice.
      return [];
  }
}

/** Writes the notices (and emails) a domain event calls for, in the event's transaction. */
export async function noticesForDomainEvent(
  manager: EntityManager,
  event: PublishedEvent,
): Promise<WriteResult> {
  return writeNotices(manager, await draftsFor(manager, event), event.occurredAt);
}

/**
 * "Statement of account issued" notices for statements the registry import has just created, to the
 * program account of a registered business (businesses not on the portal yet have nobody to tell).
 * Idempotent: the source key is the statement's, so importing the same file again writes nothing.
 */
export async function noticesForImportedStatements(
  manager: EntityManager,
  statements: Array<
    Pick<
      RegistryStatement,
      | 'programAccountId'
      | 'statementDate'
      | 'periodStart'
      | 'periodEnd'
      | 'balanceCents'
      | 'amountDueCents'
      | 'dueDate'
    >
  >,
  now: Date,
): Promise<WriteResult> {
  if (statements.length === 0) return { notices: [], emails: 0 };
  const accounts = await manager.findBy(RegistryProgramAccount, {
    id: In([...new Set(statements.map((s) => s.programAccountId))]),
  });
  const accountById = new Map(accounts.map((a) => [a.id, a]));
  const businesses = await manager.findBy(Business, {
    registryBusinessId: In([...new Set(accounts.map((a) => a.businessId))]),
  });
  const businessByRegistry = new Map(businesses.map((b) => [b.registryBusinessId, b]));
  const drafts: NoticeDraft[] = [];
  for (const s of statements) {
    const account = accountById.get(s.programAccountId);
    const business = account && businessByRegistry.get(account.businessId);
    if (!account || !business) continue;
    drafts.push({
      type: NoticeType.STATEMENT_OF_ACCOUNT_ISSUED,
      businessId: business.id,
      programAccountId: account.id,
      accountNumber: account.accountNumber,
      recipientName: account.name,
      ...renderNotice('statementIssued', {
        date: s.statementDate,
        account: account.accountNumber,
        start: s.periodStart,
        end: s.periodEnd,
        balance: money(s.balanceCents),
        due: money(s.amountDueCents),
        dueDate: s.dueDate,
      }),
      linkPath: `/business/program-accounts/${account.id}`,
      sourceKey: `statement:${account.id}:${s.statementDate}`,
    });
  }
  return writeNotices(manager, drafts, now);
}
