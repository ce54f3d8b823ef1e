import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { preparedDatabaseVar } from './server-process.js';

// Once per run, before the journey files: the database a server's first start makes (migrations, demo
// reference data), which startServer copies into each new DATA_DIR instead of making it again at every start
// (docs/decisions/0047-ci-under-twelve-minutes.md). The returned function deletes it at the end of the run.
export default function setup(): () => void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-e2e-prepared-'));
  const file = path.join(dir, 'passerelle.sqlite');
  execFileSync(process.execPath, [path.join(import.meta.dirname, 'prepare-database.mjs'), file], {
    stdio: 'inherit',
  });
  // Environment variables reach the workers the run forks after this.
  process.env[preparedDatabaseVar] = file;
  return () => rmSync(dir, { recursive: true, force: true });
}
