import { cloneElement, type ReactElement, type ReactNode } from 'react';

/**
 * A translated sentence with `<name>…</name>` tags (the catalogs' parity test keeps them in both
 * languages), each tag's text put into the element given for that name: what react-i18next's `Trans`
 * did for the one sentence that needs it, without its HTML parser in the first chunk
 * (docs/decisions/0050). Tags do not nest; a tag with no element given shows its text alone.
 */
export function taggedText(text: string, elements: Readonly<Record<string, ReactElement>>): ReactNode[] {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const match of text.matchAll(/<(\w+)>(.*?)<\/\1>/gs)) {
    const [whole, name = '', inner = ''] = match;
    if (match.index > at) parts.push(text.slice(at, match.index));
    const element = elements[name];
    parts.push(element ? cloneElement(element, { key: `${name}:${match.index}` }, inner) : inner);
    at = match.index + whole.length;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}
