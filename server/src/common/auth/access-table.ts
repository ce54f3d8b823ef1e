// The seed's two access tables (seed 003 §3.2, domain.md §5) as data, plus the business's own people and
// agency officers. Every access decision in the server comes from `decideAccess` over this table; no other
// code re-implements a rule. docs/access-model.md is generated from it (`npm run docs:access`) and a test
// checks the two never drift.

/** What a field or mutation is about. */
export enum AccessArea {
  /** The business number and name: what identifies a business to anyone dealing with it. */
  BUSINESS_IDENTITY = 'BUSINESS_IDENTITY',
  /** Business account profile: general information, ownership, addresses, business activity, settings, contacts. */
  BUSINESS_PROFILE = 'BUSINESS_PROFILE',
  /** Program account profile: general information, addresses, contacts, owners, sub-programs. */
  PROGRAM_PROFILE = 'PROGRAM_PROFILE',
  /** The list of the business's program accounts. */
  PROGRAM_LIST = 'PROGRAM_LIST',
  FINANCIAL_SECURITY = 'FINANCIAL_SECURITY',
  /** Requests (e.g. rulings) and transactions (e.g. CADs). */
  REQUESTS_AND_TRANSACTIONS = 'REQUESTS_AND_TRANSACTIONS',
  /** Pre-authorized debit agreements. */
  PAD = 'PAD',
  /** Notices about collections and payment arrangements. */
  COLLECTIONS_NOTICES = 'COLLECTIONS_NOTICES',
  /**
   * The business's other notices (statements, registration, agency notices): seed 003 §2.4. The notices of
   * a program account follow its scope; notices about access or relationships also need those areas.
   */
  NOTICES = 'NOTICES',
  /** The business's access requests and its employees' access. */
  ACCESS_MANAGEMENT = 'ACCESS_MANAGEMENT',
  /** The business's pending relationship requests and its active relationships. */
  RELATIONSHIP_MANAGEMENT = 'RELATIONSHIP_MANAGEMENT',
  /**
   * Secure messages with the agency (seed 000 "une messagerie protégée"): threads, their messages and
   * attachments. A thread about a program account follows its scope; a thread about the whole business is
   * for whole-business actors only (see MESSAGES below).
   */
  MESSAGES = 'MESSAGES',
  /** The agency's letters to the business (seed 000 "la correspondance"). */
  CORRESPONDENCE = 'CORRESPONDENCE',
}

export enum AccessAction {
  VIEW = 'VIEW',
  EDIT = 'EDIT',
}

/** Who is asking, toward one business. */
export enum ActorKind {
  BUSINESS_ACCOUNT_MANAGER = 'BUSINESS_ACCOUNT_MANAGER',
  PROGRAM_ACCOUNT_MANAGER = 'PROGRAM_ACCOUNT_MANAGER',
  EDITOR = 'EDITOR',
  READER = 'READER',
  /** A service provider's employee under a business management relationship. */
  BUSINESS_MANAGEMENT = 'BUSINESS_MANAGEMENT',
  /** A service provider's employee under a program management relationship. */
  PROGRAM_MANAGEMENT = 'PROGRAM_MANAGEMENT',
  AGENCY_OFFICER = 'AGENCY_OFFICER',
}

/**
 * ALLOWED: for the whole business. IN_SCOPE: only for the program accounts in the actor's scope (a
 * business-level list answers only what is in scope). DENIED: never.
 */
export type AccessRule = 'ALLOWED' | 'IN_SCOPE' | 'DENIED';

type Cell = Readonly<Record<AccessAction, AccessRule>>;
type Row = Readonly<Record<ActorKind, Cell>>;

const A: AccessRule = 'ALLOWED';
const S: AccessRule = 'IN_SCOPE';
const D: AccessRule = 'DENIED';
const cell = (view: AccessRule, edit: AccessRule): Cell => ({ VIEW: view, EDIT: edit });

// Columns: BAM, PAM, EDITOR, READER | business management, program management | agency officer.
// Providers (seed 003 §3.2): business management sees the profiles and the program list read only, views and
// edits financial security, requests and transactions; the five common restricted actions (changing business
// or program information, PAD, collections notices, access management, relationship management) are denied.
// Program management: program profile read only and requests/transactions, both for its programs only;
// everything else denied. Own people: the roles of the businesses issue (BAM everything; PAM its programs,
// including approving access to them; Editor view and edit within scope; Reader view only). Officers see a
// business's data, for support, and change nothing through these areas; a business's employees and
// relationships are its own business (the officer console has its own views and mutations).
function row(
  own: [Cell, Cell, Cell, Cell],
  providers: [businessManagement: Cell, programManagement: Cell],
  officer: Cell,
): Row {
  return {
    BUSINESS_ACCOUNT_MANAGER: own[0],
    PROGRAM_ACCOUNT_MANAGER: own[1],
    EDITOR: own[2],
    READER: own[3],
    BUSINESS_MANAGEMENT: providers[0],
    PROGRAM_MANAGEMENT: providers[1],
    AGENCY_OFFICER: officer,
  };
}

