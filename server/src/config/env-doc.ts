import { z } from 'zod';
import { envSchema, type EnvDoc } from './env.js';

/** The README lines between these markers are written by `npm run docs:config`, never by hand. */
export const configTableStart =
  '<!-- config-table:start (generated from server/src/config/env.ts by `npm run docs:config`) -->';
export const configTableEnd = '<!-- config-table:end -->';

export interface EnvVariableDoc {
  name: string;
  shownDefault: string;
  description: string;
}

/** Every variable of the environment schema with its README text; throws naming any variable left undocumented. */
export function envVariableDocs(schema: { shape: Record<string, z.ZodType> } = envSchema): EnvVariableDoc[] {
  const undocumented: string[] = [];
  const docs = Object.entries(schema.shape).map(([name, variable]) => {
    const meta = variable.meta() as Partial<EnvDoc> | undefined;
    if (!meta?.description) undocumented.push(name);
    return {
      name,
      shownDefault: meta?.shownDefault ?? schemaDefault(variable),
      description: meta?.description ?? '',
    };
  });
  if (undocumented.length)
    throw new Error(
      `Give these variables a README text with documented() in env.ts: ${undocumented.join(', ')}`,
    );
  return docs;
}

function schemaDefault(variable: z.core.$ZodType): string {
  const def = variable._zod.def;
  if (def.type !== 'default') return 'unset';
  const value: unknown = (def as z.core.$ZodDefaultDef).defaultValue;
  return `\`${String(value)}\``;
}

/** The configuration table as Prettier lays out a Markdown table (columns padded to their widest cell). */
export function renderConfigTable(variables: EnvVariableDoc[] = envVariableDocs()): string {
  const rows = [
    ['Variable', 'Default', 'Meaning'],
    ...variables.map((v) => [`\`${v.name}\``, v.shownDefault, v.description]),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  return [line(rows[0]), line(widths.map((w) => '-'.repeat(w))), ...rows.slice(1).map(line)].join('\n');
}

/** The README with its configuration table replaced by the generated one; throws when a marker is missing. */
export function withConfigTable(readme: string, table: string = renderConfigTable()): string {
  const start = readme.indexOf(configTableStart);
  const end = readme.indexOf(configTableEnd);
  if (start < 0 || end < start)
    throw new Error(`README.md lacks the markers ${configTableStart} … ${configTableEnd}`);
  return `${readme.slice(0, start + configTableStart.length)}\n\n${table}\n\n${readme.slice(end)}`;
}
