import { AxeBuilder } from '@axe-core/playwright';
import { type Page } from 'playwright-core';
import { expect } from 'vitest';

export const wcag21aa = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Every WCAG 2.1 A and AA rule axe knows, on the page as it is now; `where` names it in a failure. */
export async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(wcag21aa).analyze();
  const summary = violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect({ where, violations: summary }).toEqual({ where, violations: [] });
}
