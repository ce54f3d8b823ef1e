import { type ModuleManifest } from '../../app/module-manifest.js';
import { idempotencyEntities } from './idempotency.entities.js';
import { sweepIdempotencyKeys } from './idempotency.service.js';

/** How often keys older than 24 hours are deleted. */
const SWEEP_EVERY_MS = 60 * 60_000;

// Idempotency keys of mutations (decision 0029). The Apollo plugin that uses them is app/idempotency-plugin.ts.
export const idempotencyModule: ModuleManifest = {
  name: 'idempotency',
  entities: idempotencyEntities,
  workers: [
    // Once per hour across every process (a job under a lease, decision 0027).
    ({ dataSource, config, job }) =>
      job({
        name: 'idempotency-key-sweep',
        everyMs: SWEEP_EVERY_MS,
        run: async () => {
          await sweepIdempotencyKeys(dataSource, config.now());
        },
      }),
  ],
};
