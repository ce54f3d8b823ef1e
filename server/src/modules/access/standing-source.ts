import DataLoader from 'dataloader';
import { type DataSource } from 'typeorm';
import { type StandingSource } from '../../common/auth/access-directive.js';
import { queryNamed } from '../../common/database/named-sql.js';
import { AppError, ErrorCode } from '../../common/errors/app-error.js';
import { ActorKind, type Standing, type StandingGrant } from '../../common/auth/access-table.js';
import { BusinessRole } from '../businesses/businesses.types.js';
import { providerReach, type ReachCaller } from '../relationships/provider-reach.js';
import { type RequestSession } from '../sessions/request-session.js';
import { PersonRole } from '../users/user.types.js';

const ownKinds: Record<BusinessRole, ActorKind> = {
  BUSINESS_ACCOUNT_MANAGER: ActorKind.BUSINESS_ACCOUNT_MANAGER,
  PROGRAM_ACCOUNT_MANAGER: ActorKind.PROGRAM_ACCOUNT_MANAGER,
  EDITOR: ActorKind.EDITOR,
  READER: ActorKind.READER,
};

/**
 * One row of what gives a caller a standing toward a business: an ACTIVE membership of their own ('OWN'), or
 * an accepted relationship they reach as a provider's employee or token ('PROVIDER'), repeated once per
 * program account in its scope (a non-BAM membership's, a program management relationship's).
 */
export interface StandingRow {
  via: 'OWN' | 'PROVIDER';
  businessId: string;
  /** The caller's role in the business (OWN) or in the provider (PROVIDER). */
  role: BusinessRole;
  /** The membership or the relationship. */
  sourceId: string;
  /** The relationship's type (PROVIDER). */
  type: 'BUSINESS_MANAGEMENT' | 'PROGRAM_MANAGEMENT' | null;
  programAccountId: string | null;
}

/** The caller of a request, as the reach predicate and the token rules see them. */
export function reachCallerOf(session: RequestSession): ReachCaller | null {
  const user = session.current?.user;
  if (!user) return null;
  const token = session.apiToken;
  return {
    userId: user.id,
    token: token
      ? { businessId: token.token.businessId, clientGroupIds: token.clientGroupIds, scope: token.token.scope }
      : null,
  };
}

/**
 * The standing rows of the caller toward `businessIds`, in one statement: their own memberships (a token:
 * none, its own business is answered from the token itself) and the relationships they reach as a provider
 * (relationships/provider-reach.ts), each with its program scope.
 */
export async function loadStandingRows(
  dataSource: DataSource,
  caller: ReachCaller,
  businessIds: readonly string[],
): Promise<StandingRow[]> {
  const reach = providerReach(caller);
  const provider =
    "SELECT 'PROVIDER' AS via, r.client_business_id AS businessId, pm.role AS role, r.id AS sourceId," +
    ' r.type AS type, rpa.program_account_id AS programAccountId' +
    ` FROM ${reach.from} LEFT JOIN relationship_program_account rpa ON rpa.relationship_id = r.id` +
    ` WHERE ${reach.where} AND r.client_business_id IN (:...businessIds)`;
  const own =
    "SELECT 'OWN' AS via, m.business_id AS businessId, m.role AS role, m.id AS sourceId, NULL AS type," +
    ' s.program_account_id AS programAccountId' +
    ' FROM business_membership m LEFT JOIN membership_program_account s ON s.membership_id = m.id' +
    ' WHERE m.user_id = :reachUser AND m.status = :reachActive AND m.business_id IN (:...businessIds)';
  return queryNamed<StandingRow[]>(dataSource, caller.token ? provider : `${own} UNION ALL ${provider}`, {
    ...reach.params,
    businessIds: [...businessIds],
  });
}

/**
 * The standings the rows give, per business. Own people: their role, a non-BAM within its program accounts.
 * Providers: business management over every account, program management over the named ones; a provider
 * employee whose role is Reader views and changes nothing. A token changes nothing unless READ_WRITE.
 */
