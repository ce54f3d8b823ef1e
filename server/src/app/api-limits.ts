import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type ApolloServerPlugin } from '@apollo/server';
import {
  type ASTVisitor,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  type GraphQLField,
  GraphQLInterfaceType,
  type GraphQLNamedType,
  GraphQLObjectType,
  type GraphQLSchema,
  type GraphQLType,
  GraphQLUnionType,
  isLeafType,
  isListType,
  Kind,
  type OperationDefinitionNode,
  OperationTypeNode,
  type SelectionSetNode,
  type ValidationContext,
  valueFromAST,
} from 'graphql';
import { AppError, ErrorCode } from '../common/errors/app-error.js';
import { PAGE_SIZE_MAX } from '../common/graphql/connection.js';
import { type AppConfig } from '../config/env.js';
import { type BucketStatus, type CostBucketStore } from '../common/shared/shared-state.js';
import { type AppContext } from './context.js';

// Abuse limits of the GraphQL endpoint (docs/api.md, "Limits and cost"): validation rules for depth, aliases
// and directives; a static cost computed before execution, charged to a leaky bucket per token, session or
// address (in the process, or on Redis shared by every process: common/shared/shared-state.ts) and reported in `extensions.cost` (Shopify's throttle status); trusted documents for browser
// sessions; introspection for authenticated callers only in production. The token limit is graphql-js's
// own `maxTokens` parse option (http.ts), which answers a syntax error (HTTP 400), never a 500.

/** The limits, from the environment (server/src/config/env.ts). */
export interface ApiLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  /** The most a single query may cost. */
  maxQueryCost: number;
  /** The bucket's size: what a caller may spend at once. */
  costBucketSize: number;
  /** Points restored per second. */
  costRestoreRate: number;
  /** `browser`: a browser session (or an anonymous caller) may send only the app's persisted documents. */
  trustedDocuments: 'off' | 'browser';
  persistedDocumentsFile: string;
}

/** A list field without `first` is counted as this many items. */
export const LIST_COST_SIZE = 10;
/** Each mutation field costs this on top of its selection. */
export const MUTATION_COST = 10;

function validationError(
  messageKey: 'errors.queryTooDeep' | 'errors.tooManyAliases' | 'errors.tooManyDirectives',
  reason: string,
  params: Record<string, number>,
) {
  // Apollo answers validation errors with HTTP 400 and code GRAPHQL_VALIDATION_FAILED; the key and the
  // reason survive in extensions (the localization plugin writes the message).
  return new GraphQLError(messageKey, { extensions: { reason, messageKey, params, ...params } });
}

function operationsAndFragments(context: ValidationContext) {
  const document = context.getDocument();
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: OperationDefinitionNode[] = [];
  for (const d of document.definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    else if (d.kind === Kind.OPERATION_DEFINITION) operations.push(d);
  }
  return { fragments, operations };
}

/** Depth of a selection set, through fragments (a fragment cycle is graphql-js's own validation error). */
function depthOf(
  set: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  seen: Set<string>,
): number {
  let max = 0;
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) {
      if (s.name.value.startsWith('__')) continue;
      max = Math.max(max, s.selectionSet ? 1 + depthOf(s.selectionSet, fragments, seen) : 1);
    } else if (s.kind === Kind.INLINE_FRAGMENT) max = Math.max(max, depthOf(s.selectionSet, fragments, seen));
    else if (!seen.has(s.name.value)) {
      const fragment = fragments.get(s.name.value);
      if (fragment)
        max = Math.max(max, depthOf(fragment.selectionSet, fragments, new Set([...seen, s.name.value])));
    }
  }
  return max;
}

export function depthLimitRule(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => ({
    Document: {
      leave() {
        const { fragments, operations } = operationsAndFragments(context);
        for (const operation of operations) {
          const depth = depthOf(operation.selectionSet, fragments, new Set());
          if (depth > maxDepth)
            context.reportError(
              validationError('errors.queryTooDeep', 'QUERY_TOO_DEEP', { depth, max: maxDepth }),
            );
        }
      },
    },
  });
}

