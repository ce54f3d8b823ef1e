// Finds the deprecated fields, arguments and enum values that operations select, with graphql-js's own
// NoDeprecatedCustomRule (a TypeInfo visitor) over each document against the published schema.
// `npm run check:deprecated` runs it over client/src/**/*.graphql: the app must not lean on what the API
// tells brokers to stop using (decision 0017 drops the deprecated lists once nobody selects them).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, NoDeprecatedCustomRule, parse, Source, validate } from 'graphql';

/** Every `.graphql` file under `dir`, sorted. */
export function graphqlFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.graphql'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/**
 * The deprecated selections of the documents (`{ name, body }`), as `file:line:column message`. All the
 * documents are validated together, so a fragment used in another file is checked where it is defined.
 */
export function deprecatedSelections(schemaSdl, documents) {
  const schema = buildSchema(schemaSdl);
  const found = [];
  for (const { name, body } of documents) {
    const document = parse(new Source(body, name));
    for (const error of validate(schema, document, [NoDeprecatedCustomRule])) {
      const where = error.locations?.[0];
      found.push(`${name}:${where?.line ?? 0}:${where?.column ?? 0} ${error.message}`);
    }
  }
  return found;
}

/** The check over a repository: the client's operations against schema/schema.graphql. */
export function deprecatedSelectionsInRepo(root) {
  const files = graphqlFiles(path.join(root, 'client', 'src'));
  return deprecatedSelections(
    readFileSync(path.join(root, 'schema', 'schema.graphql'), 'utf8'),
    files.map((file) => ({ name: path.relative(root, file), body: readFileSync(file, 'utf8') })),
  );
}
