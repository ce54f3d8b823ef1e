// `npm run check:first-load`: the JavaScript a browser loads for the portal's first page (`/en/`) and for
// the signed-in home (`/en/welcome`), on a first visit (empty cache), in Debian's Chromium, against the
// built app served as `npm start` serves it. Each script's size is counted as the build's precompressed
// copies say (gzip -9 and brotli 11, what the server sends), and as it went over the wire. Fails when a
// page needs more than the budget of gzip JavaScript (docs/decisions/0024-first-load.md).
//   node scripts/first-load.mjs [--json] [--budget 200000]
// Needs `npm run build` first. bench-web.mjs reuses the server and sign-in helpers.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const distDir = path.join(repoRoot, 'client', 'dist');
const serverMain = path.join(repoRoot, 'server', 'dist', 'main.js');
export const chromiumPath = process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** What this closed machine needs: no sandbox as root, no GPU, no background connection anywhere. */
export const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** 200 kB (1,000 bytes each) of gzip JavaScript for a page's first visit. */
export const defaultBudget = 200_000;
// The credential rules refuse a username that shares 3 characters with the password: letters not in it.
const password = 'Maple!Leaf7';
const usernameLetters = 'bdghjknquvwxyz';

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {net.AddressInfo} */ (probe.address());
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Runs the built server (`node server/dist/main.js`, what `npm start` runs after its build) on a free
 * port of 127.0.0.1 with a temp DATA_DIR (embedded SQLite); `stop()` ends it and removes the folder.
 */
