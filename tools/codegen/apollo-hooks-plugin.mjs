// @ts-check
/**
 * graphql-codegen plugin: one named React hook per operation, typed against Apollo Client 4.
 *
 * It runs after `typescript-operations` and `typed-document-node` in the same output file and only
 * adds thin wrappers around the `XDocument` typed documents those plugins emit. Why a project-owned
 * plugin: `@graphql-codegen/typescript-react-apollo` targets Apollo Client 3 (hooks imported from
 * '@apollo/client', `QueryHookOptions`, `Apollo.` namespace) and does not compile against Apollo
 * Client 4. See docs/decisions/0002-codegen-apollo-hooks.md.
 *
 * Plain JavaScript (ES module with JSDoc types) so the codegen CLI can load it by path without a
 * TypeScript loader.
 */
import { convertFactory } from '@graphql-codegen/visitor-plugin-common';
import graphql from 'graphql';

// graphql 16 is CommonJS for Node: take its exports from the default import.
const { Kind } = graphql;

/** @typedef {import('graphql').OperationDefinitionNode} OperationDefinitionNode */
/** @typedef {import('graphql').VariableDefinitionNode} VariableDefinitionNode */

/**
 * @typedef {object} ApolloHooksConfig
 * @property {string | object} [namingConvention] shared with typescript-operations
 * @property {string} [typesPrefix]
 * @property {string} [typesSuffix]
 * @property {string} [documentVariablePrefix] shared with typed-document-node
 * @property {string} [documentVariableSuffix]
 * @property {boolean} [dedupeOperationSuffix]
 * @property {boolean} [omitOperationSuffix]
 * @property {boolean} [withLazyQuery] emit useXLazyQuery (default true)
 * @property {boolean} [withSuspenseQuery] emit useXSuspenseQuery (default true)
 * @property {string} [apolloReactModule] where the hooks come from (default '@apollo/client/react')
 */

const operationTypes = /** @type {const} */ ({
  query: 'Query',
  mutation: 'Mutation',
  subscription: 'Subscription',
});

/**
 * A variable makes the options argument mandatory when it is non-null and has no default, which is
 * exactly when typescript-operations makes it a required property of the variables type.
 * @param {readonly VariableDefinitionNode[] | undefined} variables
 */
function hasRequiredVariables(variables) {
  return (variables ?? []).some((v) => v.type.kind === Kind.NON_NULL_TYPE && !v.defaultValue);
}

/**
 * Names must match the ones typescript-operations and typed-document-node derive from the same
 * config, so this repeats their rules (BaseVisitor.convertName, getOperationSuffix).
 * @param {ApolloHooksConfig} config
 */
function namer(config) {
  const convert = convertFactory(config);
  const typesPrefix = config.typesPrefix ?? '';
  const typesSuffix = config.typesSuffix ?? '';

  /** @param {string} name @param {string} type */
  const operationSuffix = (name, type) => {
    if (config.omitOperationSuffix) return '';
    if (config.dedupeOperationSuffix && name.toLowerCase().endsWith(type.toLowerCase())) return '';
    return type;
  };

  /** @param {OperationDefinitionNode} node @param {string} type */
  return (node, type) => {
    const name = node.name?.value ?? '';
    const suffix = operationSuffix(name, type);
    const base = convert(node, {});
    // `usePortalInfoQueryQuery` helps nobody: drop the type from the hook's base name if the
    // operation already carries it.
    const hookBase = base.toLowerCase().endsWith(type.toLowerCase()) ? base.slice(0, -type.length) : base;
    return {
      name,
      result: `${typesPrefix}${convert(node, { suffix })}${typesSuffix}`,
      variables: `${typesPrefix}${convert(node, { suffix: `${suffix}Variables` })}${typesSuffix}`,
      document: `${convert(node, {
        prefix: config.documentVariablePrefix ?? '',
        suffix: config.documentVariableSuffix ?? 'Document',
      })}${typesSuffix}`,
      hookBase,
    };
  };
}

