// `npm test`: the server suite, then the client suite, then the browser journeys, stopping at the first that
// fails. The journeys need the built app (`npm run build`, about 45 s of CPU); it builds beside the server and
// client suites, which wait on their databases much of the time, so the journeys start without waiting for a
// build (docs/decisions/0047-ci-under-twelve-minutes.md). The build's output is printed whole when it ends;
// a failed build fails the run before the journeys.
import { spawn } from 'node:child_process';

function run(args, { capture = false } = {}) {
  // Its own process group, so that a failed suite can stop the build and everything npm started for it.
  const child = spawn('npm', args, {
    stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    detached: capture,
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

function fail(code) {
  try {
    process.kill(-build.child.pid, 'SIGTERM');
  } catch {
    // The build had ended.
  }
  process.exit(code);
}

// Stopped (Ctrl-C, a CI timeout): the build, in its own process group, stops too.
process.on('SIGINT', () => fail(130));
process.on('SIGTERM', () => fail(143));

for (const workspace of ['server', 'client']) {
  const { code } = await run(['run', 'test', '--workspace', workspace]).done;
  if (code !== 0) fail(code);
}
const buildCode = await buildReport;
if (buildCode !== 0) fail(buildCode);
const { code } = await run(['run', 'test:journeys']).done;
process.exit(code);
