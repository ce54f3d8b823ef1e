// `node --import ./test/support/ts-register.mjs src/main.ts`: runs the server from its sources (ts-hooks.mjs).
import { register } from 'node:module';

register('./ts-hooks.mjs', import.meta.url);
