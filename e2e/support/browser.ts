import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** True when Chromium is there. In CI its absence is a failure, never a skip. */
export const hasChromium = existsSync(executablePath);
if (!hasChromium) {
  if (process.env.CI === 'true') throw new Error(`CI=true but Chromium is missing at ${executablePath}.`);
  console.warn(`\n[passerelle] Chromium not found at ${executablePath}: SKIPPING the browser tests.\n`);
}

/** Debian's Chromium, headless, with the flags this closed network needs (no background connections). */
export function launchChromium(): Promise<Browser> {
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

/**
 * Waits for the page to reach `url`; on a timeout, says what the page shows instead (its alerts and
 * its heading), so that a failed journey in CI tells why without a screenshot.
 */
export async function arriveAt(page: Page, url: string): Promise<void> {
  try {
    await page.waitForURL(url);
  } catch (error) {
    const shown = await page
      .evaluate(() =>
        Array.from(document.querySelectorAll('[role="alert"], gcds-notice, gcds-error-summary, h1'))
          .map((element) => element.textContent?.replace(/\s+/g, ' ').trim())
          .filter(Boolean)
          .join(' | '),
      )
      .catch(() => '(page not readable)');
    throw new Error(`Expected ${url}, still at ${page.url()}; the page shows: ${shown}`, { cause: error });
  }
}
