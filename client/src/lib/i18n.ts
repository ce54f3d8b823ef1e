import i18next, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type account from '../i18n/en/account.json';
import type apiTokens from '../i18n/en/api-tokens.json';
import type assistant from '../i18n/en/assistant.json';
import type auth from '../i18n/en/auth.json';
import type business from '../i18n/en/business.json';
import type calculator from '../i18n/en/calculator.json';
import type claims from '../i18n/en/claims.json';
import type common from '../i18n/en/common.json';
import type credentials from '../i18n/en/credentials.json';
import type documents from '../i18n/en/documents.json';
import type exportsCatalog from '../i18n/en/exports.json';
import type finance from '../i18n/en/finance.json';
import type header from '../i18n/en/header.json';
import type hubs from '../i18n/en/hubs.json';
import type landing from '../i18n/en/landing.json';
import type messaging from '../i18n/en/messaging.json';
import type notices from '../i18n/en/notices.json';
import type officer from '../i18n/en/officer.json';
import type onboarding from '../i18n/en/onboarding.json';
import type profile from '../i18n/en/profile.json';
import type relationships from '../i18n/en/relationships.json';
import type resources from '../i18n/en/resources.json';
import type rulings from '../i18n/en/rulings.json';
import type webhooks from '../i18n/en/webhooks.json';
import { type Language, languageOfPath } from './language';

/**
 * The shape of every namespace, taken from the English files (types only: nothing is bundled from
 * here). i18next.d.ts types `t()` keys with it; the parity test holds French to the same keys.
 */
export interface Catalogs {
  account: typeof account;
  'api-tokens': typeof apiTokens;
  assistant: typeof assistant;
  auth: typeof auth;
  business: typeof business;
  calculator: typeof calculator;
  claims: typeof claims;
  common: typeof common;
  credentials: typeof credentials;
  documents: typeof documents;
  exports: typeof exportsCatalog;
  finance: typeof finance;
  header: typeof header;
  hubs: typeof hubs;
  landing: typeof landing;
  messaging: typeof messaging;
  notices: typeof notices;
  officer: typeof officer;
  onboarding: typeof onboarding;
  profile: typeof profile;
  relationships: typeof relationships;
  resources: typeof resources;
  rulings: typeof rulings;
  webhooks: typeof webhooks;
}
export type Namespace = keyof Catalogs;

export const namespaces = [
  'account',
  'api-tokens',
  'assistant',
  'auth',
  'business',
  'calculator',
  'claims',
  'common',
  'credentials',
  'documents',
  'exports',
  'finance',
  'header',
  'hubs',
  'landing',
  'messaging',
  'notices',
  'officer',
  'onboarding',
  'profile',
  'relationships',
  'resources',
  'rulings',
  'webhooks',
] as const satisfies readonly Namespace[];
// Compile-time check that the list above names every namespace of Catalogs.
true satisfies [Exclude<Namespace, (typeof namespaces)[number]>] extends [never] ? true : false;

export const defaultNamespace = 'common';

type Messages = Record<string, unknown>;

/**
 * One chunk per language and namespace, fetched when a page needs it: a page loads its own
 * namespaces in its own language only (a few kB), not the 32 files (docs/decisions/0024).
 */
const catalogFiles = import.meta.glob<Messages>('../i18n/*/*.json', { import: 'default' });

/** Every (language, namespace) asked for so far, so a language switch loads the same namespaces. */
const requested = new Set<Namespace>();
const loading = new Map<string, Promise<void>>();

/** An instance for the app; each page's namespaces are loaded before it renders (see loadCatalogs). */
export const i18n = i18next.createInstance();

/**
 * Loads these namespaces of one language (once each) into i18n. The router's loaders call it for the
 * page they open, so that the page renders with its text already there.
 */
export function loadCatalogs(language: Language, wanted: readonly Namespace[]): Promise<void> {
  return Promise.all(
    wanted.map((namespace) => {
      requested.add(namespace);
      const key = `${language}/${namespace}`;
      let done = loading.get(key);
      if (!done) {
        const load = catalogFiles[`../i18n/${key}.json`];
        if (!load) return Promise.reject(new Error(`No catalog ${key}`));
        done = load().then((messages) => {
          i18n.addResourceBundle(language, namespace, messages, true, true);
        });
        // A failed fetch (a new deployment removed the chunk, the network dropped) may be retried.
        done.catch(() => loading.delete(key));
        loading.set(key, done);
      }
      return done;
    }),
  ).then(() => undefined);
}

/**
 * The safety net behind loadCatalogs: a component that asks for a namespace its route did not declare
 * suspends while i18next fetches it here, instead of showing keys.
 */
const lazyCatalogs: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, namespace, callback) {
    const isKnown = (namespaces as readonly string[]).includes(namespace);
    if ((language !== 'en' && language !== 'fr') || !isKnown) {
      callback(null, {});
      return;
    }
    loadCatalogs(language, [namespace as Namespace]).then(
      () => callback(null, i18n.getResourceBundle(language, namespace) as Messages),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

const initialLanguage: Language =
  (typeof window === 'undefined' ? undefined : languageOfPath(window.location.pathname)) ?? 'en';

void i18n
  .use(lazyCatalogs)
  .use(initReactI18next)
  .init({
    lng: initialLanguage,
    supportedLngs: ['en', 'fr'],
    // No fallback: the parity test guarantees both languages have every key, and a missing French
    // string must never show up in English.
    fallbackLng: false,
    ns: [defaultNamespace],
    defaultNS: defaultNamespace,
    // React escapes text already.
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
    // No advertising line in the console of the portal (or of every test run).
    showSupportNotice: false,
  });

/**
 * Switches the UI language and keeps `<html lang>` in step: the GCDS components read their
 * language from the closest `lang` attribute when they load. Synchronous once the language's
 * catalogs are loaded (see loadLanguage).
 */
export function applyLanguage(language: Language): void {
  document.documentElement.lang = language;
  if (i18n.language !== language) void i18n.changeLanguage(language);
}

/**
 * Loads, in this language, the common namespace and every namespace used so far (so that a page switched
 * to the other language never shows a key), then applies the language.
 */
export async function loadLanguage(language: Language): Promise<void> {
  await loadCatalogs(language, [defaultNamespace, ...requested]);
  applyLanguage(language);
}
