export interface BuildInfo {
  tsVersion: string;
  options: string;
  versions: Map<string, { version: string; affectsGlobalScope?: boolean }>;
  references: Array<[string, string[]]>;
}
export function readBuildInfo(file: string, base?: string): BuildInfo;
export function staleFiles(beforeDir: string, nowDir: string): Set<string> | null;
export function buildInfoFiles(dir: string): string[];
