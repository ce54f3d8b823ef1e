import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { amountToCents } from './registration.service.js';

const srcDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'migrations' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [full] : [];
  });
}

const mutations = '(update|delete|save|remove|softDelete|softRemove|upsert|restore|increment|decrement)';

describe('the business audit trail and the domain-event outbox', () => {
  it.each([
    ['BusinessAuditEvent', 'business_audit_event'],
    ['DomainEventRecord', 'domain_event'],
  ])('%s is append-only: no code updates or deletes it', (entity, table) => {
    const writes = new RegExp(`\\.${mutations}\\(\\s*${entity}\\b`);
    const repositoryWrites = new RegExp(
      `getRepository\\(\\s*${entity}\\s*\\)\\s*\\.(${mutations.slice(1, -1)}|clear)\\b`,
    );
    const rawSql = new RegExp(`(UPDATE|DELETE\\s+FROM|TRUNCATE(\\s+TABLE)?)\\s+[\`"']?${table}\\b`, 'i');
    const offenders = sourceFiles(srcDir).filter((file) => {
      const text = readFileSync(file, 'utf8');
      return writes.test(text) || repositoryWrites.test(text) || rawSql.test(text);
    });
    expect(offenders.map((file) => path.relative(srcDir, file))).toEqual([]);
  });

  it.each([
    ['BusinessAuditEvent', path.join('modules', 'businesses', 'business-audit.service.ts')],
    ['DomainEventRecord', path.join('common', 'events', 'event-bus.ts')],
  ])('%s is written only through %s, which only inserts', (entity, writer) => {
    const inserting = sourceFiles(srcDir).filter((file) =>
      new RegExp(`\\binsert\\(\\s*${entity}\\b`).test(readFileSync(file, 'utf8')),
    );
    expect(inserting.map((file) => path.relative(srcDir, file))).toEqual([writer]);
  });
});

describe('registration amounts', () => {
  it.each([
    ['0', 0],
    ['12', 1200],
    ['12.5', 1250],
    ['12345.67', 1234567],
    ['007.05', 705],
  ])('%s is %i cents', (text, cents) => {
    expect(amountToCents(text)).toBe(cents);
  });

  it.each(['$12.00', '1,234.56', '12.345', '.5', '12.', ' 12', '-12', '1e3', '１２'])(
    '%s is a format error',
    (text) => {
      expect(amountToCents(text)).toBeNull();
    },
  );
});