export async function startBuiltServer() {
  for (const file of [serverMain, path.join(distDir, 'index.html')]) {
    if (!existsSync(file))
      throw new Error(`${path.relative(repoRoot, file)} is missing: run \`npm run build\``);
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-first-load-'));
  const port = await freePort();
  const child = spawn(process.execPath, [serverMain], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DEV_IDENTITY_PROVIDER_PORT: '0',
      LOG_LEVEL: 'info',
      // The pages as production shows them: no "Try the demo" panel (and its chunk), which only a demo
      // server offers (docs/decisions/0050). The reference data is still imported.
      DEMO_WORLD: 'false',
    },
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${stderr}`)), 90_000);
    let buffer = '';
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      if (buffer.includes('"msg":"listening"')) {
        clearTimeout(timer);
        child.stdout.resume();
        resolve(undefined);
      }
      buffer = buffer.slice(-200);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code}:\n${stderr}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => {
          rmSync(dataDir, { recursive: true, force: true });
          resolve(undefined);
        });
        child.kill('SIGTERM');
      }),
  };
}

/** One GraphQL request with the cookies so far; keeps the ones the answer sets. */
async function graphql(baseUrl, cookies, query, variables = {}, headers = {}) {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  for (const setCookie of response.headers.getSetCookie()) {
    const [pair = ''] = setCookie.split(';');
    const separator = pair.indexOf('=');
    cookies.set(pair.slice(0, separator).trim(), pair.slice(separator + 1).trim());
  }
  const body = await response.json();
  if (body.errors) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/**
 * A new person who registered a GCKey, signed in, accepted the terms of use and saved a profile, through the API (as a
 * browser would); the session's cookies, to hand to a browser or to Lighthouse.
 */
export async function signedInCookies(baseUrl) {
  const cookies = new Map();
  const username = `qz${Array.from({ length: 10 }, () => usernameLetters[Math.floor(Math.random() * 14)]).join('')}`;
  // Registered as by another browser: a session there would ask sign-in here for a CSRF token.
  const registration = new Map();
  const { recoveryQuestions } = await graphql(baseUrl, registration, '{ recoveryQuestions { id } }');
  const registered = await graphql(
    baseUrl,
    registration,
    'mutation ($input: RegisterLocalCredentialInput!) { registerLocalCredential(input: $input) { userErrors { code } } }',
    {
      input: {
        acceptTerms: true,
        username,
        password,
        passwordConfirmation: password,
        recovery: {
          questionId: recoveryQuestions[0]?.id,
          answer: 'Trois Rivieres',
          memorablePerson: 'Grandma Rose',
          memorableDate: '1987-06-15',
        },
      },
    },
  );
  if (registered.registerLocalCredential.userErrors.length) {
    throw new Error(`could not register: ${JSON.stringify(registered.registerLocalCredential.userErrors)}`);
  }
  const signedIn = await graphql(
    baseUrl,
    cookies,
    'mutation ($input: SignInInput!) { signIn(input: $input) { userErrors { code } } }',
    { input: { username, password } },
  );
  const { session } = await graphql(baseUrl, cookies, '{ session { csrfToken } }');
  const terms = await graphql(
    baseUrl,
    cookies,
    'mutation { respondToTerms(accept: true) { userErrors { code } } }',
    {},
    { 'x-csrf-token': session?.csrfToken ?? '' },
  );
  // With a personal profile, the welcome page is the person's home (without one it sends them to /profile).
  const email = `${username}@example.com`;
  const profile = await graphql(
    baseUrl,
    cookies,
    'mutation ($input: SavePersonalProfileInput!) { savePersonalProfile(input: $input) { userErrors { field code } } }',
    {
      input: {
        firstName: 'Jane',
        lastName: 'Doe',
        phone: '613-555-0101',
        email,
        emailConfirmation: email,
        receiveNoticeEmails: false,
        acceptNoticeTerms: true,
        preferredLanguage: 'EN',
      },
    },
    { 'x-csrf-token': session?.csrfToken ?? '' },
  );
  const problems = [signedIn.signIn, terms.respondToTerms, profile.savePersonalProfile].flatMap(
    (payload) => payload.userErrors,
  );
  if (problems.length) throw new Error(`could not sign in through the API: ${JSON.stringify(problems)}`);
  return cookies;
}

/** Bytes of a built asset: as built, and as the precompressed copies the server sends (the file when none). */
function assetSizes(pathname) {
  const file = path.join(distDir, decodeURIComponent(pathname));
  const size = (f) => (existsSync(f) ? statSync(f).size : undefined);
  const raw = size(file) ?? 0;
  return { raw, gzip: size(`${file}.gz`) ?? raw, brotli: size(`${file}.br`) ?? raw };
}

/** The portal's two first pages: the public landing page and, signed in, the home after sign-in. */
export const firstPages = [
  { name: 'landing /en/', path: '/en/', signedIn: false, heading: 'Passerelle client portal' },
  { name: 'signed-in home /en/welcome', path: '/en/welcome', signedIn: true, heading: undefined },
];

/** Loads one page in a fresh context (empty cache) and sums the scripts and style sheets it loaded. */
async function measurePage(browser, baseUrl, page, cookies) {
  const context = await browser.newContext({ locale: 'en-CA' });
  if (cookies) {
    await context.addCookies([...cookies].map(([name, value]) => ({ name, value, url: baseUrl })));
  }
  const tab = await context.newPage();
  const loaded = [];
  tab.on('requestfinished', (request) => {
    const type = request.resourceType();
    if (type === 'script' || type === 'stylesheet') loaded.push({ type, request });
  });
  await tab.goto(`${baseUrl}${page.path}`, { waitUntil: 'load' });
  await tab.locator('h1').first().waitFor({ timeout: 30_000 });
  if (page.heading) await tab.getByRole('heading', { level: 1, name: page.heading }).waitFor();
  // Whatever the page fetches once it shows (a namespace, a chunk): counted too.
  await tab.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined);
  if (
    new URL(tab.url()).pathname !== page.path.replace(/\/$/, '') &&
    new URL(tab.url()).pathname !== page.path
  ) {
    throw new Error(`${page.name}: the browser ended at ${tab.url()}`);
  }
  const totals = {
    js: { files: 0, raw: 0, gzip: 0, brotli: 0, wire: 0 },
    css: { files: 0, raw: 0, gzip: 0, brotli: 0, wire: 0 },
  };
  const scripts = [];
  for (const { type, request } of loaded) {
    const url = new URL(request.url());
    if (url.origin !== baseUrl) throw new Error(`${page.name} loaded ${url.href} from another origin`);
    const sizes = assetSizes(url.pathname);
    const { responseBodySize } = await request.sizes();
    const sum = totals[type === 'script' ? 'js' : 'css'];
    sum.files += 1;
    sum.raw += sizes.raw;
    sum.gzip += sizes.gzip;
    sum.brotli += sizes.brotli;
    sum.wire += responseBodySize;
    if (type === 'script') scripts.push({ file: url.pathname, ...sizes });
  }
  await context.close();
  return { ...page, ...totals, scripts: scripts.sort((a, b) => b.gzip - a.gzip) };
}

/** Measures every first page against a running portal. */
export async function measureFirstLoad(baseUrl) {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: chromiumFlags,
  });
  try {
    const results = [];
    for (const page of firstPages) {
      const cookies = page.signedIn ? await signedInCookies(baseUrl) : undefined;
      results.push(await measurePage(browser, baseUrl, page, cookies));
    }
    return results;
  } finally {
    await browser.close();
  }
}

export const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

async function main() {
  const args = process.argv.slice(2);
  const budgetAt = args.indexOf('--budget');
  const budget = budgetAt >= 0 ? Number(args[budgetAt + 1]) : defaultBudget;
  const server = await startBuiltServer();
  let results;
  try {
    results = await measureFirstLoad(server.url);
  } finally {
    await server.stop();
  }
  const over = results.filter((r) => r.js.gzip > budget);
  if (args.includes('--json')) {
    process.stdout.write(`${JSON.stringify({ budget, results }, null, 2)}\n`);
  } else {
    for (const r of results) {
      process.stdout.write(
        `${r.name}: ${r.js.files} scripts, JS ${kB(r.js.raw)} as built, ${kB(r.js.gzip)} gzip, ` +
          `${kB(r.js.brotli)} brotli, ${kB(r.js.wire)} over the wire; CSS ${kB(r.css.gzip)} gzip\n`,
      );
      for (const s of r.scripts.slice(0, 6))
        process.stdout.write(`    ${kB(s.gzip).padStart(9)}  ${s.file}\n`);
    }
    process.stdout.write(
      over.length
        ? `Over the budget of ${kB(budget)} gzip JS: ${over.map((r) => r.name).join(', ')}\n`
        : `Every page is within the budget of ${kB(budget)} gzip JS.\n`,
    );
  }
  if (over.length) process.exitCode = 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
