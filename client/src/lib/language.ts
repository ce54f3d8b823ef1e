/** The portal's two official languages; every route lives under one of them. */
export const languages = ['en', 'fr'] as const;
export type Language = (typeof languages)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

export function otherLanguage(language: Language): Language {
  return language === 'en' ? 'fr' : 'en';
}

/** The language a path is in (`/fr/...` -> `fr`), or undefined when its first segment is none. */
export function languageOfPath(pathname: string): Language | undefined {
  const first = pathname.split('/')[1];
  return isLanguage(first) ? first : undefined;
}

/**
 * The same page in the other language: only the first path segment changes, so the rest of the
 * path, the query string and the fragment are kept.
 */
export function switchLanguagePath(
  location: { pathname: string; search: string; hash: string },
  to: Language,
): string {
  const rest = location.pathname.split('/').slice(2).join('/');
  return `/${to}${rest ? `/${rest}` : ''}${location.search}${location.hash}`;
}

/** French when the browser prefers it, English otherwise (the server does the same with Accept-Language). */
export function preferredLanguage(browserLanguages: readonly string[] = navigator.languages): Language {
  const first = browserLanguages[0]?.toLowerCase() ?? '';
  return first.startsWith('fr') ? 'fr' : 'en';
}
