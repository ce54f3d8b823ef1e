// Writes the journeys' prepared database (e2e/support/global-setup.ts): what the built server's first start
// makes before it serves (server/src/main.ts), the migrations run and the demo reference data imported, with
// the built server's own code, in one SQLite file. Usage: node e2e/support/prepare-database.mjs <file>
import 'reflect-metadata';
import { openDatabase } from '../../server/dist/database/data-source.js';
import { seedDemoReferenceDataIfEmpty } from '../../server/dist/modules/registry/reference-data.service.js';

const file = process.argv[2];
if (!file) throw new Error('usage: prepare-database.mjs <file>');
const dataSource = await openDatabase({ type: 'sqlite', file });
if (!(await seedDemoReferenceDataIfEmpty(dataSource))) throw new Error(`${file}: the registry was not empty`);
// Everything in the one file, so that copying the file copies the database.
await dataSource.query('PRAGMA wal_checkpoint(TRUNCATE)');
await dataSource.query('PRAGMA journal_mode = DELETE');
await dataSource.destroy();
