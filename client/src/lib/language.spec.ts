import { describe, expect, it } from 'vitest';
import { languageOfPath, preferredLanguage, switchLanguagePath } from './language';

describe('language helpers', () => {
  it('reads the language from the first path segment only', () => {
    expect(languageOfPath('/fr')).toBe('fr');
    expect(languageOfPath('/en/sign-in/gckey')).toBe('en');
    expect(languageOfPath('/')).toBeUndefined();
    expect(languageOfPath('/english')).toBeUndefined();
    expect(languageOfPath('/de/en')).toBeUndefined();
  });

  it('switches language and keeps the rest of the path, the query string and the fragment', () => {
    expect(switchLanguagePath({ pathname: '/en/notices/42', search: '?page=2', hash: '#top' }, 'fr')).toBe(
      '/fr/notices/42?page=2#top',
    );
    expect(switchLanguagePath({ pathname: '/fr', search: '', hash: '' }, 'en')).toBe('/en');
    expect(switchLanguagePath({ pathname: '/fr/', search: '', hash: '' }, 'en')).toBe('/en');
  });

  it('prefers French only when the browser asks for it first', () => {
    expect(preferredLanguage(['fr-CA', 'en-CA'])).toBe('fr');
    expect(preferredLanguage(['FR'])).toBe('fr');
    expect(preferredLanguage(['en-CA', 'fr-CA'])).toBe('en');
    expect(preferredLanguage([])).toBe('en');
  });
});
