// Summarises a .cpuprofile (BENCH_PROFILE): self time by package or source file, and the top functions.
// `node bench/support/profile-summary.mjs /tmp/prof/sign-in-sqlite.cpuprofile [top]`
import { readFileSync } from 'node:fs';

const [file, top = '25'] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const deltas = profile.timeDeltas;
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (deltas[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);

/** node_modules/<package>, src/<module>, or what V8 calls it ((idle), (garbage collector), (program)). */
function where(frame) {
  const url = frame.url ?? '';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  const src = /\/server\/(src|bench|test)\/(.*)$/.exec(url);
  if (src) return `${src[1]}/${src[2].split('/').slice(0, 2).join('/')}`;
  if (url.startsWith('node:')) return url;
  return url || frame.functionName || '(native)';
}

const groups = new Map();
const functions = new Map();
for (const [id, time] of self) {
  const frame = byId.get(id).callFrame;
  const group = where(frame);
  groups.set(group, (groups.get(group) ?? 0) + time);
  const fn = `${frame.functionName || '(anonymous)'} ${group}:${frame.lineNumber + 1}`;
  functions.set(fn, (functions.get(fn) ?? 0) + time);
}
const show = (map) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, Number(top))
    .map(
      ([name, t]) =>
        `${((t / total) * 100).toFixed(1).padStart(5)} %  ${(t / 1000).toFixed(0).padStart(6)} ms  ${name}`,
    )
    .join('\n');
process.stdout.write(
  `${file}: ${(total / 1000).toFixed(0)} ms sampled\n\nby package or file:\n${show(groups)}\n\nby function:\n${show(functions)}\n`,
);
