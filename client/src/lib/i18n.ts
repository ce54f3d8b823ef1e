import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import enAccount from '../i18n/en/account.json';
import enApiTokens from '../i18n/en/api-tokens.json';
import enAuth from '../i18n/en/auth.json';
import enBusiness from '../i18n/en/business.json';
import enCommon from '../i18n/en/common.json';
import enCredentials from '../i18n/en/credentials.json';
import enLanding from '../i18n/en/landing.json';
import enOnboarding from '../i18n/en/onboarding.json';
import enOfficer from '../i18n/en/officer.json';
import enProfile from '../i18n/en/profile.json';
import enRelationships from '../i18n/en/relationships.json';
import enRulings from '../i18n/en/rulings.json';
import enDocuments from '../i18n/en/documents.json';
import enCalculator from '../i18n/en/calculator.json';
import enFinance from '../i18n/en/finance.json';
import enNotices from '../i18n/en/notices.json';
import frAccount from '../i18n/fr/account.json';
import frApiTokens from '../i18n/fr/api-tokens.json';
import frAuth from '../i18n/fr/auth.json';
import frBusiness from '../i18n/fr/business.json';
import frCommon from '../i18n/fr/common.json';
import frCredentials from '../i18n/fr/credentials.json';
import frLanding from '../i18n/fr/landing.json';
import frOnboarding from '../i18n/fr/onboarding.json';
import frOfficer from '../i18n/fr/officer.json';
import frProfile from '../i18n/fr/profile.json';
import frRelationships from '../i18n/fr/relationships.json';
import frRulings from '../i18n/fr/rulings.json';
import frDocuments from '../i18n/fr/documents.json';
import frCalculator from '../i18n/fr/calculator.json';
import frFinance from '../i18n/fr/finance.json';
import frNotices from '../i18n/fr/notices.json';
import { type Language } from './language';

export const resources = {
  en: {
    common: enCommon,
    landing: enLanding,
    credentials: enCredentials,
    auth: enAuth,
    profile: enProfile,
    account: enAccount,
    officer: enOfficer,
    onboarding: enOnboarding,
    business: enBusiness,
    relationships: enRelationships,
    'api-tokens': enApiTokens,
    rulings: enRulings,
    documents: enDocuments,
    calculator: enCalculator,
    finance: enFinance,
    notices: enNotices,
  },
  fr: {
    common: frCommon,
    landing: frLanding,
    credentials: frCredentials,
    auth: frAuth,
    profile: frProfile,
    account: frAccount,
    officer: frOfficer,
    onboarding: frOnboarding,
    business: frBusiness,
    relationships: frRelationships,
    'api-tokens': frApiTokens,
    rulings: frRulings,
    documents: frDocuments,
    calculator: frCalculator,
    finance: frFinance,
    notices: frNotices,
  },
} as const;

export const defaultNamespace = 'common';

/** One instance for the app: resources are bundled, so it is ready synchronously. */
export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources,
  lng: 'en',
  supportedLngs: ['en', 'fr'],
  // No fallback: the parity test guarantees both languages have every key, and a missing French
  // string must never show up in English.
  fallbackLng: false,
  ns: Object.keys(resources.en),
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
 * language from the closest `lang` attribute when they load.
 */
export function applyLanguage(language: Language): void {
  document.documentElement.lang = language;
  if (i18n.language !== language) void i18n.changeLanguage(language);
}
