// The decorators of the app's entities and resolvers read this (vitest's workers load it as a setup file).
import 'reflect-metadata';
import { drivers } from './databases.js';
import { buildWorlds } from './world-templates.js';

// `node --import ./test/support/ts-register.mjs test/support/build-worlds.ts`: builds the run's portfolio
// worlds (support/world-templates.ts). Started by the suite's global setup, with its environment (the
// templates and the worlds directory); a failure is left in the worlds directory for the files that wait.
await buildWorlds(drivers);
