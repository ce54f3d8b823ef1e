import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  In,
  type DataSource,
  type EntityManager,
  type EntityTarget,
  type FindOptionsWhere,
  type ObjectLiteral,
} from 'typeorm';
import { type z } from 'zod';
import { type IssuedStatement } from '../../common/events/domain-events.js';
import { publish } from '../../common/events/event-bus.js';
import { agencyDay } from '../../common/time/agency-date.js';
import {
  RegistryFinancialSecurity,
  RegistryInvoice,
  RegistryPayment,
  RegistrySecurityRule,
  RegistryStatement,
  RegistryTransaction,
} from './financial-record.entity.js';
import {
  RegistryProgramAccount,
  RegistryProgramAddress,
  RegistryProgramContact,
  RegistryProgramOwner,
  RegistrySubProgram,
} from './program-account.entity.js';
import { shiftDemoDates } from './demo-dates.js';
import { RegistryBusiness, RegistryBusinessAddress } from './registry-business.entity.js';
import { type AddressColumns } from './registry-columns.js';
import {
  referenceDataSchema,
  type ReferenceAddress,
  type ReferenceBusiness,
  type ReferenceData,
  type ReferenceProgramAccount,
} from './reference-data.schema.js';
import { type ProgramCode } from './registry.types.js';

// ---------------------------------------------------------------------------------------------------------
// Validation

/** One thing wrong with an import file, at its JSON path (e.g. `$.businesses[3].legalName`). */
export interface ReferenceDataProblem {
  path: string;
  message: string;
}

export type ReferenceDataValidation =
  { ok: true; data: ReferenceData } | { ok: false; problems: ReferenceDataProblem[] };

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

