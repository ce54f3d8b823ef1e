export const languages = ['en', 'fr'] as const;
export type Language = (typeof languages)[number];

/**
 * Picks English or French from an Accept-Language header, honouring q-values; English when neither is
 * asked for. The app sends exactly `en` or `fr` from the language in its URL.
 */
export function languageFromHeader(header: string | undefined): Language {
  if (!header) return 'en';
  let best: { lang: Language; q: number } | undefined;
  for (const part of header.split(',')) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const primary = tag.split('-')[0];
    if (primary !== 'en' && primary !== 'fr') continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (Number.isFinite(q) && q > 0 && (!best || q > best.q)) best = { lang: primary, q };
  }
  return best?.lang ?? 'en';
}
