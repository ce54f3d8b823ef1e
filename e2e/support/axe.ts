import { AxeBuilder } from '@axe-core/playwright';
import axe from 'axe-core';
import { type Page } from 'playwright-core';
import { expect } from 'vitest';

export const wcag21aa = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface Violation {
  id: string;
  impact?: string | null;
  nodes: Array<{ target: unknown[] }>;
}

/**
 * The page's violations, from axe run in the page itself: axe's script is put in once per document and
 * `axe.run` checks the document, open shadow roots included. `AxeBuilder.analyze()` puts the 550 kB script in
 * again at every call and finishes each run in a new blank page: 2.5 to 6 s a call against 1.1 to 2.2 s here,
 * with the same rules and the same results (decision 0055), and the journeys call it about 150 times. A page
 * with frames (the portal has none) still goes through `AxeBuilder`, which checks every frame.
 */
async function violationsOf(page: Page): Promise<Violation[]> {
  if (page.frames().length > 1) {
    return (await new AxeBuilder({ page }).withTags(wcag21aa).analyze()).violations;
  }
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  return page.evaluate(
    (tags) =>
      (window as unknown as { axe: typeof axe }).axe
        .run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
        .then(({ violations }) =>
          violations.map((v) => ({
            id: v.id,
            impact: v.impact,
            nodes: v.nodes.map((n) => ({ target: n.target })),
          })),
        ),
    wcag21aa,
  );
}

/** Each violation of a WCAG 2.1 A or AA rule on the page as it is now: `rule (impact): its elements`. */
export async function axeViolations(page: Page): Promise<string[]> {
  return (await violationsOf(page)).map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** Every WCAG 2.1 A and AA rule axe knows, on the page as it is now; `where` names it in a failure. */
export async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  expect({ where, violations: await axeViolations(page) }).toEqual({ where, violations: [] });
}