/** Counts aliases (or directives) in the whole document: fragments are counted once, where defined. */
function countRule(kind: 'alias' | 'directive', max: number) {
  return (context: ValidationContext): ASTVisitor => {
    let count = 0;
    return {
      Field(node) {
        if (kind === 'alias' && node.alias) count += 1;
      },
      Directive() {
        if (kind === 'directive') count += 1;
      },
      Document: {
        leave() {
          if (count <= max) return;
          context.reportError(
            kind === 'alias'
              ? validationError('errors.tooManyAliases', 'TOO_MANY_ALIASES', { count, max })
              : validationError('errors.tooManyDirectives', 'TOO_MANY_DIRECTIVES', { count, max }),
          );
        },
      },
    };
  };
}

export function validationRules(limits: ApiLimits) {
  return [
    depthLimitRule(limits.maxDepth),
    countRule('alias', limits.maxAliases),
    countRule('directive', limits.maxDirectives),
  ];
}

// ---- Cost ------------------------------------------------------------------------------------------------

function firstArgument(
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
  variables: Record<string, unknown>,
): number | undefined {
  const definition = field.args.find((arg) => arg.name === 'first');
  if (!definition) return undefined;
  const argument = node.arguments?.find((arg) => arg.name.value === 'first');
  const given = argument ? valueFromAST(argument.value, definition.type, variables) : undefined;
  // Not given (or null): the argument's default, else the largest page a connection answers.
  const value = given ?? definition.defaultValue ?? PAGE_SIZE_MAX;
  return typeof value === 'number' && value > 0 ? value : 0;
}

/**
 * What one object of a type weighs: 1, a row the server reads or builds; 0 for the shape of a page (its
 * edges and its pageInfo), which comes with the rows and costs nothing of its own. A connection object is
 * 1: the statement that reads the page.
 */
export function objectWeight(type: GraphQLNamedType): number {
  return type.name === 'PageInfo' || type.name.endsWith('Edge') ? 0 : 1;
}

type Fragments = Map<string, FragmentDefinitionNode>;

/**
 * The fields a selection set asks of an object of `parent` (through fragments, each once), grouped by
 * response key as graphql-js executes them: an alias asked twice is answered (and charged) once.
 */
function fieldsOf(
  set: SelectionSetNode,
  fragments: Fragments,
  into: Map<string, { field: FieldNode; sets: SelectionSetNode[] }> = new Map(),
  seen: Set<string> = new Set(),
): Map<string, { field: FieldNode; sets: SelectionSetNode[] }> {
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) {
      const key = s.alias?.value ?? s.name.value;
      const entry = into.get(key) ?? { field: s, sets: [] };
      if (s.selectionSet) entry.sets.push(s.selectionSet);
      into.set(key, entry);
    } else if (s.kind === Kind.INLINE_FRAGMENT) fieldsOf(s.selectionSet, fragments, into, seen);
    else if (!seen.has(s.name.value)) {
      const fragment = fragments.get(s.name.value);
      seen.add(s.name.value);
      if (fragment) fieldsOf(fragment.selectionSet, fragments, into, seen);
    }
  }
  return into;
}

function fieldMap(type: GraphQLNamedType, name: string) {
  if (!(type instanceof GraphQLObjectType || type instanceof GraphQLInterfaceType)) return undefined;
  return type.getFields()[name];
}

/** A field of the type, or of one of an abstract type's possible types (selected through a fragment). */
function findField(
  schema: GraphQLSchema,
  parent: GraphQLNamedType,
  name: string,
): GraphQLField<unknown, unknown> | undefined {
  const own = fieldMap(parent, name);
  if (own) return own;
  if (parent instanceof GraphQLInterfaceType || parent instanceof GraphQLUnionType)
    for (const possible of schema.getPossibleTypes(parent)) {
      const field = possible.getFields()[name];
      if (field) return field;
    }
  return undefined;
}

/**
 * The static cost of a selection on one object of `type` (docs/api.md, "Limits and cost"): each object
 * objectWeight (1; a page's edges and pageInfo 0), scalars 0; a connection (a field with `first`) counts
 * its lists (edges, nodes) `first` times; any other list LIST_COST_SIZE times. Interfaces and unions add up
 * every branch: an upper bound.
 */
