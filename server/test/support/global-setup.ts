import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type TestProject } from 'vitest/node';
import { prepareTemplates, worldsVar } from './database-templates.js';
import { BUILDER_ENDED, usesWorld } from './world-files.js';

const serverDir = fileURLToPath(new URL('../..', import.meta.url));

// Says once, at the start of the run, which real databases the suite will use, and refuses to skip MySQL (or
// Redis, for the suites of several processes) in CI. Then migrates the run's database templates, which test
// files copy (support/database-templates.ts), and starts building the run's portfolio world if a file of the
// run reads it (support/world-templates.ts); the returned function waits for that build and deletes them all
// at the end of the run.
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!process.env.REDIS_URL) {
    if (process.env.CI === 'true')
      throw new Error('CI=true but REDIS_URL is not set: the Redis suites may not be skipped in CI.');
    console.warn('\n[passerelle] REDIS_URL is not set: SKIPPING the Redis and two-process suites.\n');
  }
  const mysqlUrl = process.env.MYSQL_URL;
  if (!mysqlUrl) {
    if (process.env.CI === 'true') {
      throw new Error('CI=true but MYSQL_URL is not set: the MySQL suite may not be skipped in CI.');
    }
    console.warn('\n[passerelle] MYSQL_URL is not set: SKIPPING the MySQL/MariaDB suite (SQLite only).\n');
  }
  const dropTemplates = await prepareTemplates();
  // The run's files (vitest's state has them before the global setup); unknown: build anyway.
  const files = (project.vitest.state as { getPaths?(): string[] }).getPaths?.();
  // A process of its own, not this one: every worker loads its modules through this process's event loop.
  const builder =
    !files || files.some(usesWorld)
      ? spawn(
          process.execPath,
          ['--import', './test/support/ts-register.mjs', 'test/support/build-worlds.ts'],
          {
            cwd: serverDir,
            env: process.env,
            stdio: ['ignore', 'ignore', 'inherit'],
          },
        )
      : undefined;
  const ended =
    builder &&
    new Promise((resolve) =>
      builder.once('exit', (code, signal) => {
        // The files that wait for a world stop waiting (support/world-templates.ts).
        writeFileSync(path.join(process.env[worldsVar]!, BUILDER_ENDED), String(code ?? signal));
        resolve(code);
      }),
    );
  return async () => {
    // Ended unless the run stopped early; the teardown drops what it built (support/database-templates.ts).
    if (builder && builder.exitCode === null && builder.signalCode === null) builder.kill();
    await ended;
    await dropTemplates();
  };
}
