import { getDirective, MapperKind, mapSchema } from '@graphql-tools/utils';
import {
  defaultFieldResolver,
  DirectiveLocation,
  GraphQLDirective,
  GraphQLEnumType,
  GraphQLNonNull,
  GraphQLObjectType,
  isObjectType,
  type GraphQLFieldConfig,
  GraphQLSchema,
  getNamedType,
  type GraphQLResolveInfo,
  isInputObjectType,
} from 'graphql';
import { Directive, Extensions } from 'type-graphql';
import { AppError, ErrorCode } from '../errors/app-error.js';
import { type MessageKey } from '../i18n/messages.js';
import {
  AccessAction,
  AccessArea,
  accessTable,
  ActorKind,
  decideAccess,
  type AccessOwner,
  type AccessRule,
  type Standing,
} from './access-table.js';

/** Where the directive finds the actor's standing: one per business per request (a DataLoader behind it). */
export interface StandingSource {
  standing(businessId: string): Promise<Standing>;
  /**
   * Throws UNAUTHENTICATED when nobody is signed in. Checked before an owner is looked up, so that a signed-out
   * caller gets the same answer whether or not the ids it sends exist.
   */
  requireCaller(): void;
  /**
   * The standing `standing(businessId)` has already answered (or was primed with) since the last `forget`, if
   * any: the same value, read without a promise, so that the fields of a value decided once cost no await.
   */
  settled?(businessId: string): Standing | undefined;
  /** Forgets the standings loaded so far: a mutation may have changed them (the next field reloads). */
  forget(): void;
  /** The signed-in person's id (for values addressed to one person, AccessOwner.recipientId). */
  callerId?(): string | null;
  /**
   * Records a standing a caller's query has just computed with the same rule (a token's clients on a page of
   * Business.clients), so that the fields of those clients decide without another statement.
   */
  prime?(businessId: string, standing: Standing): void;
}

/** What a guarded resolver's context must offer. */
export interface AccessContext {
  access: StandingSource;
}

/**
 * How a guarded root field (a query or a mutation) finds what it touches from its arguments, typed by the
 * arguments it reads and the context it uses (issue 19 item 4: no string lookups, no context casts). Answer
 * null when the arguments name nothing that exists: the caller gets FORBIDDEN, as for something they may not
 * see, so that the answer does not tell whether it exists.
 */
export interface OwnerReader<TArgs, TContext extends AccessContext = AccessContext> {
  (args: TArgs, context: TContext): AccessOwner | null | Promise<AccessOwner | null>;
  /**
   * The argument paths it reads (`['id']`, `['input', 'claimId']`): building the schema fails when a field
   * given this reader has no such argument, so a reader cannot silently read nothing.
   */
  readonly reads?: readonly ArgPath[];
}

/** An argument (`['id']`) or a field of an input argument (`['input', 'claimId']`). */
export type ArgPath = readonly [string] | readonly [string, string];

/** The arguments a path names: `{ id: string }` or `{ input: { claimId: string } }`. */
export type ArgsAt<P extends ArgPath> = P extends readonly [infer A extends string]
  ? { [K in A]: string }
  : P extends readonly [infer A extends string, infer B extends string]
    ? { [K in A]: { [L in B]: string } }
    : never;

/**
 * An owner reader that takes one id from the arguments (`path`) and finds its owner with `find`: the typed
 * form of every "the business of X by id" reader, which declares the path it reads for the build's check.
 */
export function ownerFromArg<const P extends ArgPath, TContext extends AccessContext>(
  path: P,
  find: (id: string, context: TContext) => AccessOwner | null | Promise<AccessOwner | null>,
): OwnerReader<ArgsAt<P>, TContext> {
  const read = (args: ArgsAt<P>, context: TContext) => {
    const value =
      path.length === 1
        ? (args as Record<string, string>)[path[0]]
        : (args as Record<string, Record<string, string>>)[path[0]]?.[path[1]];
    return typeof value === 'string' && value ? find(value, context) : null;
  };
  return Object.assign(read, { reads: [path] as const });
}

