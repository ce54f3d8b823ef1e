// Free text as people see it, shared by the server and the client through `@rules/*` (decision 0008): one
// way to count characters and one list of characters free text may not hold (decision 0021).

/**
 * How many characters a text has as a person counts them: Unicode code points, not UTF-16 units, so that
 * an emoji or a character outside the Basic Multilingual Plane counts as one (as the limits in the messages
 * say and as MySQL's utf8mb4 columns count).
 */
export function characterCount(value: string): number {
  let count = 0;
  for (const _ of value) count += 1;
  return count;
}

/** Control characters free text may not hold: all but tab, line feed and carriage return (NUL, ESC, DEL…). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
const FORBIDDEN_CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Whether a text holds a control character other than a tab or a line break; the registry import refuses them too. */
export function hasForbiddenControlCharacters(value: string): boolean {
  return FORBIDDEN_CONTROL_CHARACTERS.test(value);
}
