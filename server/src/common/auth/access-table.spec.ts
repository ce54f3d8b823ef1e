import { describe, expect, it } from 'vitest';
import {
  AccessAction,
  AccessArea,
  ActorKind,
  decideAccess,
  visibleScope,
  type AccessOwner,
  type Standing,
} from './access-table.js';

// Expected answers written from the seed (003 §3.2, copied in domain.md §5), not from the code's table.
// "yes" = allowed for any program account of the client; "scope" = only the programs of the relationship;
// "no" = not available.
type Answer = 'yes' | 'scope' | 'no';
const seed: Record<
  'BUSINESS_MANAGEMENT' | 'PROGRAM_MANAGEMENT',
  Record<string, [view: Answer, edit: Answer]>
> = {
  BUSINESS_MANAGEMENT: {
    // Business account profile: allowed, read only.
    BUSINESS_PROFILE: ['yes', 'no'],
    // Profile of every program account: allowed, read only.
    PROGRAM_PROFILE: ['yes', 'no'],
    // Program list: allowed, read only.
    PROGRAM_LIST: ['yes', 'no'],
    // Financial security information: view and edit.
    FINANCIAL_SECURITY: ['yes', 'yes'],
    // Requests (rulings) and transactions (CADs): view and edit.
    REQUESTS_AND_TRANSACTIONS: ['yes', 'yes'],
    // Common restricted actions: PAD, collections notices, access requests/employees, relationships.
    PAD: ['no', 'no'],
    COLLECTIONS_NOTICES: ['no', 'no'],
    ACCESS_MANAGEMENT: ['no', 'no'],
    RELATIONSHIP_MANAGEMENT: ['no', 'no'],
    // Other notices (seed 003 §2.4): not among the restricted actions, so readable; never changed.
    NOTICES: ['yes', 'no'],
    // Messages with the agency, as requests and transactions (decision 0030); the agency's letters are the
    // business's own: "les tiers n'y ont pas accès" (seed 000).
    MESSAGES: ['yes', 'yes'],
    CORRESPONDENCE: ['no', 'no'],
  },
  PROGRAM_MANAGEMENT: {
    // Program account profile: allowed, read only — the programs named in the relationship only.
    PROGRAM_PROFILE: ['scope', 'no'],
    // Requests and transactions: view and edit, programs in scope.
    REQUESTS_AND_TRANSACTIONS: ['scope', 'scope'],
    // Business account profile, program list, financial security: not available.
    BUSINESS_PROFILE: ['no', 'no'],
    PROGRAM_LIST: ['no', 'no'],
    FINANCIAL_SECURITY: ['no', 'no'],
    // Common restricted actions: not available.
    PAD: ['no', 'no'],
    COLLECTIONS_NOTICES: ['no', 'no'],
    ACCESS_MANAGEMENT: ['no', 'no'],
    RELATIONSHIP_MANAGEMENT: ['no', 'no'],
    // Other notices: only those of the programs named in the relationship (and the business-level ones).
    NOTICES: ['scope', 'no'],
    MESSAGES: ['scope', 'scope'],
    CORRESPONDENCE: ['no', 'no'],
  },
};

const CLIENT = 'client-1';
const IN = 'program-in-scope';
const OUT = 'program-out-of-scope';

function standing(kind: ActorKind, scope: 'ALL' | string[], mayEdit = true): Standing {
  return { grants: [{ kind, scope: scope === 'ALL' ? 'ALL' : new Set(scope), mayEdit }] };
}

const at = (programAccountId?: string): AccessOwner => ({ businessId: CLIENT, programAccountId });

describe('the access table against the seed’s two tables', () => {
  for (const [relationship, rows] of Object.entries(seed)) {
    const kind = ActorKind[relationship as keyof typeof seed];
    // Business management covers every program account of the client; program management only its own.
    const actor = standing(kind, relationship === 'BUSINESS_MANAGEMENT' ? 'ALL' : [IN]);
    for (const [area, [view, edit]] of Object.entries(rows)) {
      for (const [action, answer] of [
        [AccessAction.VIEW, view],
        [AccessAction.EDIT, edit],
      ] as const) {
        it(`${relationship} × ${area} × ${action}: ${answer}`, () => {
          const onIn = decideAccess(actor, area as AccessArea, action, at(IN));
          const onOut = decideAccess(actor, area as AccessArea, action, at(OUT));
          expect({ onIn, onOut }).toEqual({ onIn: answer !== 'no', onOut: answer === 'yes' });
        });
      }
    }
  }

  it('covers every area of the table for both relationship types', () => {
    for (const rows of Object.values(seed))
      expect(Object.keys(rows).sort()).toEqual(
        Object.values(AccessArea)
          .filter((area) => area !== AccessArea.BUSINESS_IDENTITY)
          .sort(),
      );
  });
});