/** The reader as the directive stores it: GraphQL hands it the field's arguments, checked by `reads`. */
type StoredReader = OwnerReader<Record<string, unknown>, AccessContext>;

interface AccessGuard {
  area: AccessArea;
  action: AccessAction;
  owner?: StoredReader;
}

/**
 * The one decision of a guarded value, for the directive and for the REST routes that serve a business's
 * data (documents, attachments, letters' PDFs, exports): nothing named (null) is denied; a value addressed to
 * one person goes to that person only; anything else is the table's answer for the caller's standing.
 */
export async function decideFor(
  access: StandingSource,
  area: AccessArea,
  action: AccessAction,
  owner: AccessOwner | null,
): Promise<boolean> {
  return (
    decideSettled(access, area, action, owner) ??
    decideAccess(await access.standing(owner!.businessId), area, action, owner!)
  );
}

/**
 * decideFor's answer when it needs no standing or the standing is already settled (StandingSource.settled);
 * undefined when the standing is still to load.
 */
function decideSettled(
  access: StandingSource,
  area: AccessArea,
  action: AccessAction,
  owner: AccessOwner | null,
): boolean | undefined {
  if (!owner) return false;
  if (owner.recipientId) return owner.recipientId === access.callerId?.();
  const standing = access.settled?.(owner.businessId);
  return standing && decideAccess(standing, area, action, owner);
}

const ACCESS_OWNER = Symbol('accessOwner');

/**
 * Marks a value the API returns (a node) as belonging to a business (and program account): the guarded
 * fields of its type check the actor's access to that owner. Invisible to GraphQL.
 */
export function ownedBy<T extends object>(value: T, owner: AccessOwner): T {
  Object.defineProperty(value, ACCESS_OWNER, { value: owner, enumerable: false, configurable: true });
  return value;
}

function ownerOf(value: unknown): AccessOwner | undefined {
  return typeof value === 'object' && value !== null
    ? (value as { [ACCESS_OWNER]?: AccessOwner })[ACCESS_OWNER]
    : undefined;
}

function enumOf(
  schema: GraphQLSchema,
  name: string,
  values: Record<string, string>,
  description?: string,
  valueDescriptions: Record<string, string> = {},
): GraphQLEnumType {
  const existing = schema.getType(name);
  if (existing instanceof GraphQLEnumType) return existing;
  return new GraphQLEnumType({
    name,
    description,
    values: Object.fromEntries(
      Object.values(values).map((value) => [value, { value, description: valueDescriptions[value] }]),
    ),
  });
}

/**
 * The `@access` directive's definition, with the schema's own AccessArea and AccessAction enums when the
 * resolvers use them (type-graphql registers them), so that the schema holds one type of each name.
 */
function accessDirectiveFor(schema: GraphQLSchema): GraphQLDirective {
  return new GraphQLDirective({
    name: 'access',
    description:
      'The field (or mutation) is guarded: the caller’s standing toward the owning business must allow this area and action (docs/access-model.md). Denied: null and a FORBIDDEN error naming the area; a denied mutation changes nothing. On a type: the rule of each of its fields that shows none of its own (decision 0048).',
    locations: [DirectiveLocation.FIELD_DEFINITION, DirectiveLocation.OBJECT],
    args: {
      area: { type: new GraphQLNonNull(enumOf(schema, 'AccessArea', AccessArea)) },
      action: {
        type: new GraphQLNonNull(
          enumOf(schema, 'AccessAction', AccessAction, 'What a guarded field or mutation does in its area.', {
            VIEW: 'Reads.',
            EDIT: 'Changes.',
          }),
        ),
      },
    },
  });
}

/**
 * Guards a field or a mutation: puts `@access(area, action)` in the schema (so the published SDL shows it)
 * and tells the enforcing transformer how to find the owner: from the parent value (`ownedBy`) for object
 * fields, from the arguments (`owner`) for root fields.
 */
