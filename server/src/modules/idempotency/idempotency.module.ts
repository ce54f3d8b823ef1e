import { type ModuleManifest } from '../../app/module-manifest.js';
import { intervalWorker } from '../../common/workers/interval-worker.js';
import { idempotencyEntities } from './idempotency.entities.js';
import { sweepIdempotencyKeys } from './idempotency.service.js';

/** How often keys older than 24 hours are deleted. */
const SWEEP_EVERY_MS = 60 * 60_000;

// Idempotency keys of mutations (decision 0029). The Apollo plugin that uses them is app/idempotency-plugin.ts.
export const idempotencyModule: ModuleManifest = {
  name: 'idempotency',
  entities: idempotencyEntities,
  workers: [
    ({ dataSource, config, log }) =>
      intervalWorker(log, SWEEP_EVERY_MS, 'idempotency key sweep failed; next try later', async () => {
        await sweepIdempotencyKeys(dataSource, config.now());
      }),
  ],
};
