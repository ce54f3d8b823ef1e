import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const srcDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'migrations' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [full] : [];
  });
}

describe('the security audit trail', () => {
  it('is append-only: no code updates or deletes security events', () => {
    const offenders: string[] = [];
    const writes =
      /\.(update|delete|save|remove|softDelete|softRemove|upsert|restore|increment|decrement)\(\s*SecurityEvent\b/;
    const repositoryWrites =
      /getRepository\(\s*SecurityEvent\s*\)\s*\.(update|delete|save|remove|softDelete|softRemove|upsert|restore|increment|decrement|clear)\b/;
    const rawSql = /(UPDATE|DELETE\s+FROM|TRUNCATE(\s+TABLE)?)\s+[`"']?security_event\b/i;
    for (const file of sourceFiles(srcDir)) {
      const text = readFileSync(file, 'utf8');
      if (writes.test(text) || repositoryWrites.test(text) || rawSql.test(text))
        offenders.push(path.relative(srcDir, file));
    }
    expect(offenders).toEqual([]);
  });

  it('is written only through audit.service.ts, which only inserts', () => {
    const inserting = sourceFiles(srcDir).filter((file) =>
      /\binsert\(\s*SecurityEvent\b/.test(readFileSync(file, 'utf8')),
    );
    expect(inserting.map((file) => path.relative(srcDir, file))).toEqual([
      path.join('modules', 'audit', 'audit.service.ts'),
    ]);
  });
});
