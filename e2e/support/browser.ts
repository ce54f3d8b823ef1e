import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

// Debian's chromium-headless-shell: the same Blink and V8 as Debian's chromium, without the browser's own
// layers (what Playwright itself drives headless by default). The journeys are about two thirds Chromium's
// CPU; the shell spent about a third less on the same journeys (decision 0055). CHROMIUM_PATH=/usr/bin/chromium
// runs them in the full browser.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium-headless-shell';

/** True when Chromium's headless shell is there. In CI its absence is a failure, never a skip. */
export const hasChromium = existsSync(executablePath);
if (!hasChromium) {
  if (process.env.CI === 'true') throw new Error(`CI=true but Chromium is missing at ${executablePath}.`);
  console.warn(`\n[passerelle] Chromium not found at ${executablePath}: SKIPPING the browser tests.\n`);
}

/** Debian's Chromium headless shell, with the flags this closed network needs (no background connections). */
function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The worker's Chromium, launched by its first file and kept for the next (Playwright ends it with the worker). */
let shared: Promise<Browser> | undefined;

/**
 * A handle on the worker's Chromium for one test file. Its contexts are the file's own, as isolated from the
 * other files' as from each other (cookies, storage, cache); `close()` closes them, not the browser. A worker
 * runs its files one after the other in one process (e2e/vitest.config.ts, decision 0057): the browser's own
 * start and end, about 0.7 CPU-s with its GPU and network processes, is paid once per worker instead of once per
 * file. A browser that crashed or disconnected is launched again for the next file.
 */
export async function launchChromium(): Promise<Browser> {
  let browser = await (shared ??= launch()).catch((error: unknown) => {
    shared = undefined;
    throw error;
  });
  if (!browser.isConnected()) browser = await (shared = launch());
  const contexts = new Set<BrowserContext>();
  const newContext: Browser['newContext'] = async (options) => {
    const context = await browser.newContext(options);
    contexts.add(context);
    context.once('close', () => contexts.delete(context));
    return context;
  };
  const overrides: Partial<Browser> = {
    newContext,
    // As Playwright's own: a page in a context of its own, which ends with the page.
    newPage: async (options) => {
      const context = await newContext(options);
      const page = await context.newPage();
      page.once('close', () => void context.close());
      return page;
    },
    close: async () => {
      await Promise.all([...contexts].map((context) => context.close()));
    },
  };
  return new Proxy(browser, {
    get(target, property, receiver) {
      if (property in overrides) return overrides[property as keyof Browser];
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * Waits for the page to reach `url`; on a timeout, says what the page shows instead (its alerts and
 * its heading), so that a failed journey in CI tells why without a screenshot.
 */
export async function arriveAt(
  page: Page,
  url: string,
  server?: { logs: ReadonlyArray<Record<string, unknown>> },
): Promise<void> {
  try {
    await page.waitForURL(url);
  } catch (error) {
    // Playwright's CSS engine pierces open shadow roots: GCDS keeps its headings, error summaries and
    // field errors in theirs, where document.querySelectorAll does not look.
    const shown = await page
      .locator('[role="alert"], h1, gcds-notice')
      .allInnerTexts()
      .then((texts) =>
        texts
          .map((text) => text.replace(/\s+/g, ' ').trim())
          .filter(Boolean)
          .join(' | '),
      )
      .catch(() => '(page not readable)');
    // The server's last API requests (method, path, status, duration: no personal data) tell a request
    // that never came from one that failed or hung.
    const requests = (server?.logs ?? [])
      .filter((entry) => entry.msg === 'request' && !String(entry.path).startsWith('/assets/'))
      .slice(-8)
      .map(
        (entry) =>
          `${String(entry.method)} ${String(entry.path)} ${String(entry.status)} ${String(entry.ms)}ms`,
      );
    const tail = requests.length ? `; the server's last requests: ${requests.join(', ')}` : '';
    const message = `Expected ${url}, still at ${page.url()}; the page shows: ${shown}${tail}`;
    // Printed as well as thrown: when the retry passes, the run's output still says what went wrong.
    console.warn(`[passerelle] ${message}`);
    throw new Error(message, { cause: error });
  }
}
