// @vitest-environment node
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { entityImportAllowlist } from './entity-imports-allowlist.mjs';
import { passerellePlugin } from './module-boundaries.mjs';

const serverSrc = path.resolve(import.meta.dirname, '../../server/src');

/**
 * 85 when the rule was raised (decision 0020), 71 at issue 19 item 3, 5 after decision 0042, 0 now (the registry's
 * financial reads moved behind its service). The allowlist stays as a mechanism, empty; never raise it.
 */
const ALLOWLIST_CEILING = 0;

function lint(filename: string, code: string, allowlist: Record<string, string[]> = {}) {
  const linter = new Linter();
  return linter
    .verify(
      code,
      [
        {
          files: ['**/*.ts'],
          languageOptions: { parser: tseslint.parser },
          plugins: { passerelle: passerellePlugin },
          rules: { 'passerelle/module-boundaries': ['error', { allowlist }] },
        },
      ],
      { filename },
    )
    .map((m) => ({ rule: m.ruleId, line: m.line, message: m.message }));
}

describe('passerelle/module-boundaries', () => {
  it('fails a module that imports another module’s entity, name by name', () => {
    const code = [
      "import { Business, type BusinessMembership } from '../businesses/businesses.entities.js';",
      "import { activeMemberGrants } from '../businesses/business-directory.service.js';",
      "import { NoticeType } from './notices.types.js';",
    ].join('\n');
    expect(lint('server/src/modules/notices/fixture.ts', code)).toEqual([
      {
        rule: 'passerelle/module-boundaries',
        line: 1,
        message:
          'Business is an entity of the businesses module (businesses/businesses.entities.ts): use a service, loader or view of businesses instead.',
      },
      {
        rule: 'passerelle/module-boundaries',
        line: 1,
        message:
          'BusinessMembership is an entity of the businesses module (businesses/businesses.entities.ts): use a service, loader or view of businesses instead.',
      },
    ]);
  });

  it('fails common/ importing modules/, and re-exports too', () => {
    expect(
      lint(
        'server/src/common/events/fixture.ts',
        "export { noticeSubscriber } from '../../modules/notices/notice-subscriber.js';",
      ).map((m) => m.message),
    ).toEqual([
      'common/ never imports modules/ (modules/notices/notice-subscriber.ts): move the shared part into common/.',
    ]);
  });

  it('lets a module use its own entities, and app/ read the manifests', () => {
    expect(
      lint('server/src/modules/notices/fixture.ts', "import { Notice } from './notices.entities.js';"),
    ).toEqual([]);
    expect(
      lint(
        'server/src/app/fixture.ts',
        "import { Business } from '../modules/businesses/businesses.entities.js';",
      ),
    ).toEqual([]);
  });

  it('lets an entity file name another module’s entity for a relation, type-only, and nothing more', () => {
    const entityFile = 'server/src/modules/sessions/fixture.entity.ts';
    expect(lint(entityFile, "import type { User } from '../users/user.entity.js';")).toEqual([]);
    expect(lint(entityFile, "import { type User } from '../users/user.entity.js';")).toEqual([]);
    // A value import (what `@ManyToOne(() => User)` needs) is refused, and so is a mixed one.
    expect(lint(entityFile, "import { User } from '../users/user.entity.js';").map((m) => m.message)).toEqual(
      [
        'User is an entity of the users module (users/user.entity.ts): use a service, loader or view of users instead.',
      ],
    );
    expect(
      lint(entityFile, "import { type User, UserKind } from '../users/user.entity.js';").map(
        (m) => m.message,
      ),
    ).toHaveLength(2);
    // Outside an entity file a type-only import of an entity is still refused, and so is a repository.
    expect(
      lint('server/src/modules/sessions/fixture.ts', "import type { User } from '../users/user.entity.js';"),
    ).toHaveLength(1);
    expect(lint(entityFile, "import type { UserStore } from '../users/user.repository.js';")).toHaveLength(1);
  });

  it('lets an allowlisted name through, and reports an entry nothing uses any more', () => {
    const allowlist = {
      'modules/notices/fixture.ts': [
        'businesses/businesses.entities.ts#Business',
        'users/user.entity.ts#User',
      ],
    };
    expect(
      lint(
        'server/src/modules/notices/fixture.ts',
        "import { Business } from '../businesses/businesses.entities.js';",
        allowlist,
      ).map((m) => m.message),
    ).toEqual([
      'The allowlist entry "users/user.entity.ts#User" for this file is no longer needed: delete it from tools/lint/entity-imports-allowlist.mjs.',
    ]);
  });
});

describe('the entity-import allowlist', () => {
  it('only shrinks: no more entries than when the rule was raised', () => {
    const entries = Object.values(entityImportAllowlist).flat();
    expect(entries.length).toBeLessThanOrEqual(ALLOWLIST_CEILING);
  });

  it('names files that exist, each entry once, in the entry format', () => {
    for (const [file, entries] of Object.entries(entityImportAllowlist)) {
      expect(existsSync(path.join(serverSrc, file)), file).toBe(true);
      expect(new Set(entries).size, file).toBe(entries.length);
      for (const entry of entries)
        expect(entry).toMatch(/^[a-z-]+\/[a-z-]+\.(entity|entities|repository)\.ts#\w+$/);
    }
  });
});