export function Access<TArgs, TContext extends AccessContext>(
  area: AccessArea,
  action: AccessAction,
  options: { owner?: OwnerReader<TArgs, TContext> } = {},
): MethodDecorator & PropertyDecorator {
  // The one place the field's untyped arguments meet the typed reader: its `reads` are checked against the
  // field's arguments when the schema is built (enforceAccess).
  const owner = options.owner as unknown as StoredReader | undefined;
  const guard: AccessGuard = { area, action, ...(owner ? { owner } : {}) };
  const directive = Directive(`@access(area: ${area}, action: ${action})`);
  const extensions = Extensions({ access: guard });
  return (target: object, key: string | symbol, descriptor?: PropertyDescriptor) => {
    directive(target, key, descriptor as TypedPropertyDescriptor<unknown>);
    extensions(target, key, descriptor as TypedPropertyDescriptor<unknown>);
  };
}

/**
 * The rule of every field of an object type that has none of its own (issue 19 item 4, decision 0048): puts
 * `@access(area, action)` on the type in the schema, so the published SDL shows it. A value of the type that
 * carries its owner (`ownedBy`) is decided once per request; a part of one (an address, a claim's line) is
 * reached only through a field decided under the rule.
 */
export function AccessType(area: AccessArea, action: AccessAction): ClassDecorator {
  return Directive(`@access(area: ${area}, action: ${action})`);
}

const actorLabels: Record<ActorKind, string> = {
  BUSINESS_ACCOUNT_MANAGER: 'business account manager',
  PROGRAM_ACCOUNT_MANAGER: 'program account manager',
  EDITOR: 'editor',
  READER: 'reader',
  BUSINESS_MANAGEMENT: 'provider under business management',
  PROGRAM_MANAGEMENT: 'provider under program management',
  AGENCY_OFFICER: 'agency officer',
};

const ruleWords: Record<AccessRule, string> = {
  ALLOWED: 'yes',
  IN_SCOPE: 'its program accounts only',
  DENIED: 'no',
};

/** The rule of (area, action) in words, for the field's description (introspection has no directives). */
export function describeRule(area: AccessArea, action: AccessAction): string {
  const cells = Object.values(ActorKind).map(
    (actor) => `${actorLabels[actor]}: ${ruleWords[accessTable[area][actor][action]]}`,
  );
  return `Access ${area} ${action} — ${cells.join('; ')}.`;
}

function guardOf(field: GraphQLFieldConfig<unknown, unknown>): AccessGuard | undefined {
  return (field.extensions as { access?: AccessGuard } | undefined)?.access;
}

/** Whether the field has an argument at the path (an input argument's field for two steps). */
function argumentAt(field: GraphQLFieldConfig<unknown, unknown>, path: ArgPath): boolean {
  const arg = field.args?.[path[0]];
  if (!arg || path.length === 1) return Boolean(arg);
  const input = getNamedType(arg.type);
  return isInputObjectType(input) && path[1] in input.getFields();
}

function denied(area: AccessArea): AppError {
  return new AppError(ErrorCode.FORBIDDEN, `errors.accessDenied.${area}` as MessageKey, {}, { area });
}

/**
 * Enforces `@access` on every field that carries it: the wrapped resolver finds the owner, loads the
 * actor's standing toward it (once per business per request), decides from the table (synchronously) and
 * either resolves or throws FORBIDDEN with the area. Guarded fields must be nullable (a denied non-null
 * field would null its parent); building the schema fails otherwise, and on a directive without a guard.
 */
