// `npm run officer:create -- --username <username>`: creates an agency officer (role OFFICER) with a local
// credential in the database that DATABASE_URL / DATA_DIR select. The password comes from the
// OFFICER_PASSWORD environment variable or, when stdin is not a terminal, from stdin (one line); it is never
// echoed or printed. The same username and password rules as everyone apply. Exit codes: 0 created,
// 1 refused (rules, username taken) or failed, 2 usage.
import 'reflect-metadata';
import path from 'node:path';
import { type Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../../config/env.js';
import { translate } from '../../common/i18n/messages.js';
import { openDatabase } from '../../database/data-source.js';
import { createOfficer } from './officers.service.js';

const USAGE =
  'usage: OFFICER_PASSWORD=... npm run officer:create -- --username <username>\n' +
  '   or: printf %s "$PASSWORD" | npm run officer:create -- --username <username>';

export interface OfficerCliIo {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  stdin?: Readable & { isTTY?: boolean };
  out?: (line: string) => void;
  err?: (line: string) => void;
}

function usernameArgument(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--username') return argv[i + 1];
    if (arg.startsWith('--username=')) return arg.slice('--username='.length);
  }
  return undefined;
}

async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

/** Runs the command; returns the process exit code. */
export async function runCreateOfficerCli(argv: readonly string[], io: OfficerCliIo = {}): Promise<number> {
  const env = io.env ?? process.env;
  const cwd = io.cwd ?? env.INIT_CWD ?? process.cwd();
  const out = io.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  const err = io.err ?? ((line: string) => console.error(line));
  const stdin = io.stdin ?? process.stdin;

  const username = usernameArgument(argv);
  if (!username || username.startsWith('-')) {
    err(USAGE);
    return 2;
  }
  let password = env.OFFICER_PASSWORD;
  if (password === undefined) {
    if (stdin.isTTY) {
      // Typing it here would echo it on the terminal and keep it in the scrollback.
      err('Set OFFICER_PASSWORD or pipe the password on stdin; it is not read from a terminal.');
      err(USAGE);
      return 2;
    }
    // One line: a trailing newline from `echo` or a here-string is not part of the password.
    password = (await readAll(stdin)).replace(/\r?\n$/, '');
  }

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
    const result = await createOfficer(dataSource, config, { username, password });
    if (!result.ok) {
      err(`The officer was not created:`);
      for (const problem of result.problems)
        err(
          `  ${problem.field.join('.')}: ${problem.code} - ${translate('en', problem.messageKey, problem.params)}`,
        );
      return 1;
    }
    out(
      `Created officer ${result.user.username} (id ${result.user.id}). They sign in with this username and password.`,
    );
    return 0;
  } catch (error) {
    err(`Creating the officer failed, nothing was changed: ${(error as Error).message}`);
    return 1;
  } finally {
    await dataSource.destroy();
  }
}

// Run only when executed as a script, so tests can import runCreateOfficerCli.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await runCreateOfficerCli(process.argv.slice(2));
}
