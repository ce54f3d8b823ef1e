// `npm run docs:access`: writes docs/access-model.md from the access table and the schema's guarded fields.
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAppSchema } from '../app/build-schema.js';
import { renderAccessModel } from '../common/auth/access-model-doc.js';

export const accessModelPath = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../docs/access-model.md',
);

writeFileSync(accessModelPath, renderAccessModel(await buildAppSchema()));
console.warn(`wrote ${path.relative(process.cwd(), accessModelPath)}`);
