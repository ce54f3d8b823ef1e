// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { progressLine } from './report-cli.mjs';
import { csvCell, ReportWriter, valueAt } from './report-format.mjs';

describe('report output', () => {
  it('quotes CSV cells that need it and makes formula-like text inert', () => {
    expect(csvCell('Côté, Camille')).toBe('"Côté, Camille"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell(-1250)).toBe('-1250');
    expect(csvCell(null)).toBe('');
    expect(csvCell(true)).toBe('true');
  });

  it('reads nested values and joins lists', () => {
    const row = {
      client: { name: 'A' },
      programAccounts: [{ accountNumber: 'RM1' }, { accountNumber: 'RT1' }],
    };
    expect(valueAt(row, ['client', 'name'])).toBe('A');
    expect(valueAt(row, ['programAccounts', 'accountNumber'])).toBe('RM1; RT1');
    expect(valueAt({ programAccounts: [] }, ['programAccounts', 'accountNumber'])).toBe('');
  });

  it('writes the same columns for every row, and valid JSON and NDJSON', () => {
    const rows = [
      { a: 1, b: { c: 'x' } },
      { a: 2, b: null },
    ];
    let csv = '';
    const writer = new ReportWriter('csv', [['a'], ['b', 'c']], (chunk) => (csv += chunk));
    writer.add(rows);
    writer.end();
    expect(csv).toBe('a,b.c\r\n1,x\r\n2,\r\n');
    let json = '';
    const j = new ReportWriter('json', [], (chunk) => (json += chunk));
    j.add(rows);
    j.end();
    expect(JSON.parse(json)).toEqual(rows);
    let empty = '';
    const e = new ReportWriter('json', [], (chunk) => (empty += chunk));
    e.end();
    expect(JSON.parse(empty)).toEqual([]);
  });

  it('draws a progress bar from totalCount, or counts rows without it', () => {
    expect(progressLine(15, 30)).toBe(`\r[${'#'.repeat(15)}${'.'.repeat(15)}] 15/30 rows`);
    expect(progressLine(7, undefined)).toBe('\r7 rows');
  });
});
