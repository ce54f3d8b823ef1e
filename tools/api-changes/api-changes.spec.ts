// @vitest-environment node
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareSchemas, coordinateOf } from './api-changes.mjs';

const script = path.resolve(import.meta.dirname, '../../scripts/check-api-changes.mjs');
const before = `type Query { business(id: ID!): Business }\ntype Business { id: ID! name: String legacyCode: String }`;
const removed = `type Query { business(id: ID!): Business }\ntype Business { id: ID! name: String }`;
const added = `type Query { business(id: ID!): Business }\ntype Business { id: ID! name: String legacyCode: String extra: Int }`;

describe('compareSchemas', () => {
  it('finds a removed field, unrecorded without a changelog line', () => {
    const { breaking } = compareSchemas({ oldSdl: before, newSdl: removed, changelog: '# API changelog\n' });
    expect(breaking).toEqual([
      expect.objectContaining({ coordinate: 'Business.legacyCode', recorded: false, type: 'FIELD_REMOVED' }),
    ]);
  });

  it('accepts it once a "Breaking" line names it; a line that only mentions it is not enough', () => {
    const mention = compareSchemas({
      oldSdl: before,
      newSdl: removed,
      changelog: '- `Business.legacyCode` tidied',
    });
    expect(mention.breaking[0].recorded).toBe(false);
    const recorded = compareSchemas({
      oldSdl: before,
      newSdl: removed,
      changelog: '- **Breaking:** `Business.legacyCode` removed (unused since 0.1).',
    });
    expect(recorded.breaking[0].recorded).toBe(true);
  });

  it('an added field is not breaking; equal schemas have nothing to say', () => {
    expect(compareSchemas({ oldSdl: before, newSdl: added, changelog: '' }).breaking).toEqual([]);
    expect(compareSchemas({ oldSdl: before, newSdl: before, changelog: '' }).breaking).toEqual([]);
  });

  it('names arguments by their coordinate', () => {
    expect(coordinateOf('A required arg first on Query.things was added.')).toBe('Query.things(first:)');
    expect(coordinateOf('Business was removed.')).toBe('Business');
  });
});

describe('scripts/check-api-changes.mjs in a fresh git repository', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'api-check-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
      cwd: dir,
      stdio: 'ignore',
    });
  const check = () =>
    spawnSync('node', [script], { env: { ...process.env, API_CHECK_ROOT: dir }, encoding: 'utf8' });

  it('passes when HEAD’s schema is the current one, fails on a removed field, passes with a changelog entry', () => {
    mkdirSync(path.join(dir, 'schema'));
    mkdirSync(path.join(dir, 'docs'));
    writeFileSync(path.join(dir, 'schema/schema.graphql'), before);
    writeFileSync(path.join(dir, 'docs/api-changelog.md'), '# API changelog\n');
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-qm', 'first');
    expect(check().status).toBe(0);

    git('checkout', '-q', '-b', 'feature');
    writeFileSync(path.join(dir, 'schema/schema.graphql'), removed);
    const failed = check();
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('Business.legacyCode was removed.');
    // Committed on the branch, still compared with the merge base with main.
    git('commit', '-qam', 'remove');
    expect(check().status).toBe(1);

    writeFileSync(
      path.join(dir, 'docs/api-changelog.md'),
      `${readFileSync(path.join(dir, 'docs/api-changelog.md'), 'utf8')}\n- **Breaking:** \`Business.legacyCode\` removed.\n`,
    );
    const passed = check();
    expect(passed.status, passed.stderr).toBe(0);
    expect(passed.stderr).toContain('all recorded');
  });
});
