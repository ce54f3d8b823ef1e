/**
 * The key Preact's debug build names when it finds two siblings with one key (its console.error
 * message), or undefined for any other message. The specs' setup fails a test that renders such siblings.
 */
export function duplicateKeyIn(message: unknown): string | undefined {
  if (typeof message !== 'string') return undefined;
  return /two or more children with the same key attribute: "(.*?)"/.exec(message)?.[1];
}
