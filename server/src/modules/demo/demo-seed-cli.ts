// `npm run demo:seed`: seeds the demo world (demo-world.service.ts) in the configured database, once; a
// second run changes nothing. Refused when the demo is off (NODE_ENV=production or SEED_DEMO_DATA=false).
import 'reflect-metadata';
import { loadConfig } from '../../config/env.js';
import { openDatabase } from '../../database/data-source.js';
import { seedDemoWorld } from './demo-world.service.js';

const config = loadConfig(process.env, process.env.INIT_CWD ?? process.cwd());
if (!config.demo) {
  console.error('The demo is off (NODE_ENV=production or SEED_DEMO_DATA=false): nothing was seeded.');
  process.exit(2);
}
const dataSource = await openDatabase(config.database, config.databaseTimeouts);
try {
  const seeded = await seedDemoWorld(dataSource, config);
  process.stdout.write(
    seeded
      ? 'Seeded the demo world. Start the portal (npm start) and choose a person under "Try the demo" on the landing page.'
      : 'The demo world is already there: nothing was changed.',
  );
  process.stdout.write('\n');
} finally {
  await dataSource.destroy();
}