export function enforceAccess(built: GraphQLSchema): GraphQLSchema {
  const config = built.toConfig();
  const schema = new GraphQLSchema({
    ...config,
    directives: [...config.directives, accessDirectiveFor(built)],
  });
  const typeRules = new Map<string, { area: AccessArea; action: AccessAction }>();
  for (const type of Object.values(schema.getTypeMap()))
    if (isObjectType(type)) {
      const rule = getDirective(schema, type, 'access')?.[0] as
        { area: AccessArea; action: AccessAction } | undefined;
      if (rule) typeRules.set(type.name, rule);
    }
  // One decision per value of a type with a rule, per request (keyed by the request's standing source): the
  // answer itself once known, so that the value's other fields resolve without a promise each.
  const decided = new WeakMap<object, WeakMap<object, boolean | Promise<boolean>>>();
  const decideOnce = (access: StandingSource, value: object, rule: AccessGuard, owner: AccessOwner) => {
    let forRequest = decided.get(access);
    if (!forRequest) decided.set(access, (forRequest = new WeakMap()));
    let decision = forRequest.get(value);
    if (decision === undefined) {
      const known = forRequest;
      decision =
        decideSettled(access, rule.area, rule.action, owner) ??
        decideFor(access, rule.area, rule.action, owner).then((allowed) => {
          known.set(value, allowed);
          return allowed;
        });
      forRequest.set(value, decision);
    }
    return decision;
  };
  return mapSchema(schema, {
    [MapperKind.OBJECT_TYPE]: (type) => {
      const rule = typeRules.get(type.name);
      if (!rule) return type;
      const words = describeRule(rule.area, rule.action);
      const config = type.toConfig();
      return new GraphQLObjectType({
        ...config,
        description: config.description ? `${config.description}\n\n${words}` : words,
      });
    },
    [MapperKind.OBJECT_FIELD]: (field, fieldName, typeName) => {
      const directive = getDirective(schema, field, 'access')?.[0];
      const guard = guardOf(field);
      const typeRule = typeRules.get(typeName);
      if (!directive && !guard && typeRule) {
        // The type's rule, for a value that carries its owner; a part of one was reached through a guard.
        const resolve = field.resolve ?? defaultFieldResolver;
        return {
          ...field,
          // Not async: a value already decided resolves its fields as an unguarded one would.
          resolve: (parent, args, context: AccessContext, info) => {
            const owner = ownerOf(parent);
            if (!owner) return resolve(parent, args, context, info);
            const decision = decideOnce(context.access, parent as object, typeRule, owner);
            if (decision === true) return resolve(parent, args, context, info);
            if (decision === false) throw denied(typeRule.area);
            return decision.then((allowed) => {
              if (!allowed) throw denied(typeRule.area);
              return resolve(parent, args, context, info);
            });
          },
        };
      }
      if (!directive && !guard) return field;
      if (!directive || !guard)
        throw new Error(`${typeName}.${fieldName}: @access must come from the Access decorator`);
      const isMutation = typeName === schema.getMutationType()?.name;
      if (field.type instanceof GraphQLNonNull && !isMutation)
        throw new Error(`${typeName}.${fieldName}: a guarded field must be nullable`);
      for (const path of guard.owner?.reads ?? [])
        if (!argumentAt(field, path))
          throw new Error(
            `${typeName}.${fieldName}: its owner reader reads ${path.join('.')}, not an argument`,
          );
      const resolve = field.resolve ?? defaultFieldResolver;
      const rule = describeRule(guard.area, guard.action);
      const guarded = async (
        parent: unknown,
        args: Record<string, unknown>,
        context: AccessContext,
        info: GraphQLResolveInfo,
      ) => {
        context.access.requireCaller();
        const owner = guard.owner ? await guard.owner(args, context) : ownerOf(parent);
        if (owner === undefined)
          throw new Error(`${typeName}.${fieldName}: the parent value has no access owner (ownedBy)`);
        if (!(await decideFor(context.access, guard.area, guard.action, owner))) throw denied(guard.area);
        if (!isMutation || owner?.recipientId) return resolve(parent, args, context, info);
        try {
          return await resolve(parent, args, context, info);
        } finally {
          // Ending a relationship or revoking a membership changes standings: the rest of the
          // operation (its payload, a later mutation of the same request) decides on fresh ones.
          context.access.forget();
        }
      };
      return {
        ...field,
        description: field.description ? `${field.description}\n\n${rule}` : rule,
        resolve:
          guard.owner || isMutation
            ? guarded
            : // A field of a value (its owner from ownedBy) whose standing is settled decides without a promise.
              (parent, args: Record<string, unknown>, context: AccessContext, info) => {
                context.access.requireCaller();
                const owner = ownerOf(parent);
                const allowed = owner && decideSettled(context.access, guard.area, guard.action, owner);
                if (allowed === undefined) return guarded(parent, args, context, info);
                if (!allowed) throw denied(guard.area);
                return resolve(parent, args, context, info);
              },
      };
    },
  });
}
