// One flat config for both workspaces. Type-aware rules use each workspace's own tsconfig.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { boundariesPlugin } from './tools/lint/client-boundaries.mjs';
import { entityImportAllowlist } from './tools/lint/entity-imports-allowlist.mjs';
import { passerellePlugin } from './tools/lint/module-boundaries.mjs';
import { mutationFormAllowlist, mutationFormsPlugin } from './tools/lint/mutation-forms.mjs';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'data/**',
      'coverage/**',
      'client/src/generated/**',
      'server/src/database/migrations/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          // Root TypeScript outside the workspaces (codegen.ts, tools/) has no tsconfig.json of its own:
          // it is type-checked with tsconfig.tools.json, so lint it with that project too.
          allowDefaultProject: [
            '*.js',
            'codegen.ts',
            'scripts/*.mjs',
            'tools/*.cjs',
            'tools/*/*.ts',
            'tools/*/*.d.mts',
          ],
          defaultProject: 'tsconfig.tools.json',
          // tools/ has a dozen small files (the lint rules and their specs, codegen, report): above the default 8.
          maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 24,
        },
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
    },
  },
  // ---- Client boundaries (decision 0026): features ↛ other features or app/, shared ↛ features, and
  // server/src/common/rules (bundled by the client through @rules/*) ↛ anything outside itself. ----
  {
    files: ['client/src/**/*.{ts,tsx}', 'server/src/common/rules/**/*.ts'],
    plugins: { boundaries: boundariesPlugin },
    rules: { 'boundaries/client': 'error' },
  },
  // ---- end of client boundaries ----
  {
    // Every form on useMutationForm (decision 0041): a component with a <form> calls no mutation hook itself.
    files: ['client/src/**/*.tsx'],
    plugins: { forms: mutationFormsPlugin },
    rules: { 'forms/mutation-form': ['error', { allowlist: mutationFormAllowlist }] },
  },
  {
    // Decorated entity and resolver classes need runtime (value) imports for emitDecoratorMetadata.
    files: ['server/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    // The server's walls (decision 0020): common/ never imports modules/, and a module never imports another
    // module's entities; the imports that did when the rule was raised are listed, and only shrink.
    files: ['server/src/**/*.ts'],
    plugins: { passerelle: passerellePlugin },
    rules: { 'passerelle/module-boundaries': ['error', { allowlist: entityImportAllowlist }] },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
