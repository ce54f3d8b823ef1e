import { describe, expect, it } from 'vitest';
import { accessTable, ActorKind, type Standing } from '../../common/auth/access-table.js';
import { eventCatalogue } from './event-catalogue.js';
import { visibleData } from './event-visibility.js';

// Cell by cell, like the GraphQL fields (access-table specs): for every catalogue entry and every kind of
// receiver a business's system can be (its own BAM standing; a provider under business management; under
// program management with the account in or out of its scope), the event is told exactly when the access
// table's VIEW rule of the entry's area allows it, and then with its whole payload (no entry has fields of
// another area yet: a field listed in `fields` would be cut by its own area's rule).

const IN = 'account-in';
const OUT = 'account-out';
const receivers: Array<[string, Standing, (rule: string, account: string | null) => boolean]> = [
  [
    'own BAM',
    { grants: [{ kind: ActorKind.BUSINESS_ACCOUNT_MANAGER, scope: 'ALL', mayEdit: false }] },
    () => true,
  ],
  [
    'business management',
    { grants: [{ kind: ActorKind.BUSINESS_MANAGEMENT, scope: 'ALL', mayEdit: false }] },
    (rule) => rule !== 'DENIED',
  ],
  [
    'program management',
    { grants: [{ kind: ActorKind.PROGRAM_MANAGEMENT, scope: new Set([IN]), mayEdit: false }] },
    (rule, account) => rule === 'ALLOWED' || (rule === 'IN_SCOPE' && account !== OUT),
  ],
];
const kindOf: Record<string, ActorKind> = {
  'own BAM': ActorKind.BUSINESS_ACCOUNT_MANAGER,
  'business management': ActorKind.BUSINESS_MANAGEMENT,
  'program management': ActorKind.PROGRAM_MANAGEMENT,
};

describe('public events follow the access table', () => {
  for (const entry of eventCatalogue)
    for (const [name, standing, expected] of receivers)
      for (const account of [null, IN, OUT])
        it(`${entry.type} to ${name}, program account ${account ?? 'none'}`, () => {
          const data = { a: 1, b: 'two' };
          const seen = visibleData(
            { type: entry.type, businessId: 'b', programAccountId: account, area: entry.area, data },
            standing,
          );
          const rule = accessTable[entry.area][kindOf[name]].VIEW;
          expect(seen).toEqual(expected(rule, account) ? data : null);
        });

  it('every catalogue type is versioned, and a type fed by two sources keeps one version and area', () => {
    const pairs = eventCatalogue.map((e) => `${e.type} ${e.source}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    for (const e of eventCatalogue) {
      expect(e.type).toMatch(/^[a-z_]+\.[a-z_]+$/);
      const first = eventCatalogue.find((other) => other.type === e.type)!;
      expect([e.version, e.area]).toEqual([first.version, first.area]);
    }
  });
});