describe('the business’s own people', () => {
  it('lets a BAM do everything, on every program account (letters come from the agency: nobody edits them)', () => {
    const bam = standing(ActorKind.BUSINESS_ACCOUNT_MANAGER, 'ALL');
    expect(decideAccess(bam, AccessArea.CORRESPONDENCE, AccessAction.VIEW, at(OUT))).toBe(true);
    for (const area of Object.values(AccessArea).filter(
      (a) => a !== AccessArea.BUSINESS_IDENTITY && a !== AccessArea.CORRESPONDENCE,
    ))
      for (const action of Object.values(AccessAction))
        expect(decideAccess(bam, area, action, at(OUT)), `${area} ${action}`).toBe(true);
  });

  it('lets a reader view within scope and change nothing', () => {
    const reader = standing(ActorKind.READER, [IN]);
    expect(decideAccess(reader, AccessArea.PROGRAM_PROFILE, AccessAction.VIEW, at(IN))).toBe(true);
    expect(decideAccess(reader, AccessArea.PROGRAM_PROFILE, AccessAction.VIEW, at(OUT))).toBe(false);
    for (const area of Object.values(AccessArea))
      expect(decideAccess(reader, area, AccessAction.EDIT, at(IN)), area).toBe(false);
    expect(decideAccess(reader, AccessArea.ACCESS_MANAGEMENT, AccessAction.VIEW, at())).toBe(false);
  });

  it('lets an editor edit its programs but not the business profile, access or relationships', () => {
    const editor = standing(ActorKind.EDITOR, [IN]);
    expect(decideAccess(editor, AccessArea.PROGRAM_PROFILE, AccessAction.EDIT, at(IN))).toBe(true);
    expect(decideAccess(editor, AccessArea.PROGRAM_PROFILE, AccessAction.EDIT, at(OUT))).toBe(false);
    expect(decideAccess(editor, AccessArea.BUSINESS_PROFILE, AccessAction.EDIT, at())).toBe(false);
    expect(decideAccess(editor, AccessArea.ACCESS_MANAGEMENT, AccessAction.VIEW, at())).toBe(false);
    expect(decideAccess(editor, AccessArea.RELATIONSHIP_MANAGEMENT, AccessAction.VIEW, at())).toBe(false);
  });

  it('lets a program account manager approve access to its programs only', () => {
    const pam = standing(ActorKind.PROGRAM_ACCOUNT_MANAGER, [IN]);
    expect(decideAccess(pam, AccessArea.ACCESS_MANAGEMENT, AccessAction.EDIT, at(IN))).toBe(true);
    expect(decideAccess(pam, AccessArea.ACCESS_MANAGEMENT, AccessAction.EDIT, at(OUT))).toBe(false);
    expect(decideAccess(pam, AccessArea.BUSINESS_PROFILE, AccessAction.EDIT, at())).toBe(false);
  });
});

describe('standings beyond one role', () => {
  it('gives nothing to a caller without a standing', () => {
    for (const area of Object.values(AccessArea))
      expect(decideAccess({ grants: [] }, area, AccessAction.VIEW, at())).toBe(false);
  });

  it('lets an agency officer view the business’s data but not its people or relationships, and change nothing', () => {
    const officer = standing(ActorKind.AGENCY_OFFICER, 'ALL', false);
    const own = [AccessArea.ACCESS_MANAGEMENT, AccessArea.RELATIONSHIP_MANAGEMENT];
    for (const area of Object.values(AccessArea)) {
      expect(decideAccess(officer, area, AccessAction.VIEW, at(OUT)), area).toBe(!own.includes(area));
      expect(decideAccess(officer, area, AccessAction.EDIT, at(OUT))).toBe(false);
    }
  });

  it('keeps a provider employee with the Reader role to viewing', () => {
    const reader = standing(ActorKind.BUSINESS_MANAGEMENT, 'ALL', false);
    expect(decideAccess(reader, AccessArea.FINANCIAL_SECURITY, AccessAction.VIEW, at(IN))).toBe(true);
    expect(decideAccess(reader, AccessArea.FINANCIAL_SECURITY, AccessAction.EDIT, at(IN))).toBe(false);
  });

  it('ORs several grants and unites their scopes for lists', () => {
    const both: Standing = {
      grants: [
        { kind: ActorKind.PROGRAM_MANAGEMENT, scope: new Set([IN]), mayEdit: true },
        { kind: ActorKind.READER, scope: new Set([OUT]), mayEdit: true },
      ],
    };
    expect(decideAccess(both, AccessArea.PROGRAM_PROFILE, AccessAction.VIEW, at(OUT))).toBe(true);
    expect(visibleScope(both, AccessArea.PROGRAM_PROFILE, AccessAction.VIEW)).toEqual(new Set([IN, OUT]));
    expect(visibleScope(both, AccessArea.PROGRAM_PROFILE, AccessAction.EDIT)).toEqual(new Set());
    expect(
      visibleScope(
        standing(ActorKind.BUSINESS_MANAGEMENT, 'ALL'),
        AccessArea.PROGRAM_LIST,
        AccessAction.VIEW,
      ),
    ).toBe('ALL');
  });
});
