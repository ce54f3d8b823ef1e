// Types of mutation-forms.mjs for the TypeScript spec.
import { type ESLint } from 'eslint';

export const mutationHook: RegExp;
export const mutationFormsPlugin: ESLint.Plugin;
export const mutationFormAllowlist: string[];