export function selectionCost(
  schema: GraphQLSchema,
  type: GraphQLType,
  set: SelectionSetNode,
  fragments: Fragments,
  variables: Record<string, unknown>,
  /** Inside a connection: the `first` its lists (edges, nodes) are counted with. */
  pageItems = 1,
): number {
  const parent = getNamedType(type);
  let cost = 0;
  for (const { field: node, sets } of fieldsOf(set, fragments).values()) {
    if (node.name.value.startsWith('__') || sets.length === 0) continue;
    const field = findField(schema, parent, node.name.value);
    if (!field || isLeafType(getNamedType(field.type))) continue;
    const first = firstArgument(field, node, variables);
    const items = first ?? pageItems;
    const inner = (s: SelectionSetNode) => selectionCost(schema, field.type, s, fragments, variables, items);
    const one = objectWeight(getNamedType(field.type)) + sets.reduce((sum, s) => sum + inner(s), 0);
    const isList = isListType(getNullableType(field.type));
    cost += isList ? (parent.name.endsWith('Connection') ? pageItems : LIST_COST_SIZE) * one : one;
  }
  return cost;
}

/** The root type of an operation. */
function rootType(schema: GraphQLSchema, operation: OperationDefinitionNode) {
  return operation.operation === OperationTypeNode.MUTATION
    ? schema.getMutationType()
    : operation.operation === OperationTypeNode.SUBSCRIPTION
      ? schema.getSubscriptionType()
      : schema.getQueryType();
}

function fragmentsOf(document: DocumentNode): Fragments {
  return new Map(
    document.definitions.flatMap((d) =>
      d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [],
    ),
  );
}

export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): number {
  const root = rootType(schema, operation);
  if (!root) return 0;
  const cost = selectionCost(schema, root, operation.selectionSet, fragmentsOf(document), variables);
  const mutations =
    operation.operation === OperationTypeNode.MUTATION ? operation.selectionSet.selections.length : 0;
  return cost + mutations * MUTATION_COST;
}

/**
 * What a result really cost (Shopify's actualQueryCost): the same weights as selectionCost, applied to the
 * objects the answer holds (a page of 7 costs 7 nodes, not `first`; a null field nothing).
 */
function valueCost(
  schema: GraphQLSchema,
  type: GraphQLNamedType,
  set: SelectionSetNode,
  fragments: Fragments,
  value: Record<string, unknown>,
): number {
  let cost = 0;
  for (const [key, { field: node, sets }] of fieldsOf(set, fragments)) {
    const child = value[key];
    if (sets.length === 0 || child === null || child === undefined || node.name.value.startsWith('__'))
      continue;
    const field = findField(schema, type, node.name.value);
    if (!field) continue;
    const named = getNamedType(field.type);
    const one = (item: unknown): number =>
      item && typeof item === 'object'
        ? objectWeight(named) +
          sets.reduce(
            (sum, s) => sum + valueCost(schema, named, s, fragments, item as Record<string, unknown>),
            0,
          )
        : 0;
    cost += Array.isArray(child) ? child.reduce((sum: number, item) => sum + one(item), 0) : one(child);
  }
  return cost;
}

export function resultCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  data: Record<string, unknown>,
): number {
  const root = rootType(schema, operation);
  return root ? valueCost(schema, root, operation.selectionSet, fragmentsOf(document), data) : 0;
}

export type ThrottleStatus = BucketStatus;

function callerKey(context: AppContext): string {
  const token = context.session.apiToken;
  if (token) return `token:${token.token.id}`;
  const session = context.session.current?.session;
  if (session) return `session:${session.id}`;
  return `address:${context.client.ipAddress ?? 'unknown'}`;
}

/** The ids (sha256 of the exact text Apollo Client sends) of the app's operations, from codegen's manifest. */
export function loadPersistedDocumentIds(file: string): Set<string> {
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { operations: Array<{ id: string }> };
  return new Set(manifest.operations.map((operation) => operation.id));
}

function selectsIntrospection(document: DocumentNode, operation: OperationDefinitionNode): boolean {
  const fragments = fragmentsOf(document);
  const walk = (set: SelectionSetNode, seen: Set<string>): boolean =>
    set.selections.some((s) => {
      if (s.kind === Kind.FIELD) return s.name.value === '__schema' || s.name.value === '__type';
      if (s.kind === Kind.INLINE_FRAGMENT) return walk(s.selectionSet, seen);
      const fragment = fragments.get(s.name.value);
      return (
        !!fragment && !seen.has(s.name.value) && walk(fragment.selectionSet, new Set([...seen, s.name.value]))
      );
    });
  return walk(operation.selectionSet, new Set());
}

/**
 * The limits plugin: trusted documents (before parsing), introspection and cost (once the operation is known
 * and the caller loaded), the cost report in every answer.
 */
