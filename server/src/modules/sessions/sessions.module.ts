import { type ModuleManifest } from '../../app/module-manifest.js';
import { intervalWorker } from '../../common/workers/interval-worker.js';
import { SessionResolver } from './session.resolver.js';
import { purgeExpiredSessions } from './session.service.js';
import { UserSession } from './user-session.entity.js';

/** How often expired sessions nobody came back to are deleted. */
const SESSION_PURGE_INTERVAL_MS = 10 * 60_000;

export const sessionsModule: ModuleManifest = {
  name: 'sessions',
  resolvers: [SessionResolver],
  entities: [UserSession],
  workers: [
    ({ config, dataSource, log }) =>
      intervalWorker(log, SESSION_PURGE_INTERVAL_MS, 'session purge failed; next try later', async () => {
        const count = await purgeExpiredSessions(dataSource, config);
        if (count) log.info({ count }, 'purged expired sessions');
      }),
  ],
};
