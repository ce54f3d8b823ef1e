import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { type Language } from '../../common/i18n/language.js';

// The bilingual texts of the notices the portal writes from events (seed 003 §2.4 gives the first two:
// "Demande d'accès en attente pour votre entreprise", "Vos autorisations d'accès ont changé"). Texts are
// complete sentences per language, filled from named values; never built by concatenating fragments.

export interface Bilingual {
  en: string;
  fr: string;
}

type Template = { subject: Bilingual; body: Bilingual };

// The texts are data: server/reference-data/notice-templates.json, one entry a notice (read once, when the
// module loads; the runtime image ships reference-data/). src/ and dist/ are both three levels below server/.
export const noticeTemplatesFile = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../reference-data/notice-templates.json',
);

/** The names of the templates in the file; the file must hold each, and no other. */
export const templateNames = [
  'accessRequested',
  'accessApproved',
  'accessRejected',
  'roleChanged',
  'membershipRevoked',
  'assignmentsChanged',
  'registered',
  'relationshipRequested',
  'relationshipCancelled',
  'relationshipAccepted',
  'relationshipRejected',
  'relationshipExpiring',
  'relationshipExpired',
  'relationshipEnded',
  'statementIssued',
  'messageFromAgency',
  'letterIssued',
  'claimSubmitted',
  'claimUnderReview',
  'claimInformationRequested',
  'claimApproved',
  'claimPartiallyApproved',
  'claimRejected',
  'claimWithdrawn',
  'repaymentPayable',
  'repaymentPaid',
  'repaymentUnpaid',
] as const;

export type TemplateName = (typeof templateNames)[number];

const bilingual = z.object({ en: z.string().min(1), fr: z.string().min(1) }).strict();
const templateFile = z.record(z.string(), z.object({ subject: bilingual, body: bilingual }).strict());

/** Parses the template file; throws unless it holds every name of `templateNames` and no other. */
export function parseNoticeTemplates(text: string): Record<TemplateName, Template> {
  const parsed = templateFile.parse(JSON.parse(text));
  const names: readonly string[] = templateNames;
  const missing = templateNames.filter((name) => !parsed[name]);
  const unknown = Object.keys(parsed).filter((name) => !names.includes(name));
  if (missing.length || unknown.length) {
    throw new Error(
      `Notice templates: missing ${missing.join(', ') || 'none'}; unknown ${unknown.join(', ') || 'none'}`,
    );
  }
  return parsed;
}

const templates = parseNoticeTemplates(readFileSync(noticeTemplatesFile, 'utf8'));

function fill(text: string, values: Record<string, string | Bilingual>, lang: Language): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    return typeof value === 'string' ? value : value[lang];
  });
}

/** The subject and body of a template in both languages; a value may itself differ by language. */
export function renderNotice(
  name: TemplateName,
  values: Record<string, string | Bilingual>,
): { subject: Bilingual; body: Bilingual } {
  const template = templates[name];
  return {
    subject: { en: fill(template.subject.en, values, 'en'), fr: fill(template.subject.fr, values, 'fr') },
    body: { en: fill(template.body.en, values, 'en'), fr: fill(template.body.fr, values, 'fr') },
  };
}

export const roleLabels: Record<string, Bilingual> = {
  BUSINESS_ACCOUNT_MANAGER: {
    en: 'Business Account Manager',
    fr: 'Gestionnaire du compte d’entreprise',
  },
  PROGRAM_ACCOUNT_MANAGER: { en: 'Program Account Manager', fr: 'Gestionnaire du compte de programme' },
  EDITOR: { en: 'Editor', fr: 'Rédacteur' },
  READER: { en: 'Reader', fr: 'Lecteur' },
};

/** Cents as the agency writes money: $1,234.56 in English, 1 234,56 $ in French. */
export function money(cents: number): Bilingual {
  const amount = cents / 100;
  const options = { style: 'currency', currency: 'CAD', currencyDisplay: 'narrowSymbol' } as const;
  return {
    en: new Intl.NumberFormat('en-CA', options).format(amount),
    fr: new Intl.NumberFormat('fr-CA', options).format(amount),
  };
}
