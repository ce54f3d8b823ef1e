// `npm run check`: formatting, lint, types, drift of generated files, API changes and deprecated selections. Lint (type-aware
// eslint, the longest at about 90 s) runs beside the others, which together take about as long: on two cores
// the whole check takes the time of the longer half instead of the sum. Each script's output is printed
// whole when it ends, so the two halves do not interleave; the check fails when either half fails.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// `--without-lint`: .ci/run runs lint on its own, beside this check and then beside `npm test`, whose suites
// leave part of the two cores idle while they wait on databases and browsers; the rest is split in two halves
// of about a minute each (decision 0056).
// `--without-types`: .ci/run runs the type check too on its own, before lint, whose cache it prunes by what
// the type check found changed (scripts/ci-cache.mjs, decision 0062).
const withoutTypes = process.argv.includes('--without-types');
const halves = process.argv.includes('--without-lint')
  ? [
      ['format:check', 'check:drift'],
      [...(withoutTypes ? [] : ['typecheck']), 'check:api', 'check:deprecated'],
    ]
  : [['lint'], ['format:check', 'typecheck', 'check:drift', 'check:api', 'check:deprecated']];

// `--drift-record <file>`: .ci/run keeps there, outside the clone, the tree (git's hash of every committed file)
// and the Node on which check:drift last passed. The generators it reruns are deterministic, so on the very same
// tree and Node it would pass again: it is not rerun. Any change to any file, or uncommitted changes, run it
// (decision 0062).
const recordAt = process.argv.indexOf('--drift-record');
const driftRecord = recordAt >= 0 ? process.argv[recordAt + 1] : undefined;
function treeKey() {
  try {
    const git = (...args) => execFileSync('git', args, { encoding: 'utf8' }).trim();
    if (git('status', '--porcelain') !== '') return undefined;
    return `${git('rev-parse', 'HEAD^{tree}')} ${process.version}`;
  } catch {
    return undefined;
  }
}
const tree = driftRecord ? treeKey() : undefined;
const driftPassedBefore =
  tree !== undefined && existsSync(driftRecord) && readFileSync(driftRecord, 'utf8') === tree;

function runScript(script) {
  if (script === 'check:drift' && driftPassedBefore)
    return Promise.resolve({
      code: 0,
      output: `skipped: passed on this very tree (${tree}) in an earlier run\n`,
    });
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('error', (error) => resolve({ code: 1, output: String(error) }));
    child.on('close', (code) => resolve({ code: code ?? 1, output: Buffer.concat(output).toString() }));
  });
}

async function runHalf(scripts) {
  for (const script of scripts) {
    const started = Date.now();
    const { code, output } = await runScript(script);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      `\n--- npm run ${script}: ${code === 0 ? 'passed' : `failed (exit ${code})`} in ${seconds} s\n${output}`,
    );
    if (code !== 0) return false;
    if (script === 'check:drift' && tree !== undefined && !driftPassedBefore) {
      mkdirSync(path.dirname(driftRecord), { recursive: true });
      writeFileSync(driftRecord, tree);
    }
  }
  return true;
}

const results = await Promise.all(halves.map(runHalf));
if (results.includes(false)) process.exit(1);
