import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BusinessRole } from '../../src/modules/businesses/businesses.types.js';
import {
  importReferenceData,
  loadDemoReferenceData,
} from '../../src/modules/registry/reference-data.service.js';
import { request } from '../../../tools/report/report-cli.mjs';
import { bearer, tokenSecret } from '../support/api-tokens.js';
import { drivers } from '../support/databases.js';
import {
  BN,
  type Person,
  accountsOf,
  establish,
  member,
  person,
  registerDirectly,
} from '../support/relationships.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// `npm run report` against a live server: the CSV of the clients and delegation reports, pagination to the
// end, and waiting out a spent cost budget.

const cli = path.resolve(import.meta.dirname, '../../../tools/report/report-cli.mjs');

function run(args: string[]): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('close', (code) => resolve({ code, stderr, stdout }));
  });
}

/** RFC 4180 lines of a small, trusted CSV (no newlines inside cells). */
const csvRows = (text: string) =>
  text
    .trim()
    .split('\r\n')
    .map((line) =>
      [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)]
        .slice(0, -1)
        .map((m) => m[1].replace(/^"|"$/g, '').replace(/""/g, '"')),
    );

describe.each(drivers)('report CLI against a live server on %s', (driver) => {
  let t: TestApp;
  let mapleBam: Person;
  let northernBam: Person;
  let maple: string;
  let northern: string;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'report-'));

  beforeAll(async () => {
    t = await startTestApp(driver, { env: { API_COST_BUCKET_SIZE: '400', API_COST_RESTORE_RATE: '20' } });
    await importReferenceData(t.dataSource, await loadDemoReferenceData());
    mapleBam = await person(t, 'MapleBam2026', 'Morgan', 'Maple');
    northernBam = await person(t, 'NorthernBam2026', 'Nora', 'North');
    const coteBam = await person(t, 'CoteBam2026', 'Camille', 'Côté');
    maple = await registerDirectly(t, BN.MAPLE, mapleBam.userId);
    northern = await registerDirectly(t, BN.NORTHERN, northernBam.userId);
    await registerDirectly(t, BN.COTE, coteBam.userId);
    await member(t, northern, northernBam.userId, 'NorthReader2026', BusinessRole.READER, [
      (await accountsOf(t, BN.NORTHERN)).RM0001,
    ]);
    await establish(mapleBam, maple, northernBam, BN.NORTHERN);
    await establish(mapleBam, maple, coteBam, BN.COTE, 'PROGRAM_MANAGEMENT', [
      (await accountsOf(t, BN.COTE)).RM0001,
    ]);
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes my clients and their programs as CSV, one page at a time to the end', async () => {
    const { secret } = await tokenSecret(mapleBam.client, { businessId: maple });
    const out = path.join(dir, 'clients.csv');
    const result = await run([
      'clients',
      '--token',
      secret,
      '--url',
      `${t.url}/graphql`,
      '--page-size',
      '1',
      '--out',
      out,
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('2 rows in 2 page(s)');
    // Not a terminal: no progress bar.
    expect(result.stderr).not.toContain('[#');
    const [header, ...rows] = csvRows(readFileSync(out, 'utf8'));
    expect(header).toEqual([
      'client.businessNumber',
      'client.name',
      'type',
      'since',
      'programAccounts.accountNumber',
      'programAccounts.name',
    ]);
    const byBn = Object.fromEntries(rows.map((row) => [row[0], row]));
    expect(Object.keys(byBn).sort()).toEqual([BN.NORTHERN, BN.COTE].sort());
    expect(byBn[BN.COTE][2]).toBe('PROGRAM_MANAGEMENT');
    expect(byBn[BN.COTE][4]).toBe(`${BN.COTE}RM0001`);
    expect(byBn[BN.NORTHERN][2]).toBe('BUSINESS_MANAGEMENT');
    expect(byBn[BN.NORTHERN][4].split('; ').length).toBeGreaterThan(1);
    expect(byBn[BN.NORTHERN][4]).toContain(`${BN.NORTHERN}RM0001`);
  });

  it('writes the delegation of authority report of the client: its employees and its providers', async () => {
    const { secret } = await tokenSecret(northernBam.client, { businessId: northern });
    const out = path.join(dir, 'delegation.csv');
    const result = await run(['delegation', '--token', secret, '--url', `${t.url}/graphql`, '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    const [header, ...rows] = csvRows(readFileSync(out, 'utf8'));
    expect(header).toEqual([
      'kind',
      'holderName',
      'businessNumber',
      'access',
      'allProgramAccounts',
      'programAccounts.accountNumber',
      'since',
    ]);
    const lines = rows.map((row) => row.slice(0, 6));
    expect(lines).toEqual(
      expect.arrayContaining([
        [
          'EMPLOYEE',
          'Nora North',
          '',
          'BUSINESS_ACCOUNT_MANAGER',
          'true',
          expect.stringContaining(`${BN.NORTHERN}RM0001`),
        ],
        ['EMPLOYEE', 'NorthReader Employee', '', 'READER', 'false', `${BN.NORTHERN}RM0001`],
        ['SERVICE_PROVIDER', expect.any(String), BN.MAPLE, 'BUSINESS_MANAGEMENT', 'true', expect.any(String)],
      ]),
    );
    expect(rows).toHaveLength(3);
  });

  it('writes JSON and NDJSON too, and says what is wrong with a bad token', async () => {
    const { secret } = await tokenSecret(mapleBam.client, { businessId: maple });
    const json = await run(['clients', '--token', secret, '--url', `${t.url}/graphql`, '--format', 'json']);
    expect(json.code, json.stderr).toBe(0);
    expect((JSON.parse(json.stdout) as unknown[]).length).toBe(2);
    const ndjson = await run([
      'clients',
      '--token',
      secret,
      '--url',
      `${t.url}/graphql`,
      '--format',
      'ndjson',
    ]);
    expect(
      ndjson.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as unknown),
    ).toHaveLength(2);
    const bad = await run(['clients', '--token', 'psl_nope', '--url', `${t.url}/graphql`]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('UNAUTHENTICATED');
    const unknown = await run(['nothing-by-that-name', '--token', secret]);
    expect(unknown.code).toBe(2);
  });

  it('waits for the budget to refill when throttled (429) and then answers', async () => {
    const { secret } = await tokenSecret(mapleBam.client, { businessId: maple });
    const query = `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: portalInfo { version }`).join(' ')} }`;
    // Spend the budget (400 points, 20 a query) until the server refuses.
    let status = 200;
    for (let i = 0; i < 30 && status !== 429; i += 1) status = (await bearer(t, secret, query)).status;
    expect(status).toBe(429);
    const notes: string[] = [];
    const started = Date.now();
    const body = await request({ url: `${t.url}/graphql`, token: secret, lang: 'en' }, query, {}, (line) =>
      notes.push(line),
    );
    expect(body.errors).toBeUndefined();
    expect(notes.some((line) => line.startsWith('throttled: waiting'))).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
  });
});
