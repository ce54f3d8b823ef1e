// `npm run registry:import -- <file> [--validate-only]`: loads a reference-data file (docs/reference-data.md)
// into the database that DATABASE_URL / DATA_DIR select. The whole file is validated first; any problem is
// printed with its JSON path and nothing is imported (exit 1). Otherwise the import runs in one transaction
// and prints what it created, updated, left unchanged and deleted (exit 0).
import 'reflect-metadata';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../../config/env.js';
import { openDatabase } from '../../database/data-source.js';
import { importRepaymentPayments } from '../claims/claims.service.js';
import {
  IMPORT_KINDS,
  formatProblem,
  importReferenceData,
  readReferenceDataFile,
  type ImportResult,
} from './reference-data.service.js';

const USAGE = 'usage: npm run registry:import -- <file.json> [--validate-only]';

export interface ImportCliIo {
  env?: NodeJS.ProcessEnv;
  /** Where relative paths are resolved: npm runs workspace scripts in server/, INIT_CWD is where the user was. */
  cwd?: string;
  out?: (line: string) => void;
  err?: (line: string) => void;
}

function countsTable(result: ImportResult): string[] {
  const header = ['', 'created', 'updated', 'unchanged', 'deleted'];
  const rows = IMPORT_KINDS.map((kind) => {
    const c = result.counts[kind];
    return [kind, c.created, c.updated, c.unchanged, c.deleted].map(String);
  });
  return [header, ...rows].map(
    ([kind, ...numbers]) => `  ${kind.padEnd(18)}${numbers.map((n) => n.padStart(10)).join('')}`,
  );
}

/** Runs the import command; returns the process exit code (0 done, 1 invalid file or failed import, 2 usage). */
export async function runImportCli(argv: readonly string[], io: ImportCliIo = {}): Promise<number> {
  const env = io.env ?? process.env;
  const cwd = io.cwd ?? env.INIT_CWD ?? process.cwd();
  const out = io.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  const err = io.err ?? ((line: string) => console.error(line));

  const validateOnly = argv.includes('--validate-only');
  const files = argv.filter((arg) => arg !== '--validate-only');
  if (files.length !== 1 || files[0].startsWith('-')) {
    err(USAGE);
    return 2;
  }
  const file = path.resolve(cwd, files[0]);

  let validation;
  try {
    validation = await readReferenceDataFile(file);
  } catch (error) {
    err(`Cannot read ${file}: ${(error as Error).message}`);
    return 1;
  }
  if (!validation.ok) {
    err(`${file}: ${validation.problems.length} problem(s); nothing was imported.`);
    for (const problem of validation.problems) err(`  ${formatProblem(problem)}`);
    return 1;
  }
  const businesses = validation.data.businesses;
  const accounts = businesses.reduce((n, b) => n + b.programAccounts.length, 0);
  out(`${file}: valid (${businesses.length} businesses, ${accounts} program accounts).`);
  if (validateOnly) return 0;

  let config;
  let dataSource;
  try {
    config = loadConfig(env, cwd);
    dataSource = await openDatabase(config.database, config.databaseTimeouts);
  } catch (error) {
    err(`Cannot open the database: ${(error as Error).message}`);
    return 1;
  }
  try {
    const result = await importReferenceData(dataSource, validation.data);
    // Never print the database URL: it may hold a password.
    const target =
      config.database.type === 'sqlite' ? `SQLite ${config.database.file}` : 'the MySQL database';
    out(`Imported into ${target}:`);
    for (const line of countsTable(result)) out(line);
    out(result.changed ? 'Done.' : 'No changes: the database already matched the file.');
    // The agency's payment file: repayments paid, line by line (a refused line leaves the others applied).
    const payments = validation.data.repaymentPayments ?? [];
    if (!payments.length) return 0;
    const paid = await importRepaymentPayments(dataSource, config.now(), payments);
    out(
      `Repayment payments: ${paid.paid} paid, ${paid.unchanged} unchanged, ${paid.refused.length} refused.`,
    );
    for (const line of paid.refused)
      err(`  $.repaymentPayments[${line.index}] (case ${line.caseNumber}): ${line.message}`);
    return paid.refused.length ? 1 : 0;
  } catch (error) {
    err(`Import failed, nothing was changed: ${(error as Error).message}`);
    return 1;
  } finally {
    await dataSource.destroy();
  }
}

// Run only when executed as a script, so tests can import runImportCli.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await runImportCli(process.argv.slice(2));
}
