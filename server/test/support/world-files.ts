import { readFileSync } from 'node:fs';

/**
 * Whether a test file reads the run's portfolio world (support/world-templates.ts): the global setup builds the
 * world only for a run that has one, and the sequencer (vitest.config.ts) runs them last.
 */
export const usesWorld = (specFile: string): boolean =>
  readFileSync(specFile, 'utf8').includes('portfolioWorld(');

/** Left in the run's worlds directory by the global setup when the process that builds the worlds has ended. */
export const BUILDER_ENDED = 'builder-ended';