export function standingsFromRows(
  rows: readonly StandingRow[],
  tokenScope: string | null,
): Map<string, StandingGrant[]> {
  const sources = new Map<string, { row: StandingRow; accounts: Set<string> }>();
  for (const row of rows) {
    const key = `${row.via}|${row.sourceId}`;
    const source = sources.get(key) ?? { row, accounts: new Set<string>() };
    if (row.programAccountId) source.accounts.add(row.programAccountId);
    sources.set(key, source);
  }
  const grants = new Map<string, StandingGrant[]>();
  for (const { row, accounts } of sources.values()) {
    const mayEdit = tokenScope ? tokenScope === 'READ_WRITE' : row.role !== BusinessRole.READER;
    const grant: StandingGrant =
      row.via === 'OWN'
        ? {
            kind: ownKinds[row.role],
            scope: row.role === BusinessRole.BUSINESS_ACCOUNT_MANAGER ? 'ALL' : accounts,
            mayEdit: true,
          }
        : row.type === 'BUSINESS_MANAGEMENT'
          ? { kind: ActorKind.BUSINESS_MANAGEMENT, scope: 'ALL', mayEdit }
          : { kind: ActorKind.PROGRAM_MANAGEMENT, scope: accounts, mayEdit };
    grants.set(row.businessId, [...(grants.get(row.businessId) ?? []), grant]);
  }
  return grants;
}

/**
 * The caller's standing toward businesses, loaded once per business per request and batched: a list of
 * 500 businesses costs one statement, as one does. Nobody signed in: UNAUTHENTICATED. A token stands toward
 * its own business as its creator, an active BAM (checked when the token was read), and toward that business's
 * clients it reaches; nowhere else.
 */
export function createStandingSource(
  dataSource: DataSource,
  session: RequestSession,
): StandingSource & {
  prime(businessId: string, standing: Standing): void;
  settled(businessId: string): Standing | undefined;
} {
  // What the loader has answered so far, for `settled`: the same standings, without a promise per field.
  const settled = new Map<string, Standing>();
  // The businesses the loader holds (asked or primed since the last forget): a prime of one is ignored.
  const asked = new Set<string>();
  // Counts forget()s: a load that was in flight when the loader was cleared does not settle anything.
  let generation = 0;
  const loader = new DataLoader<string, Standing>(async (businessIds) => {
    const caller = reachCallerOf(session);
    // Signed out: every guarded field says so, rather than "forbidden".
    if (!caller)
      return businessIds.map(() => new AppError(ErrorCode.UNAUTHENTICATED, 'errors.unauthenticated'));
    const officer: StandingGrant[] =
      session.current?.user.role === PersonRole.OFFICER
        ? [{ kind: ActorKind.AGENCY_OFFICER, scope: 'ALL', mayEdit: false }]
        : [];
    const token = session.apiToken?.token ?? null;
    const others = token ? businessIds.filter((id) => id !== token.businessId) : businessIds;
    const grants = others.length
      ? standingsFromRows(await loadStandingRows(dataSource, caller, others), token?.scope ?? null)
      : new Map<string, StandingGrant[]>();
    if (token)
      grants.set(token.businessId, [
        { kind: ActorKind.BUSINESS_ACCOUNT_MANAGER, scope: 'ALL', mayEdit: token.scope === 'READ_WRITE' },
      ]);
    return businessIds.map((id) => ({ grants: [...officer, ...(grants.get(id) ?? [])] }));
  });
  return {
    standing(businessId) {
      const loading = loader.load(businessId);
      if (!asked.has(businessId)) {
        asked.add(businessId);
        const loadedIn = generation;
        void loading.then(
          (standing) => {
            if (loadedIn === generation) settled.set(businessId, standing);
          },
          () => undefined,
        );
      }
      return loading;
    },
    settled: (businessId) => settled.get(businessId),
    prime(businessId, standing) {
      // As the loader does: a business already asked (or primed) keeps what it was (or will be) answered.
      if (asked.has(businessId)) return;
      asked.add(businessId);
      settled.set(businessId, standing);
      loader.prime(businessId, standing);
    },
    forget() {
      loader.clearAll();
      generation += 1;
      asked.clear();
      settled.clear();
    },
    callerId: () => session.current?.user?.id ?? null,
    requireCaller() {
      if (!session.current?.user) throw new AppError(ErrorCode.UNAUTHENTICATED, 'errors.unauthenticated');
    },
  };
}
