// `npm run bench:web`: Lighthouse's default mobile run (simulated slow 4G, 4x CPU slowdown) of the built
// portal served as `npm start` serves it, in Debian's Chromium with nothing fetched from the network:
// performance score, first contentful paint, largest contentful paint, total blocking time, layout shift,
// and the bytes loaded, for `/en/` and for the signed-in home (`/en/welcome`). Then the JavaScript sizes
// of scripts/first-load.mjs. Each page is run `--runs` times (3 by default) and the median run reported.
//   npm run build && npm run bench:web [-- --runs 3 --json]
// Times depend on the machine and its load: they belong here, never in a test.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import {
  chromiumFlags,
  chromiumPath,
  defaultBudget,
  firstPages,
  kB,
  measureFirstLoad,
  signedInCookies,
  startBuiltServer,
} from './first-load.mjs';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 3;

/** The figures of one Lighthouse run that the bench reports. */
function figures(lhr) {
  const audit = (id) => lhr.audits[id]?.numericValue ?? Number.NaN;
  const requests = lhr.audits['network-requests']?.details?.items ?? [];
  const bytesOf = (type) =>
    requests.filter((r) => r.resourceType === type).reduce((sum, r) => sum + (r.transferSize ?? 0), 0);
  return {
    score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    fcp: audit('first-contentful-paint'),
    lcp: audit('largest-contentful-paint'),
    tbt: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
    speedIndex: audit('speed-index'),
    totalBytes: audit('total-byte-weight'),
    scriptBytes: bytesOf('Script'),
    shifts: (lhr.audits['layout-shifts']?.details?.items ?? []).map((item) => ({
      score: item.score,
      node: item.node?.snippet ?? item.node?.selector,
    })),
  };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function lighthouseRuns(url, cookies) {
  const results = [];
  for (let run = 0; run < runs; run++) {
    // A fresh browser per run: nothing cached from the run before.
    const chrome = await chromeLauncher.launch({ chromePath: chromiumPath, chromeFlags: chromiumFlags });
    try {
      const result = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance'],
        ...(cookies
          ? { extraHeaders: { Cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') } }
          : {}),
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
      if (result.lhr.runtimeError) throw new Error(`${url}: ${result.lhr.runtimeError.message}`);
      results.push(figures(result.lhr));
    } finally {
      chrome.kill();
    }
  }
  // The run with the median score stands for the page (its figures belong together).
  const score = median(results.map((r) => r.score));
  return { median: results.find((r) => r.score === score), scores: results.map((r) => r.score) };
}

const server = await startBuiltServer();
const report = { runs, pages: [] };
try {
  for (const page of firstPages) {
    const cookies = page.signedIn ? await signedInCookies(server.url) : undefined;
    report.pages.push({ name: page.name, ...(await lighthouseRuns(`${server.url}${page.path}`, cookies)) });
  }
  report.firstLoad = await measureFirstLoad(server.url);
} finally {
  await server.stop();
}

if (args.includes('--json')) {
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} else {
  const ms = (value) => `${(value / 1000).toFixed(1)} s`;
  process.stdout.write(`Lighthouse ${runs} run(s) per page, default mobile settings, median run:\n`);
  for (const { name, median: m, scores } of report.pages) {
    process.stdout.write(
      `${name}: performance ${m.score} (runs: ${scores.join(', ')}), FCP ${ms(m.fcp)}, LCP ${ms(m.lcp)}, ` +
        `TBT ${Math.round(m.tbt)} ms, CLS ${m.cls.toFixed(3)}, speed index ${ms(m.speedIndex)}, ` +
        `${kB(m.totalBytes)} transferred (${kB(m.scriptBytes)} JS)\n`,
    );
    for (const shift of m.shifts.slice(0, 3)) {
      process.stdout.write(`    shift ${shift.score.toFixed(3)}: ${shift.node ?? '?'}\n`);
    }
  }
  process.stdout.write('JavaScript on a first visit (scripts/first-load.mjs):\n');
  for (const r of report.firstLoad) {
    process.stdout.write(
      `${r.name}: ${kB(r.js.gzip)} gzip, ${kB(r.js.brotli)} brotli, ${kB(r.js.wire)} over the wire ` +
        `(${kB(r.js.raw)} as built, ${r.js.files} files), budget ${kB(defaultBudget)} gzip\n`,
    );
  }
}
