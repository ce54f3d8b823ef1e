// @ts-check
/**
 * Breaking changes between two published schemas (graphql-js's findBreakingChanges), and which of them
 * docs/api-changelog.md does not record. A change is recorded by a changelog line that says "breaking"
 * and names the change's schema coordinate in backticks, e.g.
 *   - **Breaking:** `Business.members` removed: use `Business.delegations`.
 */
import * as graphqlModule from 'graphql';

// graphql 16 is CommonJS for Node (its exports are on `default`) and ESM for Vite (no default).
/** @type {typeof import('graphql')} */
const graphql = /** @type {any} */ (graphqlModule).default ?? graphqlModule;
const { buildSchema, findBreakingChanges, findDangerousChanges } = graphql;

/**
 * The schema coordinate a change is about, from graphql-js's description ("Query.foo was removed.",
 * "A required arg bar on Query.foo was added.", "Old was removed from union type U.", "Thing was removed.").
 * @param {string} description
 */
export function coordinateOf(description) {
  const dotted = /\b([A-Za-z_]\w*\.[A-Za-z_]\w*)\b/.exec(description);
  if (dotted) {
    const arg = /\barg (\w+) on ([A-Za-z_]\w*\.[A-Za-z_]\w*)/.exec(description);
    return arg ? `${arg[2]}(${arg[1]}:)` : dotted[1];
  }
  return /^([A-Za-z_]\w*)/.exec(description)?.[1] ?? description;
}

/**
 * @param {{ oldSdl: string | null; newSdl: string; changelog: string }} input
 * @returns {{ breaking: Array<{ type: string; description: string; coordinate: string; recorded: boolean }>; dangerous: string[] }}
 */
export function compareSchemas({ oldSdl, newSdl, changelog }) {
  if (!oldSdl || oldSdl === newSdl) return { breaking: [], dangerous: [] };
  const before = buildSchema(oldSdl);
  const after = buildSchema(newSdl);
  const lines = changelog.split('\n').filter((line) => /breaking/i.test(line));
  const breaking = findBreakingChanges(before, after).map((change) => {
    const coordinate = coordinateOf(change.description);
    const bare = coordinate.replace(/\(.*$/, '');
    const recorded = lines.some((line) => line.includes(`\`${coordinate}\``) || line.includes(`\`${bare}\``));
    return { type: change.type, description: change.description, coordinate, recorded };
  });
  return { breaking, dangerous: findDangerousChanges(before, after).map((change) => change.description) };
}
