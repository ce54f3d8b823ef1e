import { describe, expect, it } from 'vitest';
import { i18n, loadCatalogs, namespaces as declared } from '../lib/i18n';
import { languages } from '../lib/language';

type Messages = { [key: string]: string | Messages };

// Every namespace file on disk, so a file missing from one language or from lib/i18n.ts is caught.
const files = import.meta.glob<Messages>('./*/*.json', { eager: true, import: 'default' });

const byLanguage = new Map<string, Map<string, Messages>>();
for (const [path, messages] of Object.entries(files)) {
  const [, language = '', namespace = ''] = /^\.\/([^/]+)\/([^/]+)\.json$/.exec(path) ?? [];
  const namespaces = byLanguage.get(language) ?? new Map<string, Messages>();
  namespaces.set(namespace, messages);
  byLanguage.set(language, namespaces);
}

function flatten(messages: Messages, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') flat.set(path, value);
    else for (const [k, v] of flatten(value, path)) flat.set(k, v);
  }
  return flat;
}

/** What must survive translation: {{placeholders}} and the <tags> that Trans fills with components. */
function tokens(message: string): string[] {
  return [...message.matchAll(/\{\{\s*([^}\s]+)\s*\}\}|<\/?([a-zA-Z0-9]+)\s*\/?>/g)].map((m) => m[0]).sort();
}

const english = byLanguage.get('en') ?? new Map<string, Messages>();
const namespaces = [...english.keys()].sort();

describe('translations', () => {
  it('exist for exactly the two official languages', () => {
    expect([...byLanguage.keys()].sort()).toEqual([...languages].sort());
  });

  it.each(languages)('%s has a file for every namespace, and lib/i18n.ts declares each one', (language) => {
    expect([...(byLanguage.get(language)?.keys() ?? [])].sort()).toEqual(namespaces);
    expect([...declared].sort()).toEqual(namespaces);
  });

  it.each(languages)('%s catalogs load on demand, each as its file says', async (language) => {
    await loadCatalogs(language, declared);
    for (const namespace of declared) {
      expect(i18n.getResourceBundle(language, namespace)).toEqual(byLanguage.get(language)?.get(namespace));
    }
  });

  describe.each(namespaces)('namespace %s', (namespace) => {
    const en = flatten(english.get(namespace) ?? {});
    const fr = flatten(byLanguage.get('fr')?.get(namespace) ?? {});

    it('has the same keys in English and French', () => {
      expect([...fr.keys()].sort()).toEqual([...en.keys()].sort());
    });

    it('has the same placeholders and tags in both languages', () => {
      for (const [key, message] of en) {
        expect({ key, tokens: tokens(fr.get(key) ?? '') }).toEqual({ key, tokens: tokens(message) });
      }
    });

    it('has no empty message', () => {
      for (const [key, message] of [...en, ...fr]) {
        expect({ key, empty: message.trim() === '' }).toEqual({ key, empty: false });
      }
    });
  });
});
