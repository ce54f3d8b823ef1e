import DataLoader from 'dataloader';
import { type DataSource, In } from 'typeorm';
import { entityColumns, hydrate, queryNamed } from '../../common/database/named-sql.js';
import {
  type PersonalProfileRecord,
  profileColumns,
  profileOfRow,
  profilesOf,
} from '../profiles/profile.service.js';
import { type User, usernamesOf } from '../users/users.service.js';
import {
  programAccountsByIds,
  programAccountsOfBusinesses,
  programAddressesOf,
  programContactsOf,
  programOwnersOf,
  type RegistryBusiness,
  type RegistryBusinessAddress,
  registryAddressesOf,
  registryBusinessesByIds,
  registryBusinessRow,
  type RegistryProgramAccount,
  type RegistryProgramAddress,
  type RegistryProgramContact,
  type RegistryProgramOwner,
  type RegistrySubProgram,
  subProgramsOf,
} from '../registry/registry-lookups.service.js';
import {
  ActivationKey,
  Business,
  BusinessMembership,
  MembershipProgramAccount,
  ProgramAccountSettings,
  RegistrationLock,
} from './businesses.entities.js';

/** One query for every key of a batch; answers in key order, `fallback` for keys without rows. */
function byKey<K extends string, V>(
  load: (keys: K[]) => Promise<V[]>,
  keyOf: (row: V) => K,
): DataLoader<K, V | null> {
  return new DataLoader<K, V | null>(async (keys) => {
    const rows = await load([...keys]);
    const map = new Map(rows.map((row) => [keyOf(row), row]));
    return keys.map((key) => map.get(key) ?? null);
  });
}

function groupedBy<K extends string, V>(
  load: (keys: K[]) => Promise<V[]>,
  keyOf: (row: V) => K,
): DataLoader<K, V[]> {
  return new DataLoader<K, V[]>(async (keys) => {
    const rows = await load([...keys]);
    const map = new Map<K, V[]>();
    for (const row of rows) map.set(keyOf(row), [...(map.get(keyOf(row)) ?? []), row]);
    return keys.map((key) => map.get(key) ?? []);
  });
}

/**
 * Per-request DataLoaders for the businesses module: relation fields of lists (Membership.business,
 * Business.programAccounts, ProgramAccount.addresses...) cost one query per kind, not one per row.
 */
