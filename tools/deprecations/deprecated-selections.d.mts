export function graphqlFiles(dir: string): string[];
export function deprecatedSelections(
  schemaSdl: string,
  documents: { name: string; body: string }[],
): string[];
export function deprecatedSelectionsInRepo(root: string): string[];
