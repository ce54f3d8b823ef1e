// Types of module-boundaries.mjs for the TypeScript spec.
import { type ESLint, type Rule } from 'eslint';

export const moduleBoundaries: Rule.RuleModule;
export const passerellePlugin: ESLint.Plugin;
