import { type DataSource, In } from 'typeorm';
import { ownedBy } from '../../common/auth/access-directive.js';
import {
  AccessAction,
  AccessArea,
  decideAccess,
  type Standing,
  visibleScope,
} from '../../common/auth/access-table.js';
import {
  type RegistryBusiness,
  type RegistryBusinessAddress,
  type RegistryProgramAccount,
  type RegistryProgramAddress,
} from '../registry/registry-lookups.service.js';
import { type BusinessLoaders } from './business-loaders.js';
import { entityColumns, hydrate } from '../../common/database/named-sql.js';
import {
  type AccessRequest,
  Business,
  BusinessMembership,
  BusinessRegistration,
  type MembershipProgramAccount,
} from './businesses.entities.js';
import {
  type Address,
  type BusinessNode,
  type BusinessProfile,
  type Contact,
  type MembershipNode,
  MembershipStatus,
  type PersonSummary,
  type ProgramAccount,
  type ProgramAccountSummary,
  RegistrationStep,
} from './businesses.types.js';
import { coversWholeBusiness, isBusinessAccountManager } from '../../common/auth/role-policy.js';

// Read side of the businesses module: who may see what, and the API shapes built from rows.

const orNull = (value: string) => (value === '' ? null : value);

export function addressOf(row: RegistryBusinessAddress | RegistryProgramAddress): Address {
  return {
    addressType: row.addressType,
    line1: row.line1,
    line2: orNull(row.line2),
    poBoxOrRuralRoute: orNull(row.poBox),
    city: orNull(row.city),
    provinceOrState: orNull(row.provinceState),
    postalCode: orNull(row.postalCode),
    country: row.country,
  };
}

export function businessName(registry: RegistryBusiness): string {
  return registry.operatingName || registry.legalName;
}

/**
 * A business's columns in another module's one-statement read (a list paged in SQL that joins `business`), and
 * the entity back from such a row, to prime the request's loaders: the businesses module keeps its entity.
 */
export const businessRow = {
  columns: (dataSource: DataSource, alias: string, prefix: string): string =>
    entityColumns(dataSource, Business, alias, prefix),
  hydrate: (dataSource: DataSource, row: Record<string, unknown>, prefix: string): Business | null =>
    hydrate(dataSource, Business, row, prefix),
};

/**
 * A business's summary in SQL, for lists other modules page in the database by name: the joins from a column
 * holding business ids, and the name as `businessName` makes it (operating name, else legal name, else the
 * business number when the registry has no record). Selected as `<prefix>id`, `<prefix>number`, `<prefix>name`.
 */
export function businessSummarySql(
  businessIdColumn: string,
  alias: string,
  prefix: string,
): { joins: string; name: string; select: string } {
  const name = `COALESCE(NULLIF(${alias}r.operating_name, ''), ${alias}r.legal_name, ${alias}.business_number)`;
  return {
    joins:
      ` INNER JOIN business ${alias} ON ${alias}.id = ${businessIdColumn}` +
      ` LEFT JOIN registry_business ${alias}r ON ${alias}r.id = ${alias}.registry_business_id`,
    name,
    select: `${alias}.id AS ${prefix}id, ${alias}.business_number AS ${prefix}number, ${name} AS ${prefix}name`,
  };
}

export async function businessNode(loaders: BusinessLoaders, business: Business): Promise<BusinessNode> {
  const registry = await loaders.registryBusiness.load(business.registryBusinessId);
  return ownedBy(
    {
      id: business.id,
      businessNumber: business.businessNumber,
      name: registry ? businessName(registry) : business.businessNumber,
      registeredAt: business.registeredAt,
      registryBusinessId: business.registryBusinessId,
    },
    { businessId: business.id },
  );
}

export function membershipNode(row: BusinessMembership): MembershipNode {
  return {
    id: row.id,
    role: row.role,
    status: row.status,
    grantedAt: row.grantedAt,
    businessId: row.businessId,
    userId: row.userId,
  };
}

export async function personSummary(loaders: BusinessLoaders, userId: string): Promise<PersonSummary> {
  const profile = await loaders.profile.load(userId);
  // People without a personal profile (agency officers) are named by their username in audit trails.
  const username = profile ? null : (await loaders.username.load(userId))?.username;
  return {
    id: userId,
    name: profile ? `${profile.firstName} ${profile.lastName}` : (username ?? ''),
    email: profile?.email ?? null,
  };
}

export function isActiveBam(membership: BusinessMembership | null): boolean {
  return membership?.status === MembershipStatus.ACTIVE && isBusinessAccountManager(membership.role);
}

/** The viewer's ACTIVE membership in a business, or null. */
export async function activeViewerMembership(
  loaders: BusinessLoaders,
  businessId: string,
): Promise<BusinessMembership | null> {
  const membership = await loaders.viewerMembership.load(businessId);
  return membership?.status === MembershipStatus.ACTIVE ? membership : null;
}

/** Program account ids in a membership's scope; null means every account (a BAM). */
export async function scopeOf(
  loaders: BusinessLoaders,
  membership: BusinessMembership,
): Promise<Set<string> | null> {
  if (coversWholeBusiness(membership.role)) return null;
  const rows: MembershipProgramAccount[] = await loaders.scope.load(membership.id);
  return new Set(rows.map((row) => row.programAccountId));
}

/**
 * A business by id for the caller: anyone with a standing toward it (its people, a provider's assigned
 * employees, officers) gets the node, whose fields are then guarded one by one; nobody else (null, as if it
 * did not exist).
 */
