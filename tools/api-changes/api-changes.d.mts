// Types of api-changes.mjs for the TypeScript spec.
export function coordinateOf(description: string): string;
export function compareSchemas(input: { oldSdl: string | null; newSdl: string; changelog: string }): {
  breaking: Array<{ type: string; description: string; coordinate: string; recorded: boolean }>;
  dangerous: string[];
};