/**
 * Each hook calls Apollo's with explicit type arguments. Letting Apollo infer them from a
 * pre-typed `options` goes wrong: it reads `errorPolicy?: ErrorPolicy` as "any of the three
 * policies", and for mutations it reads `variables?: Partial<V>` as variables already configured,
 * so the mutate function would stop requiring the operation's required variables. Explicit type
 * arguments select Apollo 4's "classic" signatures, its default signature style.
 * @param {string} hook
 * @param {string} summary
 * @param {string} params
 * @param {string} body
 */
function hookSource(hook, summary, params, body) {
  return [`/** ${summary} */`, `export function ${hook}(${params}) {`, `  return ${body};`, `}`].join('\n');
}

/** @type {import('@graphql-codegen/plugin-helpers').PluginFunction<ApolloHooksConfig>} */
export const plugin = (_schema, documents, config) => {
  const nameOf = namer(config);
  const withLazy = config.withLazyQuery ?? true;
  const withSuspense = config.withSuspenseQuery ?? true;
  /** @type {Set<string>} */
  const used = new Set();
  /** @type {string[]} */
  const hooks = [];

  for (const file of documents) {
    for (const definition of file.document?.definitions ?? []) {
      // Fragments get no hook, and an anonymous operation has no name to build one from
      // (typescript-operations already reports those).
      if (definition.kind !== Kind.OPERATION_DEFINITION || !definition.name) continue;
      const type = operationTypes[definition.operation];
      const n = nameOf(definition, type);
      const optional = hasRequiredVariables(definition.variableDefinitions) ? '' : '?';
      const ref = `\`${n.name}\` ${definition.operation}`;

      if (definition.operation === 'query') {
        used.add('useQuery');
        hooks.push(
          hookSource(
            `use${n.hookBase}Query`,
            `Runs the ${ref} and watches the cache for it.`,
            `options${optional}: useQuery.Options<${n.result}, ${n.variables}>`,
            `useQuery<${n.result}, ${n.variables}>(${n.document}, options)`,
          ),
        );
        if (withLazy) {
          used.add('useLazyQuery');
          hooks.push(
            hookSource(
              `use${n.hookBase}LazyQuery`,
              `Returns a function that runs the ${ref} on demand, and its result.`,
              `options?: useLazyQuery.Options<${n.result}, ${n.variables}>`,
              `useLazyQuery<${n.result}, ${n.variables}>(${n.document}, options)`,
            ),
          );
        }
        if (withSuspense) {
          used.add('useSuspenseQuery');
          hooks.push(
            hookSource(
              `use${n.hookBase}SuspenseQuery`,
              `Runs the ${ref}, suspending the component until the data is there.`,
              `options${optional}: useSuspenseQuery.Options<${n.variables}>`,
              `useSuspenseQuery<${n.result}, ${n.variables}>(${n.document}, options)`,
            ),
          );
        }
      } else if (definition.operation === 'mutation') {
        used.add('useMutation');
        hooks.push(
          hookSource(
            `use${n.hookBase}Mutation`,
            `Returns a function that runs the ${ref}, and its result.`,
            `options?: useMutation.Options<${n.result}, ${n.variables}>`,
            `useMutation<${n.result}, ${n.variables}>(${n.document}, options)`,
          ),
        );
      } else {
        used.add('useSubscription');
        hooks.push(
          hookSource(
            `use${n.hookBase}Subscription`,
            `Subscribes to the ${ref}.`,
            `options${optional}: useSubscription.Options<${n.result}, ${n.variables}>`,
            `useSubscription<${n.result}, ${n.variables}>(${n.document}, options)`,
          ),
        );
      }
    }
  }

  if (hooks.length === 0) return { content: '' };
  const hooksModule = config.apolloReactModule ?? '@apollo/client/react';
  return {
    prepend: [`import { ${[...used].sort().join(', ')} } from '${hooksModule}';`],
    content: ['', ...hooks, ''].join('\n\n'),
  };
};

/** @type {import('@graphql-codegen/plugin-helpers').PluginValidateFn} */
export const validate = (_schema, _documents, _config, outputFile) => {
  if (!/\.tsx?$/.test(outputFile)) {
    throw new Error(`apollo-hooks-plugin writes TypeScript; "${outputFile}" is not a .ts or .tsx file.`);
  }
};
