// `npm test`: the server suite and, beside it, the client suite, then the browser journeys, stopping at the
// first that fails. The server suite leaves about a fifth of the two cores idle while it waits on MariaDB, Redis
// and its own servers (80 % busy in a quiet .ci/run): the client suite, which shares nothing with it, runs
// beside it, its output printed whole once the server suite's is (decision 0062). The journeys need the built
// app (`npm run build`, about 45 s of CPU); it builds beside the suites too, so the journeys start without
// waiting for a build (docs/decisions/0047-ci-under-twelve-minutes.md). The build's output is printed whole
// when it ends; a failed build fails the run before the journeys.
import { spawn } from 'node:child_process';

function run(args, { capture = false, env = {} } = {}) {
  // Its own process group, so that a failed suite can stop the build and everything npm started for it.
  const child = spawn('npm', args, {
    stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    detached: capture,
    env: { ...process.env, ...env },
  });
  const output = [];
  if (capture) {
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
  }
  const done = new Promise((resolve) => {
    child.on('error', (error) => resolve({ code: 1, output: String(error) }));
    child.on('close', (code) => resolve({ code: code ?? 1, output: Buffer.concat(output).toString() }));
  });
  return { child, done };
}

const buildStarted = Date.now();
const build = run(['run', '--silent', 'build'], { capture: true });
const buildReport = build.done.then(({ code, output }) => {
  const seconds = ((Date.now() - buildStarted) / 1000).toFixed(1);
  process.stdout.write(
    `\n--- npm run build (beside the suites): ${code === 0 ? 'passed' : `failed (exit ${code})`} in ${seconds} s\n${output}`,
  );
  return code;
});

const besides = [build];

function fail(code) {
  for (const beside of besides) {
    try {
      process.kill(-beside.child.pid, 'SIGTERM');
    } catch {
      // It had ended.
    }
  }
  process.exit(code);
}

// Stopped (Ctrl-C, a CI timeout): the build, in its own process group, stops too.
process.on('SIGINT', () => fail(130));
process.on('SIGTERM', () => fail(143));

// vitest's colours, as on a terminal, though its output goes to a pipe.
const client = run(['run', 'test', '--workspace', 'client'], {
  capture: true,
  env: { FORCE_COLOR: process.stdout.isTTY ? '1' : '0' },
});
besides.push(client);
const server = await run(['run', 'test', '--workspace', 'server']).done;
if (server.code !== 0) fail(server.code);
const clientResult = await client.done;
process.stdout.write(`\n--- the client suite (beside the server suite):\n${clientResult.output}`);
if (clientResult.code !== 0) fail(clientResult.code);
const buildCode = await buildReport;
if (buildCode !== 0) fail(buildCode);
const { code } = await run(['run', 'test:journeys']).done;
process.exit(code);
