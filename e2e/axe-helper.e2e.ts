import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, expectNoAxeViolations } from './support/axe.js';
import { hasChromium, launchChromium } from './support/browser.js';

// The journeys' accessibility check itself (support/axe.ts): it must find what axe finds, in the document and
// in open shadow roots (where GCDS keeps its controls), again on the same document, and on a page with frames.
describe.runIf(hasChromium)('the journeys’ axe check', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('passes a clean page, and names each violation, in the document and in a shadow root', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.setContent(
      '<html lang="en"><head><title>Clean</title></head><body><main><h1>Clean</h1></main></body></html>',
    );
    await expectNoAxeViolations(page, 'clean page');

    await page.setContent(
      `<html lang="en"><head><title>Broken</title></head><body><main><h1>Broken</h1>
        <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" id="no-alt">
        <div id="host"></div></main></body></html>`,
    );
    await page.evaluate(() => {
      const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
      root.innerHTML = '<input type="text" id="unlabelled">';
    });
    const found = await axeViolations(page);
    expect(found).toEqual([
      expect.stringMatching(/^image-alt \(critical\): #no-alt$/),
      expect.stringMatching(/^label \(critical\): #host,#unlabelled$/),
    ]);
    await expect(expectNoAxeViolations(page, 'broken page')).rejects.toThrow();

    // Axe is in the document now: a second check on it still sees what changed since.
    await page.evaluate(() => document.getElementById('no-alt')!.setAttribute('alt', 'A dot'));
    await page.evaluate(() => document.getElementById('host')!.remove());
    await expectNoAxeViolations(page, 'the same page, mended');
    await page.context().close();
  });

  it('checks inside a frame too', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.setContent(
      `<html lang="en"><head><title>Framed</title></head><body><main><h1>Framed</h1>
        <iframe title="Inner" srcdoc='<html lang="en"><head><title>Inner</title></head><body><img src="x.gif" id="framed-no-alt"></body></html>'></iframe>
        </main></body></html>`,
    );
    await page.frames()[1]?.waitForLoadState();
    expect(await axeViolations(page)).toEqual([expect.stringMatching(/^image-alt .*#framed-no-alt/)]);
    await page.context().close();
  });
});