export function apiLimitsPlugin(
  config: AppConfig,
  limits: ApiLimits,
  buckets: CostBucketStore,
): ApolloServerPlugin<AppContext> {
  const persisted =
    limits.trustedDocuments === 'browser' ? loadPersistedDocumentIds(limits.persistedDocumentsFile) : null;
  return {
    requestDidStart() {
      let charged: {
        key: string;
        requested: number;
        fixed: number;
        priced: { schema: GraphQLSchema; document: DocumentNode; operation: OperationDefinitionNode };
      } | null = null;
      let status: ThrottleStatus | null = null;
      return Promise.resolve({
        async didResolveOperation({ contextValue, document, operation, request, schema, source }) {
          // API tokens may send their own queries; browser sessions (and anonymous callers) only the app's,
          // compared by the sha256 of the exact text (codegen's manifest holds what Apollo Client sends).
          if (persisted && !contextValue.session.hasBearer) {
            const id = createHash('sha256').update(source).digest('hex');
            const sent = (request.extensions as { persistedDocumentId?: unknown } | undefined)
              ?.persistedDocumentId;
            if (sent !== undefined && sent !== id)
              throw new AppError(
                ErrorCode.PERSISTED_DOCUMENT_REQUIRED,
                'errors.persistedDocumentMismatch',
                {},
                { reason: 'HASH_MISMATCH', http: { status: 400 } },
              );
            if (!persisted.has(id))
              throw new AppError(
                ErrorCode.PERSISTED_DOCUMENT_REQUIRED,
                'errors.persistedDocumentRequired',
                {},
                { http: { status: 400 } },
              );
          }
          const active = await contextValue.session.load();
          if (!operation) return;
          if (!config.introspection && !active && selectsIntrospection(document, operation))
            throw new AppError(
              ErrorCode.UNAUTHENTICATED,
              'errors.introspectionDisabled',
              {},
              { reason: 'INTROSPECTION_REQUIRES_AUTHENTICATION', http: { status: 401 } },
            );
          const requested = operationCost(schema, document, operation, request.variables ?? {});
          const key = callerKey(contextValue);
          const fixed =
            operation.operation === OperationTypeNode.MUTATION
              ? operation.selectionSet.selections.length * MUTATION_COST
              : 0;
          if (requested > limits.maxQueryCost) {
            status = (await buckets.take(key, 0, config.now())).status;
            charged = { key, requested, fixed, priced: { schema, document, operation } };
            throw new AppError(
              ErrorCode.QUERY_TOO_COSTLY,
              'errors.queryTooCostly',
              { cost: requested, max: limits.maxQueryCost },
              { cost: requested, max: limits.maxQueryCost, http: { status: 400 } },
            );
          }
          const taken = await buckets.take(key, requested, config.now());
          status = taken.status;
          charged = { key, requested, fixed, priced: { schema, document, operation } };
          if (!taken.ok) {
            const seconds = Math.max(
              1,
              Math.ceil((requested - taken.status.currentlyAvailable) / limits.costRestoreRate),
            );
            throw new AppError(
              ErrorCode.THROTTLED,
              'errors.costThrottled',
              { cost: requested, available: taken.status.currentlyAvailable, seconds },
              {
                retryAfterSeconds: seconds,
                http: { status: 429, headers: new Map([['retry-after', String(seconds)]]) },
              },
            );
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (!charged || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const throttled = result.errors?.some(
            (e) =>
              e.extensions?.code === ErrorCode.THROTTLED || e.extensions?.code === ErrorCode.QUERY_TOO_COSTLY,
          );
          let actual = 0;
          if (!throttled) {
            // The objects answered, weighed as the request was, plus the fixed cost of mutations, at most what was asked.
            const { schema, document, operation } = charged.priced;
            const objects = result.data ? resultCost(schema, document, operation, result.data) : 0;
            actual = Math.min(charged.requested, charged.fixed + objects);
            try {
              status = await buckets.refund(charged.key, charged.requested - actual, config.now());
            } catch (error) {
              // The work is done and answered: a refund Redis did not take leaves the caller charged in full.
              contextValue.log.warn({ err: { type: (error as Error).name } }, 'cost refund failed');
            }
          }
          result.extensions = {
            ...result.extensions,
            cost: { requestedQueryCost: charged.requested, actualQueryCost: actual, throttleStatus: status },
          };
        },
      });
    },
  };
}
