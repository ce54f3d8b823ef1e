// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Issue 19 item 4: who may do what is decided by the access table (common/auth/access-table.ts,
// `decideAccess`), not by a service comparing a role. This spec fails when a service (`*.service.ts` under
// server/src/modules) compares a role directly (`x.role === …`, `… !== BusinessRole.X`, `PersonRole.X === …`)
// beyond the comparisons listed below, which were there when the check was raised. The list only shrinks:
// a file that compares fewer roles than listed fails too, so its count is lowered as comparisons move to the
// policy. A new decision goes through `decideAccess` (or a policy function beside it), never onto this list.

const modulesDir = path.resolve(import.meta.dirname, '../../server/src/modules');

/**
 * Comparisons per service file (relative to server/src/modules): 22 in 8 files when the check was raised, 0 now
 * (they moved to common/auth/role-policy.ts, beside the access table).
 */
const ROLE_COMPARISONS_LEFT: Record<string, number> = {};

const ROLE_COMPARISON = new RegExp(
  [
    String.raw`(?:===|!==)\s*(?:BusinessRole|PersonRole)\.\w+`,
    String.raw`(?:BusinessRole|PersonRole)\.\w+\s*(?:===|!==)`,
    String.raw`\.role\s*(?:===|!==)`,
    String.raw`(?:===|!==)\s*[\w.?]+\.role\b`,
  ].join('|'),
  'g',
);

/** Direct role comparisons in a source text (comments included: a commented-out comparison is still code). */
export function roleComparisons(source: string): number {
  return source.match(ROLE_COMPARISON)?.length ?? 0;
}

function serviceFiles(): string[] {
  return readdirSync(modulesDir, { recursive: true, encoding: 'utf8' })
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => file.endsWith('.service.ts'))
    .sort();
}

describe('services decide no access by comparing roles', () => {
  it('finds the comparisons it is meant to, and not a call of the policy', () => {
    expect(roleComparisons('if (membership.role !== BusinessRole.BUSINESS_ACCOUNT_MANAGER) return;')).toBe(1);
    expect(roleComparisons('const bam = BusinessRole.BUSINESS_ACCOUNT_MANAGER === role;')).toBe(1);
    expect(roleComparisons('if (actor.role === PersonRole.OFFICER) return no;')).toBe(1);
    expect(roleComparisons('return client?.role === bam || bam === provider?.role;')).toBe(2);
    expect(
      roleComparisons(
        'if (!decideAccess(standing, AccessArea.EMPLOYEES, AccessAction.EDIT, owner)) return no; const r = BusinessRole.READER;',
      ),
    ).toBe(0);
  });

  it('compares no role in a service beyond the comparisons left when the check was raised (only shrinks)', () => {
    const files = serviceFiles();
    expect(files.length).toBeGreaterThan(20);
    const found: Record<string, number> = {};
    for (const file of files) {
      const count = roleComparisons(readFileSync(path.join(modulesDir, file), 'utf8'));
      if (count) found[file] = count;
    }
    // Equal, not at most: a file with fewer comparisons than listed must have its entry lowered.
    expect(found).toEqual(ROLE_COMPARISONS_LEFT);
  });
});
