import { getDirective } from '@graphql-tools/utils';
import {
  getNamedType,
  isInterfaceType,
  isObjectType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAppSchema } from '../../src/app/build-schema.js';

// Issue 19 item 4: the published schema shows the rule of every field that holds a business's data, on the
// field or on its type, so that a broker reading the SDL sees it. A type holds a business's data when a field
// guarded by an area of the access table leads to it (directly, or through fields of such types); every field
// of such a type must show `@access` itself or through its type (`@access` on the type: docs/access-model.md,
// decision 0048). Containers (connections, edges, payloads) hold nothing of their own: their nodes' types are
// walked instead. Types that are deliberately not a business's data are listed with the reason.

/** Types a guarded field leads to that are not a business's data, with the reason. */
const notBusinessData: Record<string, string> = {
  PageInfo: 'paging state of a list',
  UserError: 'why the caller’s own input was refused',
  // Parts that several areas share: each is reached only through a field or type that shows its own rule.
  Address: 'a part of a profile: the rule of BusinessProfile.addresses or ProgramAccount.addresses',
  Contact: 'a part of a profile: the rule of BusinessProfile.contacts or ProgramAccount.contacts',
  MessageAttachment:
    'a part of a message or a letter: the rule of ThreadMessage (MESSAGES) or Letter (CORRESPONDENCE)',
  ProgramAccountSummary:
    'the number and name of the program account a ruling, claim, thread, letter or membership is about: the rule of that type',
  BusinessSummary:
    'the number and name of a business a relationship or membership names: the rule of that type',
  PersonSummary:
    'the name of a person a membership, assignment or relationship step names: the rule of that type',
  BusinessAccess: 'the caller’s own access toward the business, computed from the access table',
  AreaAccess: 'the caller’s own access in one area, computed from the access table',
};

const isContainer = (name: string) => /(Connection|Edge|Payload)$/.test(name);

const accessOf = (schema: GraphQLSchema, node: GraphQLField<unknown, unknown> | GraphQLNamedType) =>
  getDirective(schema, node as GraphQLObjectType, 'access')?.[0] as
    { area: string; action: string } | undefined;

/** The object types a guarded field leads to, through the fields of those types and of containers. */
export function businessDataTypes(schema: GraphQLSchema): GraphQLObjectType[] {
  const found = new Map<string, GraphQLObjectType>();
  const queue: GraphQLNamedType[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const guarded = Object.values(type.getFields()).filter((field) => accessOf(schema, field));
    for (const field of guarded) queue.push(getNamedType(field.type));
    // A type with guarded fields of its own holds a business's data however it is reached (Notice by
    // `notices`, Business by `business(id:)`).
    if (guarded.length && type !== schema.getQueryType() && type !== schema.getMutationType())
      queue.push(type);
  }
  const seen = new Set<string>();
  while (queue.length) {
    const type = queue.shift()!;
    if (seen.has(type.name) || type.name in notBusinessData) continue;
    seen.add(type.name);
    const members = isInterfaceType(type) ? schema.getPossibleTypes(type) : [];
    queue.push(...members);
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    if (isObjectType(type) && !isContainer(type.name) && type.name !== 'Query' && type.name !== 'Mutation')
      found.set(type.name, type);
    for (const field of Object.values(type.getFields())) queue.push(getNamedType(field.type));
  }
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The fields of business-data types that show no rule, on the field or on the type. */
export function fieldsWithoutRule(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of businessDataTypes(schema)) {
    if (accessOf(schema, type)) continue;
    for (const field of Object.values(type.getFields()))
      if (!accessOf(schema, field)) missing.push(`${type.name}.${field.name}`);
  }
  return missing;
}

describe('the published schema shows the rule of every field holding a business’s data', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildAppSchema();
  });

  it('finds the business’s types from the guarded fields', () => {
    const names = businessDataTypes(schema).map((type) => type.name);
    for (const name of ['Business', 'ProgramAccount', 'Notice', 'Ruling', 'Claim', 'MessageThread', 'Letter'])
      expect(names, name).toContain(name);
    // The list of exceptions stays honest: every name is a real type.
    for (const name of Object.keys(notBusinessData)) expect(schema.getType(name), name).toBeDefined();
  });

  it('shows a rule on every field of those types, or on the type', () => {
    expect(fieldsWithoutRule(schema)).toEqual([]);
  });
});
