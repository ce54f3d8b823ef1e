import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type ApolloServerPlugin } from '@apollo/server';
import {
  type ASTVisitor,
  type DocumentNode,
  type FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  type GraphQLField,
  GraphQLInterfaceType,
  GraphQLObjectType,
  type GraphQLSchema,
  type GraphQLType,
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
import { type AppContext } from './context.js';

// Abuse limits of the GraphQL endpoint (docs/api.md, "Limits and cost"): validation rules for depth, aliases
// and directives; a static cost computed before execution, charged to a leaky bucket per token, session or
// address and reported in `extensions.cost` (Shopify's throttle status); trusted documents for browser
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
  node: import('graphql').FieldNode,
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
 * The static cost of a selection: every object (or list item) 1; a field with `first` (a connection) 2, plus
 * its lists (edges, nodes) counted `first` times; any other list LIST_COST_SIZE times its item; scalars 0. Interfaces and unions add up every branch: an upper bound.
 */
export function selectionCost(
  schema: GraphQLSchema,
  type: GraphQLType,
  set: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  seen: Set<string> = new Set(),
  /** Inside a connection: the `first` its lists (edges, nodes) are counted with. */
  pageItems = 1,
): number {
  const parent = getNamedType(type);
  let cost = 0;
  for (const s of set.selections) {
    if (s.kind === Kind.INLINE_FRAGMENT) {
      const on = s.typeCondition ? (schema.getType(s.typeCondition.name.value) ?? parent) : parent;
      cost += selectionCost(schema, on, s.selectionSet, fragments, variables, seen, pageItems);
      continue;
    }
    if (s.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = fragments.get(s.name.value);
      if (!fragment || seen.has(s.name.value)) continue;
      const on = schema.getType(fragment.typeCondition.name.value) ?? parent;
      cost += selectionCost(
        schema,
        on,
        fragment.selectionSet,
        fragments,
        variables,
        new Set([...seen, s.name.value]),
      );
      continue;
    }
    if (
      s.name.value.startsWith('__') ||
      !(parent instanceof GraphQLObjectType || parent instanceof GraphQLInterfaceType)
    )
      continue;
    const field = parent.getFields()[s.name.value];
    if (!field || isLeafType(getNamedType(field.type)) || !s.selectionSet) continue;
    const first = firstArgument(field, s, variables);
    if (first !== undefined) {
      // A connection: 2, plus its lists (edges, nodes) `first` times; pageInfo and totalCount once.
      cost += 2 + selectionCost(schema, field.type, s.selectionSet, fragments, variables, seen, first);
      continue;
    }
    const inner = selectionCost(schema, field.type, s.selectionSet, fragments, variables, seen);
    if (isListType(getNullableType(field.type)))
      cost += (parent.name.endsWith('Connection') ? pageItems : LIST_COST_SIZE) * (1 + inner);
    else cost += 1 + inner;
  }
  return cost;
}

export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): number {
  const fragments = new Map(
    document.definitions.flatMap((d) =>
      d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [],
    ),
  );
  const root =
    operation.operation === OperationTypeNode.MUTATION
      ? schema.getMutationType()
      : operation.operation === OperationTypeNode.SUBSCRIPTION
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  if (!root) return 0;
  const cost = selectionCost(schema, root, operation.selectionSet, fragments, variables);
  const mutations =
    operation.operation === OperationTypeNode.MUTATION ? operation.selectionSet.selections.length : 0;
  return cost + mutations * MUTATION_COST;
}

/** Objects in a result: what the query really cost (Shopify's actualQueryCost). */
export function resultCost(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + resultCost(item), 0);
  if (value && typeof value === 'object')
    return 1 + Object.values(value).reduce((sum: number, item) => sum + resultCost(item), 0);
  return 0;
}

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

/**
 * Leaky buckets of cost points, one per caller (token, session or address), refilled continuously at
 * `restoreRate` points per second up to `size`. In memory: one process serves the API (docs/operations.md);
 * a restart gives everyone a full bucket, which errs on the side of the caller.
 */
export class CostBuckets {
  private readonly buckets = new Map<string, { available: number; at: number }>();

  constructor(
    private readonly size: number,
    private readonly rate: number,
    private readonly now: () => Date,
  ) {}

  private bucket(key: string) {
    const now = this.now().getTime();
    const bucket = this.buckets.get(key) ?? { available: this.size, at: now };
    bucket.available = Math.min(this.size, bucket.available + ((now - bucket.at) / 1000) * this.rate);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (this.buckets.size > 50_000) this.sweep(now);
    return bucket;
  }

  // Full buckets carry no information: forget them so that the map stays small.
  private sweep(now: number) {
    for (const [key, bucket] of this.buckets)
      if (bucket.available + ((now - bucket.at) / 1000) * this.rate >= this.size) this.buckets.delete(key);
  }

  /** Takes `cost` points if available; answers whether it did and the status after. */
  take(key: string, cost: number): { ok: boolean; status: ThrottleStatus } {
    const bucket = this.bucket(key);
    const ok = cost <= bucket.available;
    if (ok) bucket.available -= cost;
    return { ok, status: this.status(bucket) };
  }

  /** Gives back what a query did not use. */
  refund(key: string, points: number): ThrottleStatus {
    const bucket = this.bucket(key);
    bucket.available = Math.min(this.size, bucket.available + Math.max(0, points));
    return this.status(bucket);
  }

  private status(bucket: { available: number }): ThrottleStatus {
    return {
      maximumAvailable: this.size,
      currentlyAvailable: Math.floor(bucket.available),
      restoreRate: this.rate,
    };
  }
}

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
  const fragments = new Map(
    document.definitions.flatMap((d) =>
      d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [],
    ),
  );
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
  buckets: CostBuckets,
): ApolloServerPlugin<AppContext> {
  const persisted =
    limits.trustedDocuments === 'browser' ? loadPersistedDocumentIds(limits.persistedDocumentsFile) : null;
  return {
    requestDidStart() {
      let charged: { key: string; requested: number; fixed: number } | null = null;
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
            status = buckets.take(key, 0).status;
            charged = { key, requested, fixed };
            throw new AppError(
              ErrorCode.QUERY_TOO_COSTLY,
              'errors.queryTooCostly',
              { cost: requested, max: limits.maxQueryCost },
              { cost: requested, max: limits.maxQueryCost, http: { status: 400 } },
            );
          }
          const taken = buckets.take(key, requested);
          status = taken.status;
          charged = { key, requested, fixed };
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
        willSendResponse({ response }) {
          if (!charged || response.body.kind !== 'single') return Promise.resolve();
          const result = response.body.singleResult;
          const throttled = result.errors?.some(
            (e) =>
              e.extensions?.code === ErrorCode.THROTTLED || e.extensions?.code === ErrorCode.QUERY_TOO_COSTLY,
          );
          let actual = 0;
          if (!throttled) {
            // Objects answered (the root `data` object aside), plus the fixed cost of mutations, at most what was asked.
            const objects = result.data ? resultCost(result.data) - 1 : 0;
            actual = Math.min(charged.requested, charged.fixed + objects);
            status = buckets.refund(charged.key, charged.requested - actual);
          }
          result.extensions = {
            ...result.extensions,
            cost: { requestedQueryCost: charged.requested, actualQueryCost: actual, throttleStatus: status },
          };
          return Promise.resolve();
        },
      });
    },
  };
}