export const accessTable: Readonly<Record<AccessArea, Row>> = {
  BUSINESS_IDENTITY: row(
    [cell(A, D), cell(A, D), cell(A, D), cell(A, D)],
    [cell(A, D), cell(A, D)],
    cell(A, D),
  ),
  BUSINESS_PROFILE: row(
    [cell(A, A), cell(A, D), cell(A, D), cell(A, D)],
    [cell(A, D), cell(D, D)],
    cell(A, D),
  ),
  PROGRAM_PROFILE: row(
    [cell(A, A), cell(S, S), cell(S, S), cell(S, D)],
    [cell(A, D), cell(S, D)],
    cell(A, D),
  ),
  PROGRAM_LIST: row([cell(A, A), cell(S, D), cell(S, D), cell(S, D)], [cell(A, D), cell(D, D)], cell(A, D)),
  FINANCIAL_SECURITY: row(
    [cell(A, A), cell(S, S), cell(S, S), cell(S, D)],
    [cell(A, A), cell(D, D)],
    cell(A, D),
  ),
  REQUESTS_AND_TRANSACTIONS: row(
    [cell(A, A), cell(S, S), cell(S, S), cell(S, D)],
    [cell(A, A), cell(S, S)],
    cell(A, D),
  ),
  PAD: row([cell(A, A), cell(S, S), cell(S, S), cell(S, D)], [cell(D, D), cell(D, D)], cell(A, D)),
  COLLECTIONS_NOTICES: row(
    [cell(A, A), cell(S, D), cell(S, D), cell(S, D)],
    [cell(D, D), cell(D, D)],
    cell(A, D),
  ),
  // Notices other than collections (seed 003 §2.4, §3.2): everyone who deals with the business reads them,
  // within their program scope; nothing but a BAM's "everything" edits through this area (no API edits a
  // notice; read state is per person).
  NOTICES: row([cell(A, A), cell(S, D), cell(S, D), cell(S, D)], [cell(A, D), cell(S, D)], cell(A, D)),
  ACCESS_MANAGEMENT: row(
    [cell(A, A), cell(S, S), cell(D, D), cell(D, D)],
    [cell(D, D), cell(D, D)],
    cell(D, D),
  ),
  RELATIONSHIP_MANAGEMENT: row(
    [cell(A, A), cell(S, S), cell(D, D), cell(D, D)],
    [cell(D, D), cell(D, D)],
    cell(D, D),
  ),
  // Secure messages (seed 000; decision 0030): the channel through which a business's requests and
  // transactions are discussed, so the row follows REQUESTS_AND_TRANSACTIONS: own people by role and scope
  // (a Reader reads, never writes), a provider under business management on every thread of its client, under
  // program management on the threads of its programs only. A thread about the whole business (no program
  // account) is owned by the business itself (`THREAD_OF_BUSINESS` in modules/messaging), which no scope
  // holds: only BAMs, business-management providers and officers reach it. Officers read; they write through
  // the officer console's own mutations (requireOfficer), not through this area.
  MESSAGES: row([cell(A, A), cell(S, S), cell(S, S), cell(S, D)], [cell(A, A), cell(S, S)], cell(A, D)),
  // The agency's letters (seed 000 "votre correspondance" — "les tiers n'y ont pas accès"): the business's
  // own people read them (a letter about a program account within their scope); providers do not, since
  // letters carry restricted matters (activation keys, registration, collections). Nobody edits a letter;
  // read state is per person. Officers post them through the officer console.
  CORRESPONDENCE: row([cell(A, D), cell(S, D), cell(S, D), cell(S, D)], [cell(D, D), cell(D, D)], cell(A, D)),
};

/** Program accounts an actor may act on: every one of the business's (now and later), or these. */
export type ProgramScope = 'ALL' | ReadonlySet<string>;

/** One way an actor stands toward a business. */
export interface StandingGrant {
  kind: ActorKind;
  scope: ProgramScope;
  /**
   * False when something outside the table forbids changes: a provider's employee whose role in the
   * provider is Reader views what the relationship allows and changes nothing.
   */
  mayEdit: boolean;
}

/** Everything that lets an actor reach one business (usually zero or one grant; several are OR-ed). */
export interface Standing {
  grants: readonly StandingGrant[];
}

export const noStanding: Standing = { grants: [] };

/** What a guarded value belongs to: a business, and a program account of it when it is that precise. */
export interface AccessOwner {
  businessId: string;
  programAccountId?: string | null;
  /**
   * Set for a value addressed to one person (a personal notice): only that person reaches it, whatever
   * their standing toward the business.
   */
  recipientId?: string | null;
}

function inScope(scope: ProgramScope, programAccountId: string | null | undefined): boolean {
  // A business-level value (no program account) is reachable with any scope: its lists are filtered by
  // `visibleScope` below, so a scoped actor sees only its programs' part.
  return scope === 'ALL' || !programAccountId || scope.has(programAccountId);
}

/** Whether one grant allows (area, action) on the owner. Synchronous: a lookup in the table. */
function grantAllows(
  grant: StandingGrant,
  area: AccessArea,
  action: AccessAction,
  owner: AccessOwner,
): boolean {
  if (action === AccessAction.EDIT && !grant.mayEdit) return false;
  const rule = accessTable[area][grant.kind][action];
  if (rule === 'DENIED') return false;
  if (rule === 'ALLOWED') return true;
  return inScope(grant.scope, owner.programAccountId);
}

/** Whether the standing allows (area, action) on the owner. */
export function decideAccess(
  standing: Standing,
  area: AccessArea,
  action: AccessAction,
  owner: AccessOwner,
): boolean {
  return standing.grants.some((grant) => grantAllows(grant, area, action, owner));
}

/**
 * The program accounts a business-level list of `area` may show: 'ALL', a set (the union of the scopes of
 * the grants that allow it), or an empty set when nothing is allowed.
 */
export function visibleScope(standing: Standing, area: AccessArea, action: AccessAction): ProgramScope {
  const ids = new Set<string>();
  for (const grant of standing.grants) {
    if (action === AccessAction.EDIT && !grant.mayEdit) continue;
    const rule = accessTable[area][grant.kind][action];
    if (rule === 'DENIED') continue;
    if (rule === 'ALLOWED' || grant.scope === 'ALL') return 'ALL';
    for (const id of grant.scope) ids.add(id);
  }
  return ids;
}
