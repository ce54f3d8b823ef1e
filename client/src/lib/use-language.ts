import { useLocation } from 'react-router';
import { type Language, languageOfPath } from './language';

/** The language of the current page, from its URL (the one source of truth for it). */
export function useLanguage(): Language {
  return languageOfPath(useLocation().pathname) ?? 'en';
}
