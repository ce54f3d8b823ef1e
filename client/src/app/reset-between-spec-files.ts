import { forgetSignedInMenuForTests } from './layout/load-signed-in-menu';
import { forgetCommonPasswordsForTests } from '../components/credentials/common-passwords';
import { forgetNoticeCursorsForTests } from '../features/notices/components/notices-page';
import { provideApolloForTests } from '../lib/apollo-loader';
import { portalInfoQuery, viewerQuery } from '../lib/boot-query';
import { i18n } from '../lib/i18n';
import { sessionClock } from '../lib/session-clock';

/**
 * The app's module state that a spec file may leave behind, put back as a fresh module registry would have
 * it for the next file of the same worker (`isolate: false`, docs/decisions/0064; src/test/setup.ts). In app/,
 * which may import the features.
 */
export async function resetForNextSpecFile(): Promise<void> {
  // A fresh i18n starts in the language of the page's path, `/`: English.
  if (i18n.language !== 'en') await i18n.changeLanguage('en');
  // The next file's first render provides its own client; none is left for a spec that renders without one.
  provideApolloForTests(undefined);
  forgetNoticeCursorsForTests();
  forgetSignedInMenuForTests();
  forgetCommonPasswordsForTests();
  viewerQuery.forgetForTests();
  portalInfoQuery.forgetForTests();
  // Nobody signed in: no deadline, as a fresh clock has none.
  sessionClock.noteSession(null);
}
