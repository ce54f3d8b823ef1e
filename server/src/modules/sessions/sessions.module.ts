import { type ModuleManifest } from '../../app/module-manifest.js';
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
    ({ config, dataSource, job }) =>
      job({
        name: 'session-purge',
        everyMs: SESSION_PURGE_INTERVAL_MS,
        async run() {
          const count = await purgeExpiredSessions(dataSource, config);
          return count ? { purgedSessions: count } : undefined;
        },
      }),
  ],
};
