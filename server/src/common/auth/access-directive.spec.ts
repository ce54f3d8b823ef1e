import 'reflect-metadata';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { graphql, type GraphQLObjectType, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { Arg, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { buildSchema } from 'type-graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { Access, AccessType, enforceAccess, ownedBy, type StandingSource } from './access-directive.js';
import { AccessAction, AccessArea, ActorKind, type Standing } from './access-table.js';

@ObjectType('GuardedAccount')
class GuardedAccount {
  @Field(() => ID)
  id: string;

  @Access(AccessArea.PROGRAM_PROFILE, AccessAction.VIEW)
  @Field(() => String, { nullable: true, description: 'The account’s name.' })
  name: string;

  @Access(AccessArea.PAD, AccessAction.VIEW)
  @Field(() => String, { nullable: true })
  bankAccount: string;
}

const accounts = ['in', 'out'].map((id) =>
  ownedBy(Object.assign(new GuardedAccount(), { id, name: `Account ${id}`, bankAccount: '****123' }), {
    businessId: 'client',
    programAccountId: id,
  }),
);
let edits = 0;

@Resolver()
class GuardedResolver {
  @Query(() => [GuardedAccount])
  accounts(): GuardedAccount[] {
    return accounts;
  }

  @Access(AccessArea.PROGRAM_PROFILE, AccessAction.EDIT, {
    owner: (args: { id: string }) =>
      args.id === 'in' || args.id === 'out' ? { businessId: 'client', programAccountId: args.id } : null,
  })
  @Mutation(() => Boolean)
  renameAccount(@Arg('id', () => ID) id: string): boolean {
    edits += 1;
    return id.length > 0;
  }
}

/** A standing source that counts how often it is asked, per business. */
function source(standing: Standing) {
  const asked = new Map<string, number>();
  const access: StandingSource = {
    requireCaller: () => undefined,
    forget: () => undefined,
    standing: (businessId) => {
      asked.set(businessId, (asked.get(businessId) ?? 0) + 1);
      return Promise.resolve(standing);
    },
  };
  return { access, asked };
}

const programManagement: Standing = {
  grants: [{ kind: ActorKind.PROGRAM_MANAGEMENT, scope: new Set(['in']), mayEdit: true }],
};

describe('the @access directive', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = enforceAccess(await buildSchema({ resolvers: [GuardedResolver], validate: false }));
  });

  it('resolves allowed fields, and nulls denied ones with FORBIDDEN naming the area', async () => {
    const { access } = source(programManagement);
    const result = await graphql({
      schema,
      source: '{ accounts { id name bankAccount } }',
      contextValue: { access },
    });
    expect(result.data).toEqual({
      accounts: [
        { id: 'in', name: 'Account in', bankAccount: null },
        { id: 'out', name: null, bankAccount: null },
      ],
    });
    const denied = (result.errors ?? []).map((e) => [
      e.path?.join('.'),
      e.extensions.code,
      e.extensions.area,
    ]);
    expect(denied).toEqual([
      ['accounts.0.bankAccount', 'FORBIDDEN', 'PAD'],
      ['accounts.1.name', 'FORBIDDEN', 'PROGRAM_PROFILE'],
      ['accounts.1.bankAccount', 'FORBIDDEN', 'PAD'],
    ]);
  });

  it('refuses a denied mutation before it runs, and finds the owner from the arguments', async () => {
    const bam = source({
      grants: [{ kind: ActorKind.BUSINESS_ACCOUNT_MANAGER, scope: 'ALL', mayEdit: true }],
    });
    const before = edits;
    const denied = await graphql({
      schema,
      source: 'mutation { renameAccount(id: "in") }',
      contextValue: source(programManagement),
    });
    expect(denied.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', area: 'PROGRAM_PROFILE' });
    const unknown = await graphql({
      schema,
      source: 'mutation { renameAccount(id: "nope") }',
      contextValue: bam,
    });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(edits).toBe(before);
    const allowed = await graphql({
      schema,
      source: 'mutation { renameAccount(id: "in") }',
      contextValue: bam,
    });
    expect(allowed).toEqual({ data: { renameAccount: true } });
    expect(edits).toBe(before + 1);
  });

  it('asks the standing source per field and leaves the caching to it (one DataLoader per request)', async () => {
    const { access, asked } = source(programManagement);
    await graphql({ schema, source: '{ accounts { name bankAccount } }', contextValue: { access } });
    // 2 accounts × 2 guarded fields: the directive asks each time; the real source batches and caches.
    expect(asked.get('client')).toBe(4);
  });

  it('decides the fields of a value whose standing is settled without a promise, with the same answers', async () => {
    const { access: loading } = source(programManagement);
    const settled: StandingSource = { ...loading, settled: () => programManagement };
    const fields = (schema.getType('GuardedAccount') as GraphQLObjectType).getFields();
    const resolve = (field: 'name' | 'bankAccount', access: StandingSource) =>
      fields[field].resolve!(accounts[0], {}, { access }, { fieldName: field } as GraphQLResolveInfo);
    // Settled: the value itself, or FORBIDDEN thrown at once (program management sees no PAD).
    expect(resolve('name', settled)).toBe('Account in');
    expect(() => resolve('bankAccount', settled)).toThrow('errors.accessDenied.PAD');
    // Not settled: the standing is awaited, as before.
    const pending = resolve('name', loading);
    expect(pending).toBeInstanceOf(Promise);
    await expect(pending).resolves.toBe('Account in');
    const query = '{ accounts { id name bankAccount } }';
    const [fast, slow] = await Promise.all(
      [settled, loading].map((access) => graphql({ schema, source: query, contextValue: { access } })),
    );
    expect(JSON.stringify(fast)).toBe(JSON.stringify(slow));
  });

  it('publishes the directive in the SDL and the rule in the description', () => {
    const sdl = printSchemaWithDirectives(schema);
    expect(sdl).toContain('name: String @access(area: PROGRAM_PROFILE, action: VIEW)');
    expect(sdl).toContain('renameAccount(id: ID!): Boolean! @access(area: PROGRAM_PROFILE, action: EDIT)');
    const name = schema.getType('GuardedAccount')!.toConfig() as {
      fields: Record<string, { description?: string }>;
    };
    expect(name.fields.name?.description).toContain('The account’s name.');
    expect(name.fields.name?.description).toContain(
      'provider under program management: its program accounts only',
    );
  });

  it('refuses to build a schema with a guarded non-null field', async () => {
    @ObjectType('BadGuarded')
    class BadGuarded {
      @Access(AccessArea.BUSINESS_PROFILE, AccessAction.VIEW)
      @Field(() => String)
      name: string;
    }
    @Resolver()
    class BadResolver {
      @Query(() => BadGuarded)
      bad(): BadGuarded {
        return new BadGuarded();
      }
    }
    const built = await buildSchema({ resolvers: [BadResolver], validate: false });
    expect(() => enforceAccess(built)).toThrow('BadGuarded.name: a guarded field must be nullable');
  });

  it('decides a type’s rule once per owned value, shows it on the type, and leaves an unowned part to its reach', async () => {
    @AccessType(AccessArea.REQUESTS_AND_TRANSACTIONS, AccessAction.VIEW)
    @ObjectType('TypedCase')
    class TypedCase {
      @Field(() => ID)
      id: string;

      @Field(() => String)
      number: string;
    }
    const cases = ['in', 'out'].map((id) =>
      ownedBy(Object.assign(new TypedCase(), { id, number: `case-${id}` }), {
        businessId: 'client',
        programAccountId: id,
      }),
    );
    @Resolver()
    class TypedResolver {
      @Query(() => [TypedCase], { nullable: 'items' })
      cases(): TypedCase[] {
        return cases;
      }

      @Query(() => TypedCase)
      part(): TypedCase {
        return Object.assign(new TypedCase(), { id: 'part', number: 'unowned' });
      }
    }
    const typed = enforceAccess(await buildSchema({ resolvers: [TypedResolver], validate: false }));
    expect(printSchemaWithDirectives(typed)).toContain(
      'type TypedCase @access(area: REQUESTS_AND_TRANSACTIONS, action: VIEW)',
    );
    expect(typed.getType('TypedCase')?.description).toContain('Access REQUESTS_AND_TRANSACTIONS VIEW —');
    const { access, asked } = source(programManagement);
    const result = await graphql({
      schema: typed,
      source: '{ cases { id number } part { id number } }',
      contextValue: { access },
    });
    // In scope: every field; out of scope: the value is denied (its non-null fields null it, naming the area).
    expect(result.data).toEqual({
      cases: [{ id: 'in', number: 'case-in' }, null],
      part: { id: 'part', number: 'unowned' },
    });
    expect(result.errors?.map((e) => e.extensions?.area)).toEqual(['REQUESTS_AND_TRANSACTIONS']);
    // One decision per value (two fields each), not per field.
    expect(asked.get('client')).toBe(2);
  });
});