// Plain-language messages for the issues the schema leaves to zod; the schema's own messages win.
const errorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? 'is required'
        : `must be ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'too_small':
      return issue.origin === 'array' ? `must have at least ${Number(issue.minimum)} item(s)` : undefined;
    default:
      return undefined;
  }
};

/** Formats a zod path the way the problems are reported: `$.businesses[3].programAccounts[0].accountNumber`. */
export function toJsonPath(segments: readonly PropertyKey[]): string {
  return segments.reduce<string>((acc, segment) => {
    if (typeof segment === 'number') return `${acc}[${segment}]`;
    const key = String(segment);
    return /^[A-Za-z_$][\w$]*$/.test(key) ? `${acc}.${key}` : `${acc}[${JSON.stringify(key)}]`;
  }, '$');
}

/** `$.path: message`, one line per problem, as the CLI prints them. */
export function formatProblem(problem: ReferenceDataProblem): string {
  return `${problem.path}: ${problem.message}`;
}

/** Checks a parsed import file against every rule of docs/reference-data.md; never touches the database. */
export function validateReferenceData(json: unknown): ReferenceDataValidation {
  const result = referenceDataSchema.safeParse(json, { error: errorMap });
  if (result.success) return { ok: true, data: result.data };
  const problems = result.error.issues.flatMap((issue): ReferenceDataProblem[] =>
    // One problem per unknown field, at the field itself, so a typo points at the line to fix.
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: toJsonPath([...issue.path, key]), message: 'is not a known field' }))
      : [{ path: toJsonPath(issue.path), message: issue.message }],
  );
  return { ok: false, problems };
}

/** Reads, parses and validates an import file; a JSON syntax error is reported as a problem at `$`. */
export async function readReferenceDataFile(file: string): Promise<ReferenceDataValidation> {
  const text = await readFile(file, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return {
      ok: false,
      problems: [{ path: '$', message: `is not valid JSON (${(error as Error).message})` }],
    };
  }
  return validateReferenceData(json);
}

// ---------------------------------------------------------------------------------------------------------
// Import

export const IMPORT_KINDS = [
  'businesses',
  'businessAddresses',
  'programAccounts',
  'programAddresses',
  'contacts',
  'owners',
  'subPrograms',
  'transactions',
  'payments',
  'statements',
  'invoices',
  'financialSecurities',
  'securityRequirement',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** `deleted` only moves for replaced child lists (addresses, contacts, owners, sub-programs) securities and the security requirement rule. */
export interface KindCounts {
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
}

export interface ImportResult {
  counts: Record<ImportKind, KindCounts>;
  /** False when the database already matched the file: nothing was written. */
  changed: boolean;
}

type Row = ObjectLiteral & { id: string };
type Values<T> = Omit<T, 'id' | 'createdAt' | 'updatedAt' | 'business' | 'programAccount'>;

// Keeps each IN (...) list and each multi-row INSERT well under SQLite's and MySQL's placeholder limits.
const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

async function findIn<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  column: keyof T & string,
  values: readonly string[],
): Promise<T[]> {
  const rows: T[] = [];
  for (const part of chunks([...new Set(values)])) {
    rows.push(...(await manager.find(entity, { where: { [column]: In(part) } as FindOptionsWhere<T> })));
  }
  return rows;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/**
 * The writes one import decided on. They run after every decision is made, in an order that never breaks a
 * unique index that the file itself respects: deletes, then updates (which never change a natural key or a
 * position), then inserts, parents before children.
 */
class PendingWrites {
  private readonly inserts = new Map<EntityTarget<ObjectLiteral>, ObjectLiteral[]>();
  private readonly updates: { entity: EntityTarget<ObjectLiteral>; id: string; changes: ObjectLiteral }[] =
    [];
  private readonly deletes = new Map<EntityTarget<ObjectLiteral>, string[]>();

  constructor(
    private readonly insertOrder: readonly EntityTarget<ObjectLiteral>[],
    readonly counts: Record<ImportKind, KindCounts>,
  ) {}

  /** Inserts `values` or updates the fields that differ from `existing`; returns the row's id. */
  upsert<T extends Row>(
    kind: ImportKind,
    entity: EntityTarget<T>,
    existing: T | undefined,
    values: Values<T>,
  ): string {
    const counts = this.counts[kind];
    if (!existing) {
      const id = randomUUID();
      this.add(this.inserts, entity, { id, ...values });
      counts.created += 1;
      return id;
    }
    const changes: ObjectLiteral = Object.fromEntries(
      Object.entries(values).filter(([field, value]) => existing[field] !== value),
    );
    if (Object.keys(changes).length === 0) counts.unchanged += 1;
    else {
      this.updates.push({ entity, id: existing.id, changes });
      counts.updated += 1;
    }
    return existing.id;
  }

  /** Deletes a row the file no longer has (a one-per-account record such as the financial security). */
  remove(kind: ImportKind, entity: EntityTarget<ObjectLiteral>, id: string): void {
    this.add(this.deletes, entity, id);
    this.counts[kind].deleted += 1;
  }

  /** Makes a child list match the file position by position: same position updated, extra rows deleted. */
  replaceList<T extends Row & { position: number }>(
    kind: ImportKind,
    entity: EntityTarget<T>,
    existing: readonly T[],
    wanted: Values<T>[],
  ): void {
    const byPosition = new Map(existing.map((row) => [row.position, row]));
    wanted.forEach((values, position) => this.upsert(kind, entity, byPosition.get(position), values));
    for (const row of existing) {
      if (row.position >= wanted.length) {
        this.add(this.deletes, entity, row.id);
        this.counts[kind].deleted += 1;
      }
    }
  }

  async flush(manager: EntityManager): Promise<void> {
    for (const [entity, ids] of this.deletes) {
      for (const part of chunks(ids)) await manager.delete(entity, part);
    }
    for (const { entity, id, changes } of this.updates) await manager.update(entity, id, changes);
    for (const entity of this.insertOrder) {
      for (const part of chunks(this.inserts.get(entity) ?? [])) {
        // updateEntity(false): no read-back of the database defaults (timestamps) after each insert.
        await manager.createQueryBuilder().insert().into(entity).values(part).updateEntity(false).execute();
      }
    }
  }

  private add<V>(map: Map<EntityTarget<ObjectLiteral>, V[]>, entity: EntityTarget<ObjectLiteral>, value: V) {
    const list = map.get(entity);
    if (list) list.push(value);
    else map.set(entity, [value]);
  }
}

const INSERT_ORDER: EntityTarget<ObjectLiteral>[] = [
  RegistryBusiness,
  RegistryBusinessAddress,
  RegistryProgramAccount,
  RegistryProgramAddress,
  RegistryProgramContact,
  RegistryProgramOwner,
  RegistrySubProgram,
  RegistryTransaction,
  RegistryPayment,
  RegistryStatement,
  RegistryInvoice,
  RegistryFinancialSecurity,
  RegistrySecurityRule,
];

function emptyCounts(): Record<ImportKind, KindCounts> {
  return Object.fromEntries(
    IMPORT_KINDS.map((kind) => [kind, { created: 0, updated: 0, unchanged: 0, deleted: 0 }]),
  ) as Record<ImportKind, KindCounts>;
}

function businessValues(business: ReferenceBusiness): Values<RegistryBusiness> {
  return {
    businessNumber: business.businessNumber,
    legalName: business.legalName,
    operatingName: business.operatingName,
    businessType: business.businessType,
    isSoleProprietor: business.soleProprietor,
    isServiceProvider: business.serviceProvider,
    serviceProviderKind: business.serviceProviderKind,
  };
}

function addressValues(address: ReferenceAddress, position: number): Values<AddressColumns> {
  return {
    position,
    addressType: address.type,
    line1: address.line1,
    line2: address.line2,
    poBox: address.poBox,
    city: address.city,
    provinceState: address.provinceState,
    postalCode: address.postalCode,
    country: address.country,
  };
}

function accountValues(account: ReferenceProgramAccount, businessId: string): Values<RegistryProgramAccount> {
  return {
    accountNumber: account.accountNumber,
    businessId,
    programCode: account.accountNumber.slice(9, 11) as ProgramCode,
    programType: account.programType,
    name: account.name,
    status: account.status,
    billingType: account.billingType,
    requiredSecurityCents: account.requiredSecurityCents,
  };
}

/** Rows already in the database for the natural keys of a file, loaded in a fixed number of queries. */
async function loadExisting(manager: EntityManager, data: ReferenceData) {
  const businesses = await findIn(
    manager,
    RegistryBusiness,
    'businessNumber',
    data.businesses.map((b) => b.businessNumber),
  );
  const accountNumbers = data.businesses.flatMap((b) => b.programAccounts.map((a) => a.accountNumber));
  const accounts = await findIn(manager, RegistryProgramAccount, 'accountNumber', accountNumbers);
  const businessIds = businesses.map((b) => b.id);
  const accountIds = accounts.map((a) => a.id);
  const byAccount = <T extends { programAccountId: string }>(rows: T[]) =>
    groupBy(rows, (r) => r.programAccountId);
  return {
    businesses: new Map(businesses.map((b) => [b.businessNumber, b])),
    accounts: new Map(accounts.map((a) => [a.accountNumber, a])),
    businessAddresses: groupBy(
      await findIn(manager, RegistryBusinessAddress, 'businessId', businessIds),
      (r) => r.businessId,
    ),
    programAddresses: byAccount(
      await findIn(manager, RegistryProgramAddress, 'programAccountId', accountIds),
    ),
    contacts: byAccount(await findIn(manager, RegistryProgramContact, 'programAccountId', accountIds)),
    owners: byAccount(await findIn(manager, RegistryProgramOwner, 'programAccountId', accountIds)),
    subPrograms: byAccount(await findIn(manager, RegistrySubProgram, 'programAccountId', accountIds)),
    transactions: byAccount(await findIn(manager, RegistryTransaction, 'programAccountId', accountIds)),
    payments: byAccount(await findIn(manager, RegistryPayment, 'programAccountId', accountIds)),
    statements: byAccount(await findIn(manager, RegistryStatement, 'programAccountId', accountIds)),
    invoices: byAccount(await findIn(manager, RegistryInvoice, 'programAccountId', accountIds)),
    securities: byAccount(await findIn(manager, RegistryFinancialSecurity, 'programAccountId', accountIds)),
    // At most one row; only read when the file speaks of the rule.
    securityRules:
      data.securityRequirement === undefined ? [] : await manager.find(RegistrySecurityRule, { take: 2 }),
  };
}

function keyed<T>(rows: readonly T[] | undefined, key: (row: T) => string): Map<string, T> {
  return new Map((rows ?? []).map((row) => [key(row), row]));
}

function planAccount(
  writes: PendingWrites,
  existing: Awaited<ReturnType<typeof loadExisting>>,
  account: ReferenceProgramAccount,
  businessId: string,
): void {
  const current = existing.accounts.get(account.accountNumber);
  const programAccountId = writes.upsert(
    'programAccounts',
    RegistryProgramAccount,
    current,
    accountValues(account, businessId),
  );
  const children = <T>(map: Map<string, T[]>) => (current ? (map.get(current.id) ?? []) : []);

  writes.replaceList(
    'programAddresses',
    RegistryProgramAddress,
    children(existing.programAddresses),
    account.addresses.map((a, position) => ({ ...addressValues(a, position), programAccountId })),
  );
  writes.replaceList(
    'contacts',
    RegistryProgramContact,
    children(existing.contacts),
    account.contacts.map((c, position) => ({ programAccountId, position, ...c })),
  );
  writes.replaceList(
    'owners',
    RegistryProgramOwner,
    children(existing.owners),
    account.owners.map((o, position) => ({ programAccountId, position, ...o })),
  );
  writes.replaceList(
    'subPrograms',
    RegistrySubProgram,
    children(existing.subPrograms),
    account.subPrograms.map((s, position) => ({ programAccountId, position, ...s })),
  );

  // Financial records are a ledger: upserted by natural key, never deleted because a file omits them.
  const transactions = keyed(children(existing.transactions), (t) => t.transactionNumber);
  for (const t of account.transactions) {
    writes.upsert('transactions', RegistryTransaction, transactions.get(t.transactionNumber), {
      programAccountId,
      transactionNumber: t.transactionNumber,
      transactionDate: t.date,
      transactionType: t.type,
      description: t.description,
      descriptionFr: t.descriptionFr,
      amountCents: t.amountCents,
      dutiesAndTaxesCents: t.dutiesAndTaxesCents,
      status: t.status,
    });
  }
  const payments = keyed(children(existing.payments), (p) => p.reference);
  for (const p of account.payments) {
    writes.upsert('payments', RegistryPayment, payments.get(p.reference), {
      programAccountId,
      reference: p.reference,
      paymentDate: p.date,
      amountCents: p.amountCents,
      method: p.method,
    });
  }
  const statements = keyed(children(existing.statements), (s) => s.statementDate);
  for (const s of account.statements) {
    writes.upsert('statements', RegistryStatement, statements.get(s.statementDate), {
      programAccountId,
      ...s,
    });
  }
  const invoices = keyed(children(existing.invoices), (i) => i.invoiceNumber);
  for (const i of account.invoices) {
    writes.upsert('invoices', RegistryInvoice, invoices.get(i.invoiceNumber), {
      programAccountId,
      invoiceNumber: i.invoiceNumber,
      invoiceDate: i.date,
      description: i.description,
      descriptionFr: i.descriptionFr,
      amountCents: i.amountCents,
      dueDate: i.dueDate,
      status: i.status,
    });
  }
  // The security on file is a profile, not a ledger: the file says what holds now, and none means none.
  const security = children(existing.securities)[0];
  if (account.financialSecurity) {
    const f = account.financialSecurity;
    writes.upsert('financialSecurities', RegistryFinancialSecurity, security, {
      programAccountId,
      securityType: f.type,
      amountCents: f.amountCents,
      provider: f.provider,
      reference: f.reference,
      effectiveDate: f.effectiveDate,
      expiryDate: f.expiryDate,
    });
  } else if (security) {
    writes.remove('financialSecurities', RegistryFinancialSecurity, security.id);
  }
}

/**
 * The agency's security requirement rule: set as the file says; null removes it; omitted leaves it as it is
 * (a file may carry only some businesses, decision 0044).
 */
function planSecurityRule(
  writes: PendingWrites,
  existing: readonly RegistrySecurityRule[],
  rule: ReferenceData['securityRequirement'],
): void {
  if (rule === undefined) return;
  const [current, ...extra] = existing;
  for (const row of extra) writes.remove('securityRequirement', RegistrySecurityRule, row.id);
  if (rule === null) {
    if (current) writes.remove('securityRequirement', RegistrySecurityRule, current.id);
    return;
  }
  writes.upsert('securityRequirement', RegistrySecurityRule, current, {
    percentOfHighestMonth: rule.percentOfHighestMonth,
    minimumCents: rule.minimumCents,
  });
}

/**
 * Statements per STATEMENTS_ISSUED event: keeps a payload (about 200 bytes a statement) well inside the
 * 64 KiB of MySQL's TEXT column that domain_event.payload is.
 */
const STATEMENTS_PER_EVENT = 100;

/**
 * Publishes the statements this import created (not those it found) as STATEMENTS_ISSUED events, in the
 * import's transaction: the notices module tells the registered businesses (docs/notices.md).
 */
async function publishNewStatements(manager: EntityManager, data: ReferenceData, known: Set<string>) {
  const numbers = data.businesses.flatMap((b) =>
    b.programAccounts.filter((a) => a.statements.length).map((a) => a.accountNumber),
  );
  if (numbers.length === 0) return;
  const accounts = await findIn(manager, RegistryProgramAccount, 'accountNumber', numbers);
  const idOf = new Map(accounts.map((a) => [a.accountNumber, a.id]));
  const created: IssuedStatement[] = data.businesses.flatMap((b) =>
    b.programAccounts.flatMap((a) =>
      a.statements
        .map((st) => ({
          programAccountId: idOf.get(a.accountNumber) ?? '',
          statementDate: st.statementDate,
          periodStart: st.periodStart,
          periodEnd: st.periodEnd,
          balanceCents: st.balanceCents,
          amountDueCents: st.amountDueCents,
          dueDate: st.dueDate,
        }))
        .filter((st) => st.programAccountId && !known.has(`${st.programAccountId}|${st.statementDate}`)),
    ),
  );
  const now = new Date();
  for (let start = 0; start < created.length; start += STATEMENTS_PER_EVENT) {
    const statements = created.slice(start, start + STATEMENTS_PER_EVENT);
    await publish(manager, { type: 'STATEMENTS_ISSUED', payload: { statements } }, now);
  }
}

/**
 * Upserts a validated file in one transaction (all or nothing) by natural keys and returns what changed;
 * importing the same file again writes nothing. Database errors (e.g. a unique index) propagate after rollback.
 */
export async function importReferenceData(
  dataSource: DataSource,
  data: ReferenceData,
): Promise<ImportResult> {
  return dataSource.transaction(async (manager) => {
    const existing = await loadExisting(manager, data);
    const writes = new PendingWrites(INSERT_ORDER, emptyCounts());
    for (const business of data.businesses) {
      const current = existing.businesses.get(business.businessNumber);
      const businessId = writes.upsert('businesses', RegistryBusiness, current, businessValues(business));
      writes.replaceList(
        'businessAddresses',
        RegistryBusinessAddress,
        current ? (existing.businessAddresses.get(current.id) ?? []) : [],
        business.addresses.map((a, position) => ({ ...addressValues(a, position), businessId })),
      );
      for (const account of business.programAccounts) planAccount(writes, existing, account, businessId);
    }
    planSecurityRule(writes, existing.securityRules, data.securityRequirement);
    const knownStatements = new Set(
      [...existing.statements.values()].flat().map((st) => `${st.programAccountId}|${st.statementDate}`),
    );
    await writes.flush(manager);
    await publishNewStatements(manager, data, knownStatements);
    const changed = IMPORT_KINDS.some(
      (kind) => writes.counts[kind].created + writes.counts[kind].updated + writes.counts[kind].deleted > 0,
    );
    return { counts: writes.counts, changed };
  });
}

/** True when no registry business exists yet (first start: time to load the demo file, if configured). */
export async function isRegistryEmpty(dataSource: DataSource): Promise<boolean> {
  return !(await dataSource.getRepository(RegistryBusiness).exists());
}

// server/src/modules/registry and server/dist/modules/registry are both three levels below server/.
const demoFile = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../reference-data/demo.json',
);

/** Reads and validates the shipped demo file (server/reference-data/demo.json); throws if it is invalid. */
export async function loadDemoReferenceData(file = demoFile): Promise<ReferenceData> {
  const result = await readReferenceDataFile(file);
  if (!result.ok) {
    throw new Error(`Invalid reference data in ${file}:\n${result.problems.map(formatProblem).join('\n')}`);
  }
  return result.data;
}

/**
 * First-start seeding: imports the demo file when the registry is empty, its dates moved forward to be recent
 * on `now` (shiftDemoDates); returns null when the registry was not empty.
 */
export async function seedDemoReferenceDataIfEmpty(
  dataSource: DataSource,
  now: Date,
): Promise<ImportResult | null> {
  if (!(await isRegistryEmpty(dataSource))) return null;
  return importReferenceData(dataSource, shiftDemoDates(await loadDemoReferenceData(), agencyDay(now)));
}
