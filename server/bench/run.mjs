// `npm run bench [-- --only sign-in,portfolio] [--db sqlite|mariadb|mysql] [--scale 0.1] [--out file] [--profile dir]`
// (docs/performance.md): the options are the BENCH* variables, spelled as arguments; the bench files none of
// the chosen scenarios live in are not loaded at all. Whatever else is given goes to `vitest bench` as is.
import { spawn } from 'node:child_process';

const files = {
  portfolio: 'bench/portfolio.bench.ts',
  'portfolio-5000': 'bench/portfolio.bench.ts',
  'sign-in': 'bench/floors.bench.ts',
  typename: 'bench/floors.bench.ts',
  notices: 'bench/notices.bench.ts',
  http: 'bench/http.bench.ts',
};
const databases = { sqlite: 'sqlite', mysql: 'mysql', mariadb: 'mysql' };
const options = {
  only: 'BENCH',
  db: 'BENCH_DRIVERS',
  scale: 'BENCH_SCALE',
  out: 'BENCH_OUT',
  profile: 'BENCH_PROFILE',
};

const env = { ...process.env };
const rest = [];
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i += 1) {
  const match = /^--(only|db|scale|out|profile)(?:=(.*))?$/.exec(args[i]);
  if (!match) {
    rest.push(args[i]);
    continue;
  }
  const value = match[2] ?? args[++i];
  if (value === undefined) throw new Error(`${args[i - 1]} needs a value`);
  env[options[match[1]]] = value;
}

const fail = (message) => {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
};
const wanted = (env.BENCH ?? 'all')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
for (const name of wanted)
  if (name !== 'all' && !files[name]) fail(`unknown scenario ${name} (${Object.keys(files).join(', ')})`);
if (env.BENCH_DRIVERS) {
  const chosen = env.BENCH_DRIVERS.split(',').map((s) => s.trim());
  for (const name of chosen) if (!databases[name]) fail(`unknown database ${name} (sqlite, mariadb, mysql)`);
  env.BENCH_DRIVERS = [...new Set(chosen.map((name) => databases[name]))].join(',');
  if (env.BENCH_DRIVERS.includes('mysql') && !env.MYSQL_URL) fail('--db mariadb needs MYSQL_URL');
}
// The libraries run as they do in production (docs/operations.md: NODE_ENV=production): graphql-js's
// development checks (its `instanceOf`, 6 % of a sign-in's server thread under vitest's NODE_ENV=test) are not
// the server's cost. The app's own configuration is the test app's (test/support/test-app.ts), whatever this is.
env.NODE_ENV ??= 'production';
const paths = wanted.includes('all') ? [] : [...new Set(wanted.map((name) => files[name]))];

const child = spawn('npx', ['vitest', 'bench', '--run', '--no-file-parallelism', ...paths, ...rest], {
  env,
  stdio: 'inherit',
});
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
