import { spawn } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './server-process.js';

export const officerPassword = 'Desk#Blue42';

/** `npm run officer:create` as an operator would run it, against the running server's database. */
export function createOfficer(dataDir: string, username: string): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [path.join(repoRoot, 'server/dist/modules/officers/create-officer-cli.js'), '--username', username],
      {
        cwd: repoRoot,
        env: { PATH: process.env.PATH, DATA_DIR: dataDir, OFFICER_PASSWORD: officerPassword },
      },
    );
    child.once('exit', resolve);
  });
}
