// The guided assistant's prepared scenarios (seed 003, "Resources": a conversational agent with prepared
// scenarios that helps people through registration). Plain data: the words are in the assistant catalogs
// (scenarios.<id>), the keywords that recognise a question are here, per language, without accents.

export const scenarioIds = [
  'registerBusiness',
  'linkBusiness',
  'requestAccess',
  'createCredential',
  'forgotPassword',
  'relationships',
  'finance',
] as const;

export type ScenarioId = (typeof scenarioIds)[number];

export interface Scenario {
  /** The catalog keys of its steps, in order. */
  steps: readonly ('step1' | 'step2' | 'step3' | 'step4')[];
  /** The next steps it offers: a link label (scenarios.<id>.links.<key>) and the page's path under /:lang/. */
  links: Readonly<Record<string, string>>;
  /** Words or phrases that point to it; a phrase of n words counts n. */
  keywords: { en: readonly string[]; fr: readonly string[] };
}

const four = ['step1', 'step2', 'step3', 'step4'] as const;

export const scenarios: Readonly<Record<ScenarioId, Scenario>> = {
  registerBusiness: {
    steps: four,
    links: { register: 'setup/register', onboarding: 'onboarding' },
    keywords: {
      en: ['register', 'registration', 'enrol', 'business number', 'my business', 'bn'],
      fr: ['inscrire', 'inscription', 'enregistrer', 'numero d entreprise', 'mon entreprise'],
    },
  },
  linkBusiness: {
    steps: four,
    links: { activationKey: 'setup/activation-key', setup: 'setup' },
    keywords: {
      en: ['link', 'activation key', 'activation', 'connect', 'join'],
      fr: ['lier', 'relier', 'associer', 'cle d activation', 'activation'],
    },
  },
  requestAccess: {
    steps: ['step1', 'step2', 'step3'],
    links: { requestAccess: 'setup/request-access' },
    keywords: {
      en: ['access', 'employer', 'employee', 'permission', 'request'],
      fr: ['acces', 'employeur', 'employe', 'permission', 'demander'],
    },
  },
  createCredential: {
    steps: four,
    links: { gckey: 'sign-in/gckey', partner: 'sign-in/partner' },
    keywords: {
      en: ['credential', 'gckey', 'sign in', 'sign up', 'username', 'sign in partner', 'bank', 'create'],
      fr: [
        'justificatif',
        'clegc',
        'ouvrir une session',
        'nom d utilisateur',
        'partenaire',
        'banque',
        'creer',
      ],
    },
  },
  forgotPassword: {
    steps: four,
    links: { forgot: 'forgot-password' },
    keywords: {
      en: ['forgot', 'forgotten', 'password', 'reset', 'recover', 'locked'],
      fr: ['oublie', 'mot de passe', 'reinitialiser', 'recuperer', 'verrouille'],
    },
  },
  relationships: {
    steps: ['step1', 'step2', 'step3'],
    links: { relationships: 'business/relationships', configure: 'menu/configure' },
    keywords: {
      en: ['broker', 'relationship', 'consultant', 'client', 'delegate', 'act for'],
      fr: ['courtier', 'relation', 'conseiller', 'client', 'deleg', 'agir pour', 'agit'],
    },
  },
  finance: {
    steps: four,
    links: { finance: 'finance', payments: 'menu/payments' },
    keywords: {
      en: ['owe', 'balance', 'statement', 'invoice', 'payment', 'pay', 'credit', 'financ', 'money', 'debit'],
      fr: [
        'dois',
        'doit',
        'solde',
        'releve',
        'facture',
        'paiement',
        'payer',
        'credit',
        'financ',
        'argent',
        'debit',
      ],
    },
  },
};

/** Lower case, no accents, words separated by single spaces, with a space before the first. */
function normalise(text: string): string {
  const words = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  return ` ${words} `;
}

/**
 * The scenario a question is about: the one whose keywords it holds most (a keyword matches the start of a
 * word; a phrase of n words counts n), the first in `scenarioIds` on a tie, none when no keyword is there.
 */
export function recogniseQuestion(question: string, language: 'en' | 'fr'): ScenarioId | null {
  const text = normalise(question);
  let best: ScenarioId | null = null;
  let bestScore = 0;
  for (const id of scenarioIds) {
    const score = scenarios[id].keywords[language]
      .filter((keyword) => text.includes(` ${keyword}`))
      .reduce((sum, keyword) => sum + keyword.split(' ').length, 0);
    if (score > bestScore) {
      best = id;
      bestScore = score;
    }
  }
  return best;
}