export async function visibleBusiness(
  loaders: BusinessLoaders,
  standingOf: (businessId: string) => Promise<Standing>,
  businessId: string,
): Promise<Business | null> {
  const business = await loaders.business.load(businessId);
  if (!business) return null;
  return (await standingOf(business.id)).grants.length ? business : null;
}

/** The business profile from the registry, plus the portal-side settings. */
export async function businessProfile(
  loaders: BusinessLoaders,
  business: Business,
): Promise<BusinessProfile> {
  const [registry, addresses] = await Promise.all([
    loaders.registryBusiness.load(business.registryBusinessId),
    loaders.registryAddresses.load(business.registryBusinessId),
  ]);
  if (!registry) throw new Error(`registry business ${business.registryBusinessId} is missing`);
  return ownedBy<BusinessProfile>(
    {
      legalName: registry.legalName,
      operatingName: orNull(registry.operatingName),
      businessType: registry.businessType,
      soleProprietor: registry.isSoleProprietor,
      serviceProvider: registry.isServiceProvider,
      serviceProviderKind: orNull(registry.serviceProviderKind),
      addresses: addresses.map(addressOf),
      businessActivity: orNull(business.businessActivity),
      contacts: JSON.parse(business.contactsJson) as Contact[],
    },
    { businessId: business.id },
  );
}

/** One program account of a business, marked as its own for the guarded fields. */
export async function programAccountOf(
  loaders: BusinessLoaders,
  standing: Standing,
  businessId: string,
  account: RegistryProgramAccount,
): Promise<ProgramAccount> {
  const [addresses, registryContacts, settings, owners, subPrograms] = await Promise.all([
    loaders.programAddresses.load(account.id),
    loaders.programContacts.load(account.id),
    loaders.programSettings.load(account.id),
    loaders.programOwners.load(account.id),
    loaders.subPrograms.load(account.id),
  ]);
  // The business's own contacts once it has set them; the registry's until then.
  const contacts: Contact[] = settings
    ? (JSON.parse(settings.contactsJson) as Contact[])
    : registryContacts.map((contact) => ({
        name: contact.name,
        title: orNull(contact.title),
        phone: orNull(contact.phone),
        email: orNull(contact.email),
      }));
  const owner = { businessId, programAccountId: account.id };
  return ownedBy(
    {
      id: account.id,
      accountNumber: account.accountNumber,
      programCode: account.programCode,
      programType: account.programType,
      name: account.name,
      billingType: account.billingType,
      status: account.status,
      addresses: addresses.map(addressOf),
      contacts,
      owners: owners.map((o) => ({ name: o.name, role: o.role })),
      subPrograms: subPrograms.map((sub) => ({ code: sub.code, name: sub.name })),
      viewerCanEdit: decideAccess(standing, AccessArea.PROGRAM_PROFILE, AccessAction.EDIT, owner),
    },
    owner,
  );
}

/**
 * The program list of a business for the caller's standing: every account, or the accounts in scope (the
 * access table's PROGRAM_LIST rule; the field itself is guarded by @access).
 */
export async function visibleProgramAccounts(
  loaders: BusinessLoaders,
  standing: Standing,
  business: Business,
): Promise<ProgramAccount[]> {
  const visible = await visibleRegistryAccounts(loaders, standing, business);
  return Promise.all(visible.map((account) => programAccountOf(loaders, standing, business.id, account)));
}

/** The registry rows of the program accounts the caller may list: all, or those in the caller's scope. */
export async function visibleRegistryAccounts(
  loaders: BusinessLoaders,
  standing: Standing,
  business: Business,
): Promise<RegistryProgramAccount[]> {
  const all = await loaders.programAccountsOfRegistryBusiness.load(business.registryBusinessId);
  const scope = visibleScope(standing, AccessArea.PROGRAM_LIST, AccessAction.VIEW);
  return scope === 'ALL' ? all : all.filter((account) => scope.has(account.id));
}

/** A membership's scoped accounts (empty for a BAM: all accounts, including future ones). */
export async function membershipScopeSummaries(
  loaders: BusinessLoaders,
  membership: MembershipNode,
): Promise<ProgramAccountSummary[]> {
  if (coversWholeBusiness(membership.role)) return [];
  const rows = await loaders.scope.load(membership.id);
  const accounts = await Promise.all(rows.map((row) => loaders.programAccount.load(row.programAccountId)));
  return accounts
    .filter((account): account is RegistryProgramAccount => account !== null)
    .sort((a, b) => a.accountNumber.localeCompare(b.accountNumber))
    .map((account) => ({ id: account.id, accountNumber: account.accountNumber, name: account.name }));
}

/** The person's ACTIVE memberships, oldest first. */
export function activeMembershipsOf(dataSource: DataSource, userId: string): Promise<BusinessMembership[]> {
  return dataSource.getRepository(BusinessMembership).find({
    where: { userId, status: MembershipStatus.ACTIVE },
    order: { grantedAt: 'ASC', id: 'ASC' },
  });
}

/** Every membership of a business (BAM view), active first then by grant time. */
export function membersOf(dataSource: DataSource, businessId: string): Promise<BusinessMembership[]> {
  return dataSource.getRepository(BusinessMembership).find({
    where: { businessId },
    order: { status: 'ASC', grantedAt: 'ASC', id: 'ASC' },
  });
}

/** The person's latest registration that is not completed, if any. */
export function inProgressRegistration(
  dataSource: DataSource,
  userId: string,
): Promise<BusinessRegistration | null> {
  return dataSource.getRepository(BusinessRegistration).findOne({
    where: { userId, step: In([RegistrationStep.IDENTIFY, RegistrationStep.VALIDATE_BUSINESS]) },
    order: { startedAt: 'DESC', id: 'DESC' },
  });
}

export type { AccessRequest };