export function createBusinessLoaders(dataSource: DataSource, viewerId: string | null) {
  const registryBusiness = byKey<string, RegistryBusiness>(
    (ids) => registryBusinessesByIds(dataSource, ids),
    (row) => row.id,
  );
  return {
    // A business is nearly always shown with its registry name (businessNode): both in one statement.
    business: byKey<string, Business>(
      async (ids) => {
        const rows = await queryNamed<Array<Record<string, unknown>>>(
          dataSource,
          `SELECT ${entityColumns(dataSource, Business, 'b', 'b_')}, ${registryBusinessRow.columns(dataSource, 'rb', 'rb_')}` +
            ' FROM business b LEFT JOIN registry_business rb ON rb.id = b.registry_business_id WHERE b.id IN (:...ids)',
          { ids },
        );
        return rows.map((row) => {
          const registry = registryBusinessRow.hydrate(dataSource, row, 'rb_');
          if (registry) registryBusiness.prime(registry.id, registry);
          return hydrate(dataSource, Business, row, 'b_')!;
        });
      },
      (row) => row.id,
    ),
    registryBusiness,
    registryAddresses: groupedBy<string, RegistryBusinessAddress>(
      (ids) => registryAddressesOf(dataSource, ids),
      (row) => row.businessId,
    ),
    // Every membership of each business (revoked ones too), in the order of membersOf.
    programAccountsOfRegistryBusiness: groupedBy<string, RegistryProgramAccount>(
      (ids) => programAccountsOfBusinesses(dataSource, ids),
      (row) => row.businessId,
    ),
    programAccount: byKey<string, RegistryProgramAccount>(
      (ids) => programAccountsByIds(dataSource, ids),
      (row) => row.id,
    ),
    programAddresses: groupedBy<string, RegistryProgramAddress>(
      (ids) => programAddressesOf(dataSource, ids),
      (row) => row.programAccountId,
    ),
    programSettings: byKey<string, ProgramAccountSettings>(
      (ids) => dataSource.getRepository(ProgramAccountSettings).findBy({ programAccountId: In(ids) }),
      (row) => row.programAccountId,
    ),
    programContacts: groupedBy<string, RegistryProgramContact>(
      (ids) => programContactsOf(dataSource, ids),
      (row) => row.programAccountId,
    ),
    programOwners: groupedBy<string, RegistryProgramOwner>(
      (ids) => programOwnersOf(dataSource, ids),
      (row) => row.programAccountId,
    ),
    subPrograms: groupedBy<string, RegistrySubProgram>(
      (ids) => subProgramsOf(dataSource, ids),
      (row) => row.programAccountId,
    ),
    scope: groupedBy<string, MembershipProgramAccount>(
      (ids) => dataSource.getRepository(MembershipProgramAccount).findBy({ membershipId: In(ids) }),
      (row) => row.membershipId,
    ),
    /** The viewer's membership (any status) in each business. */
    viewerMembership: byKey<string, BusinessMembership>(
      (businessIds) =>
        viewerId
          ? dataSource
              .getRepository(BusinessMembership)
              .findBy({ businessId: In(businessIds), userId: viewerId })
          : Promise.resolve([]),
      (row) => row.businessId,
    ),
    businessOfRegistry: byKey<string, Business>(
      (ids) => dataSource.getRepository(Business).findBy({ registryBusinessId: In(ids) }),
      (row) => row.registryBusinessId,
    ),
    registrationLock: byKey<string, RegistrationLock>(
      (ids) => dataSource.getRepository(RegistrationLock).findBy({ registryBusinessId: In(ids) }),
      (row) => row.registryBusinessId,
    ),
    activationKeys: groupedBy<string, ActivationKey>(
      (ids) =>
        dataSource
          .getRepository(ActivationKey)
          .find({ where: { registryBusinessId: In(ids) }, order: { issuedAt: 'DESC', id: 'DESC' } }),
      (row) => row.registryBusinessId,
    ),
    profile: byKey<string, PersonalProfileRecord>(
      (userIds) => profilesOf(dataSource, userIds),
      (row) => row.userId,
    ),
    /** Only the username: the name of people without a personal profile (agency officers). */
    username: byKey<string, Pick<User, 'id' | 'username'>>(
      (userIds) => usernamesOf(dataSource, userIds),
      (row) => row.id,
    ),
  };
}

export type BusinessLoaders = ReturnType<typeof createBusinessLoaders>;

const perRequest = new WeakMap<object, BusinessLoaders>();

/** The loaders of this request (created on first use; the context object is the request). */
export function businessLoaders(ctx: {
  dataSource: DataSource;
  session: { current: { user: { id: string } } | null };
}): BusinessLoaders {
  let loaders = perRequest.get(ctx);
  if (!loaders) {
    loaders = createBusinessLoaders(ctx.dataSource, ctx.session.current?.user.id ?? null);
    perRequest.set(ctx, loaders);
  }
  return loaders;
}

/**
 * The columns of a list's people, joined by the list's own statement (`join` goes after its FROM, `select`
 * beside its columns): their profile, and the username that names people without one. With `primePeople`,
 * a page's people are in the request's loaders before any of them is asked for: their names cost no
 * statement, and how many person statements a request sends does not depend on which of its lists the
 * database answers first (pooled MariaDB connections answer in any order; decision 0051).
 */
export function peopleColumns(dataSource: DataSource, userIdSql: string): { select: string; join: string } {
  return {
    select: `${profileColumns(dataSource, 'pp', 'pp_')}, pu.id AS pu_id, pu.username AS pu_username`,
    join: ` LEFT JOIN personal_profile pp ON pp.user_id = ${userIdSql} LEFT JOIN app_user pu ON pu.id = ${userIdSql}`,
  };
}

/** Primes the request's profile and username loaders with the people read by `peopleColumns`. */
export function primePeople(
  dataSource: DataSource,
  loaders: BusinessLoaders,
  rows: Array<Record<string, unknown>>,
  userIdOf: (row: Record<string, unknown>) => string,
): void {
  for (const row of rows) {
    const userId = userIdOf(row);
    const profile = profileOfRow(dataSource, row, 'pp_');
    loaders.profile.prime(userId, profile);
    if (!profile && row.pu_id != null)
      loaders.username.prime(userId, { id: userId, username: (row.pu_username as string | null) ?? null });
  }
}
