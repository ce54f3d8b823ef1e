// Types of entity-imports-allowlist.mjs for the TypeScript spec.
export const entityImportAllowlist: Record<string, string[]>;
