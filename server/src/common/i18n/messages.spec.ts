import { describe, expect, it } from 'vitest';
import { messages, translate } from './messages.js';
import { languageFromHeader } from './language.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('server messages', () => {
  it('have the same keys in English and French', () => {
    expect(Object.keys(messages.fr).sort()).toEqual(Object.keys(messages.en).sort());
  });

  it('have the same placeholders and no empty text in both languages', () => {
    for (const [key, en] of Object.entries(messages.en)) {
      const fr = messages.fr[key as keyof typeof messages.fr];
      expect(en.trim(), key).not.toBe('');
      expect(fr.trim(), key).not.toBe('');
      expect(placeholders(fr), key).toEqual(placeholders(en));
    }
  });

  it('fills placeholders in the requested language', () => {
    expect(translate('fr', 'validation.tooLong', { field: 'Nom', max: 175 })).toBe(
      'Nom doit compter au plus 175 caractères.',
    );
    expect(translate('en', 'validation.tooLong', { field: 'Name' })).toBe(
      'Name must be at most {max} characters.',
    );
  });
});

describe('languageFromHeader', () => {
  it.each([
    [undefined, 'en'],
    ['fr', 'fr'],
    ['fr-CA,fr;q=0.9,en;q=0.8', 'fr'],
    ['en-CA,fr;q=0.5', 'en'],
    ['de-DE,fr;q=0.4,en;q=0.6', 'en'],
    ['de-DE,fr;q=0.4', 'fr'],
    ['es', 'en'],
    ['fr;q=0', 'en'],
  ])('%s -> %s', (header, expected) => {
    expect(languageFromHeader(header)).toBe(expected);
  });
});
