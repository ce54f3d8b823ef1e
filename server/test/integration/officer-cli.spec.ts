import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCreateOfficerCli } from '../../src/modules/officers/create-officer-cli.js';
import { createTempMysqlDatabase, type TempDatabase } from '../../src/database/temp-database.js';
import { drivers } from '../support/databases.js';

describe.each(drivers)('npm run officer:create on %s', (driver) => {
  let env: NodeJS.ProcessEnv;
  let dir: string | undefined;
  let mysql: TempDatabase | undefined;

  beforeAll(async () => {
    if (driver === 'sqlite') {
      dir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-officer-'));
      env = { DATA_DIR: dir, LOG_LEVEL: 'silent' };
    } else {
      mysql = await createTempMysqlDatabase(process.env.MYSQL_URL!);
      env = { DATABASE_URL: mysql.url, LOG_LEVEL: 'silent' };
    }
  });
  afterAll(async () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    await mysql?.drop();
  });

  const run = async (
    argv: string[],
    extraEnv: Record<string, string> = {},
    stdin?: Readable & { isTTY?: boolean },
  ) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCreateOfficerCli(argv, {
      env: { ...env, ...extraEnv },
      stdin: stdin ?? Object.assign(Readable.from([]), { isTTY: true }),
      out: (line) => out.push(line),
      err: (line) => err.push(line),
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('needs a username, and a password from OFFICER_PASSWORD or piped stdin, never a terminal', async () => {
    expect((await run([])).code).toBe(2);
    const tty = await run(['--username', 'AgentOne1']);
    expect(tty.code).toBe(2);
    expect(tty.err).toContain('OFFICER_PASSWORD');
  });

  it('creates officers with the password from the environment or stdin, and never prints it', async () => {
    const fromEnv = await run(['--username', 'AgentOne1'], { OFFICER_PASSWORD: 'Off1cer!pw' });
    expect(fromEnv).toMatchObject({ code: 0, err: '' });
    expect(fromEnv.out).toMatch(/^Created officer AgentOne1 \(id [0-9a-f-]{36}\)/);
    const piped = Object.assign(Readable.from(['Sec0nd!pw\n']), { isTTY: false });
    const fromStdin = await run(['--username=AgentTwo2'], {}, piped);
    expect(fromStdin.code).toBe(0);
    for (const result of [fromEnv, fromStdin])
      expect(`${result.out}${result.err}`).not.toMatch(/Off1cer!pw|Sec0nd!pw/);
  });

  it('applies the same rules as everyone and refuses a taken username', async () => {
    const weak = await run(['--username', 'AgentThree3'], { OFFICER_PASSWORD: 'agent3' });
    expect(weak.code).toBe(1);
    expect(weak.err).toContain('password: TOO_SHORT - Your password must have at least 8 characters.');
    expect(weak.err).not.toContain('agent3\n');
    const taken = await run(['--username', 'agentone1'], { OFFICER_PASSWORD: 'Off1cer!pw' });
    expect(taken.code).toBe(1);
    expect(taken.err).toContain('username: USERNAME_TAKEN');
  });
});
