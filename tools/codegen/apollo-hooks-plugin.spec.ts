// @vitest-environment node
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { type Types } from '@graphql-codegen/plugin-helpers';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const hooksPlugin = path.join(import.meta.dirname, 'apollo-hooks-plugin.mjs');
const persistedPlugin = path.join(import.meta.dirname, 'persisted-documents-plugin.mjs');
// Inside the repository so the generated code resolves @apollo/client like client code does.
const workDir = path.join(repoRoot, 'node_modules', '.cache', 'apollo-hooks-plugin-spec');

const schema = /* GraphQL */ `
  type User {
    id: ID!
    name: String!
  }
  type Query {
    me: User
    user(id: ID!): User
    users(first: Int = 10): [User!]!
  }
  type Mutation {
    renameUser(id: ID!, name: String!): User!
    signOut: Boolean!
  }
  type Subscription {
    userRenamed(id: ID!): User!
  }
`;

const documents = /* GraphQL */ `
  fragment UserFields on User {
    id
    name
  }
  query Me {
    me {
      ...UserFields
    }
  }
  query UserById($id: ID!) {
    user(id: $id) {
      ...UserFields
    }
  }
  query UsersQuery($first: Int) {
    users(first: $first) {
      id
    }
  }
  mutation RenameUser($id: ID!, $name: String!) {
    renameUser(id: $id, name: $name) {
      ...UserFields
    }
  }
  mutation SignOut {
    signOut
  }
  subscription UserRenamed($id: ID!) {
    userRenamed(id: $id) {
      id
    }
  }
`;

/** Code that uses the generated hooks the way components will; it must compile, strictly. */
const usage = `
import {
  useMeQuery, useMeLazyQuery, useMeSuspenseQuery, useUserByIdQuery, useUsersQuery,
  useRenameUserMutation, useSignOutMutation, useUserRenamedSubscription,
} from './graphql';

export function useEverything() {
  const me = useMeQuery();
  const name: string | undefined = me.data?.me?.name;
  const [loadMe, lazy] = useMeLazyQuery({ fetchPolicy: 'network-only' });
  void loadMe();
  const called: boolean = lazy.called;
  const suspended: string | undefined = useMeSuspenseQuery().data.me?.id;

  // @ts-expect-error the query has a required variable, so options are required
  useUserByIdQuery();
  const user = useUserByIdQuery({ variables: { id: '1' } });
  // @ts-expect-error variables are typed
  useUserByIdQuery({ variables: { id: 1 } });
  const optional = useUsersQuery();

  const [rename, renamed] = useRenameUserMutation();
  // @ts-expect-error the mutation has required variables
  void rename();
  void rename({ variables: { id: '1', name: 'New name' } });
  const newName: string | undefined = renamed.data?.renameUser.name;
  const [signOut] = useSignOutMutation({ onCompleted: (data) => void data.signOut });
  void signOut();

  const renames = useUserRenamedSubscription({ variables: { id: '1' } });
  return { name, called, suspended, user, optional, newName, renames };
}
`;

async function runCodegen() {
  // `generate` is typed `any` because it can also return the CLI's own context.
  const files = (await generate(
    {
      cwd: repoRoot,
      schema,
      documents,
      silent: true,
      generates: {
        'graphql.ts': {
          plugins: ['typescript', 'typescript-operations', 'typed-document-node', hooksPlugin],
          config: { useTypeImports: true, dedupeOperationSuffix: true },
        },
        'persisted-documents.json': { plugins: [persistedPlugin] },
      },
    },
    false,
  )) as Types.FileOutput[];
  // Outputs come back in the order they finish, not the order of `generates`.
  const content = (name: string) => files.find((file) => file.filename.endsWith(name))?.content ?? '';
  return { hooks: content('graphql.ts'), manifest: content('persisted-documents.json') };
}

/** Type-checks files with the client's own compiler options; returns the diagnostics as text. */
function typeCheck(files: Record<string, string>): string[] {
  mkdirSync(workDir, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(workDir, name), content);
  const configPath = path.join(repoRoot, 'client', 'tsconfig.json');
  const { config } = ts.readConfigFile(configPath, (file) => ts.sys.readFile(file)) as { config: unknown };
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, path.dirname(configPath));
  const program = ts.createProgram(
    Object.keys(files).map((name) => path.join(workDir, name)),
    options,
  );
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('apollo-hooks-plugin', () => {
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  it('emits named Apollo Client 4 hooks for every operation', async () => {
    const { hooks } = await runCodegen();

    expect(hooks).toContain(
      "import { useLazyQuery, useMutation, useQuery, useSubscription, useSuspenseQuery } from '@apollo/client/react';",
    );
    expect(hooks).toContain(
      'export function useMeQuery(options?: useQuery.Options<MeQuery, MeQueryVariables>) {\n  return useQuery<MeQuery, MeQueryVariables>(MeDocument, options);',
    );
    expect(hooks).toContain(
      'export function useUserByIdQuery(options: useQuery.Options<UserByIdQuery, UserByIdQueryVariables>)',
    );
    expect(hooks).toContain(
      'export function useMeLazyQuery(options?: useLazyQuery.Options<MeQuery, MeQueryVariables>)',
    );
    expect(hooks).toContain(
      'export function useMeSuspenseQuery(options?: useSuspenseQuery.Options<MeQueryVariables>)',
    );
    expect(hooks).toContain(
      'export function useRenameUserMutation(options?: useMutation.Options<RenameUserMutation, RenameUserMutationVariables>)',
    );
    expect(hooks).toContain(
      'export function useUserRenamedSubscription(options: useSubscription.Options<UserRenamedSubscription, UserRenamedSubscriptionVariables>)',
    );
    // dedupeOperationSuffix: the operation `UsersQuery` gives UsersQuery types and a useUsersQuery hook.
    expect(hooks).toContain(
      'export function useUsersQuery(options?: useQuery.Options<UsersQuery, UsersQueryVariables>)',
    );
    expect(hooks).not.toMatch(/function use\w*Fragment/);
  });

  it('emits code that compiles under the strict client tsconfig and keeps variables typed', async () => {
    const { hooks } = await runCodegen();
    expect(typeCheck({ 'graphql.ts': hooks, 'usage.ts': usage })).toEqual([]);
  }, 60_000);
});

describe('persisted-documents-plugin', () => {
  it('lists each operation as Apollo Client sends it, keyed by its sha256', async () => {
    const { manifest } = await runCodegen();
    const parsed = JSON.parse(manifest) as {
      format: string;
      version: number;
      operations: { id: string; name: string; type: string; body: string }[];
    };

    expect(parsed.format).toBe('apollo-persisted-query-manifest');
    expect(parsed.operations.map((o) => o.name)).toEqual([
      'Me',
      'RenameUser',
      'SignOut',
      'UserById',
      'UserRenamed',
      'UsersQuery',
    ]);
    const me = parsed.operations.find((o) => o.name === 'Me');
    expect(me?.type).toBe('query');
    expect(me?.body).toContain('fragment UserFields on User');
    expect(me?.body).toContain('__typename');
    expect(me?.id).toBe(
      createHash('sha256')
        .update(me?.body ?? '')
        .digest('hex'),
    );
  });
});
