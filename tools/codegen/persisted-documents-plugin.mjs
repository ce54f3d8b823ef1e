// @ts-check
/**
 * graphql-codegen plugin: a persisted query manifest (Apollo's "apollo-persisted-query-manifest"
 * format, version 1) for every operation in the client documents.
 *
 * The body is what Apollo Client 4 actually sends: the operation plus the fragments it uses, with
 * `__typename` added by Apollo's own `addTypenameToDocument` (InMemoryCache always adds it), printed
 * by graphql-js. So `id` equals the sha256 that Apollo's persisted-queries link computes at run time,
 * and the server can use the file as an allowlist.
 */
import { createHash } from 'node:crypto';
import { addTypenameToDocument } from '@apollo/client/utilities';
import graphql from 'graphql';

// graphql 16 is CommonJS for Node: take its exports from the default import.
const { Kind, print, visit } = graphql;

/** @typedef {import('graphql').DefinitionNode} DefinitionNode */
/** @typedef {import('graphql').FragmentDefinitionNode} FragmentDefinitionNode */
/** @typedef {import('graphql').OperationDefinitionNode} OperationDefinitionNode */

/**
 * @param {OperationDefinitionNode} operation
 * @param {Map<string, FragmentDefinitionNode>} fragments
 */
function withFragments(operation, fragments) {
  /** @type {Map<string, FragmentDefinitionNode>} */
  const needed = new Map();
  /** @param {import('graphql').ASTNode} node */
  const collect = (node) => {
    visit(node, {
      FragmentSpread(spread) {
        const name = spread.name.value;
        const fragment = fragments.get(name);
        if (!fragment) throw new Error(`Unknown fragment "${name}" used by ${operation.name?.value}`);
        if (needed.has(name)) return;
        needed.set(name, fragment);
        collect(fragment);
      },
    });
  };
  collect(operation);
  /** @type {DefinitionNode[]} */
  const definitions = [
    operation,
    ...[...needed.values()].sort((a, b) => a.name.value.localeCompare(b.name.value)),
  ];
  return addTypenameToDocument({ kind: Kind.DOCUMENT, definitions });
}

/**
 * With `config.idsOnly`, the output is only `{ operationName: id }`: what the browser bundles to send each
 * operation's id beside its text (the bodies stay out of the bundle). With `config.only`, the named operations'
 * ids and bodies, `{ operationName: { id, body } }`: what the first page sends without Apollo Client
 * (client/src/lib/boot-query.ts).
 * @type {import('@graphql-codegen/plugin-helpers').PluginFunction<{ idsOnly?: boolean, only?: string[] }>}
 */
export const plugin = (_schema, documents, config) => {
  const definitions = documents.flatMap((file) => file.document?.definitions ?? []);
  const fragments = new Map(
    definitions
      .filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => /** @type {[string, FragmentDefinitionNode]} */ ([d.name.value, d])),
  );
  const operations = definitions
    .filter((d) => d.kind === Kind.OPERATION_DEFINITION)
    .map((operation) => {
      if (!operation.name) throw new Error('Persisted documents need named operations.');
      const body = print(withFragments(operation, fragments));
      return {
        id: createHash('sha256').update(body).digest('hex'),
        name: operation.name.value,
        type: operation.operation,
        body,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  if (config?.only) {
    const chosen = config.only.map((name) => {
      const operation = operations.find((o) => o.name === name);
      if (!operation) throw new Error(`No operation named ${name} in the client documents.`);
      return [name, { id: operation.id, body: operation.body }];
    });
    return `${JSON.stringify(Object.fromEntries(chosen), null, 2)}\n`;
  }
  if (config?.idsOnly)
    return `${JSON.stringify(Object.fromEntries(operations.map((o) => [o.name, o.id])), null, 2)}\n`;
  return `${JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations }, null, 2)}\n`;
};
