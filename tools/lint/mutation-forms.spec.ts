// @vitest-environment node
import path from 'node:path';
import { ESLint, Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { mutationFormAllowlist, mutationFormsPlugin } from './mutation-forms.mjs';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * 7 files when the rule was raised (decision 0041); 0 since they moved their mutations to hooks/ (issue 19
 * item 5). Never raise it.
 */
const ALLOWLIST_CEILING = 0;

/** The rule alone over TSX (no type information needed: fast). */
function ruleAlone(allowlist: string[]): Linter.Config[] {
  return [
    {
      files: ['**/*.tsx'],
      languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
      plugins: { forms: mutationFormsPlugin },
      rules: { 'forms/mutation-form': ['error', { allowlist }] },
    },
  ];
}

function lint(filename: string, code: string, allowlist: string[] = []) {
  return new Linter()
    .verify(code, ruleAlone(allowlist), { filename: path.join(root, filename) })
    .map((m) => ({ line: m.line, message: m.message }));
}

/** A form that sends its mutation itself, as the 12 forms converted in decision 0041 did. */
const ownMutation = [
  "import { useApiTokensCreateMutation } from '../../../generated/graphql';",
  'export function CreateForm() {',
  '  const [create, { loading }] = useApiTokensCreateMutation();',
  '  const submit = async () => { await create({ variables: { input: { name: "x" } } }); };',
  '  return (',
  '    <section>',
  '      {loading ? null : <form onSubmit={() => void submit()}><button type="submit" /></form>}',
  '    </section>',
  '  );',
  '}',
].join('\n');

describe('forms/mutation-form', () => {
  it('fails a component with a <form> that calls a generated mutation hook or useMutation itself', () => {
    expect(lint('client/src/features/api-tokens/components/x.tsx', ownMutation)).toEqual([
      {
        line: 3,
        message: expect.stringContaining(
          "a component with a <form> calls useApiTokensCreateMutation itself: move the mutation (and its refetching) to the feature's hooks/",
        ) as string,
      },
    ]);
    const apollo = [
      "import { useMutation } from '@apollo/client/react';",
      'const Form = () => {',
      '  const [send] = useMutation(Doc);',
      '  return <form onSubmit={() => void send()} />;',
      '};',
    ].join('\n');
    expect(lint('client/src/features/x/components/x.tsx', apollo)).toHaveLength(1);
  });

  it('lets a form submit through useMutationForm and a feature hook, and a button call a mutation', () => {
    const onHook = [
      "import { useMutationForm } from '../../../components/forms/use-mutation-form';",
      "import { useCreateApiToken } from '../hooks/use-create-api-token';",
      'export function CreateForm() {',
      '  const { createApiToken } = useCreateApiToken();',
      '  const form = useMutationForm({ fields: [] });',
      '  return <form onSubmit={() => void form.submit({ send: () => createApiToken({}), succeeded: () => true, onSuccess: () => {} })} />;',
      '}',
    ].join('\n');
    expect(lint('client/src/features/api-tokens/components/x.tsx', onHook)).toEqual([]);
    // A one-button action (sign out, mark read) renders no form, and the hook that wraps a mutation is no
    // component with a form: the rule is about forms.
    for (const [file, code] of [
      [
        'client/src/app/layout/x.tsx',
        'export function SignOut() { const [signOut] = useSignOutMutation(); return <button onClick={() => void signOut()} />; }',
      ],
      [
        'client/src/features/api-tokens/hooks/use-create-api-token.tsx',
        'export function useCreateApiToken() { const [create] = useApiTokensCreateMutation(); return { create }; }',
      ],
    ] as const)
      expect(lint(file, code)).toEqual([]);
  });

  it('skips an allowlisted file, and the allowlist only shrinks', () => {
    const file = 'client/src/features/api-tokens/components/x.tsx';
    expect(lint(file, ownMutation, [file])).toEqual([]);
    expect(mutationFormAllowlist.length).toBeLessThanOrEqual(ALLOWLIST_CEILING);
  });

  it(
    'is on in eslint.config.js for the client, and every client file passes it',
    { timeout: 90_000 },
    async () => {
      const eslint = new ESLint({ cwd: root });
      const config = (await eslint.calculateConfigForFile(
        path.join(root, 'client/src/features/api-tokens/components/api-tokens-page.tsx'),
      )) as { rules: Record<string, unknown> };
      expect(config.rules['forms/mutation-form']).toEqual([2, { allowlist: mutationFormAllowlist }]);

      // The rule alone, over every client component.
      const lintAll = (allowlist: string[], files: string[]) =>
        new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: ruleAlone(allowlist) }).lintFiles(
          files,
        );
      const results = await lintAll(mutationFormAllowlist, ['client/src/**/*.tsx']);
      const problems = results.flatMap((result) =>
        result.messages
          .filter((m) => m.ruleId === 'forms/mutation-form')
          .map((m) => `${path.relative(root, result.filePath)}:${m.line}`),
      );
      expect(problems).toEqual([]);
      // Every allowlisted file still needs its entry: a file fixed leaves the list.
      const listed = mutationFormAllowlist.length ? await lintAll([], mutationFormAllowlist) : [];
      expect(
        listed.filter((r) => r.messages.length === 0).map((r) => path.relative(root, r.filePath)),
      ).toEqual([]);
    },
  );
});
