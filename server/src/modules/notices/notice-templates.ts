import { type Language } from '../../common/i18n/language.js';

// The bilingual texts of the notices the portal writes from events (seed 003 §2.4 gives the first two:
// "Demande d'accès en attente pour votre entreprise", "Vos autorisations d'accès ont changé"). Texts are
// complete sentences per language, filled from named values; never built by concatenating fragments.

export interface Bilingual {
  en: string;
  fr: string;
}

type Template = { subject: Bilingual; body: Bilingual };

const templates = {
  accessRequested: {
    subject: {
      en: 'Pending access request for your business',
      fr: 'Demande d’accès en attente pour votre entreprise',
    },
    body: {
      en: 'You have a new pending access request from {person} for {business} ({bn}).\nTo see the details of the request, go to the Manage pending access requests page.',
      fr: 'Vous avez une nouvelle demande d’accès en attente de {person} pour {business} ({bn}).\nPour consulter tous les détails de la demande, allez à la page Gérer les demandes d’accès en attente.',
    },
  },
  accessApproved: {
    subject: { en: 'Your access authorizations have changed', fr: 'Vos autorisations d’accès ont changé' },
    body: {
      en: '{business} ({bn}) approved your access request. Your role: {role}.',
      fr: '{business} ({bn}) a approuvé votre demande d’accès. Votre rôle : {role}.',
    },
  },
  accessRejected: {
    subject: { en: 'Your access request was rejected', fr: 'Votre demande d’accès a été refusée' },
    body: {
      en: '{business} ({bn}) rejected your access request.',
      fr: '{business} ({bn}) a refusé votre demande d’accès.',
    },
  },
  roleChanged: {
    subject: { en: 'Your access authorizations have changed', fr: 'Vos autorisations d’accès ont changé' },
    body: {
      en: 'Your role for {business} ({bn}) is now {role}.',
      fr: 'Votre rôle pour {business} ({bn}) est maintenant {role}.',
    },
  },
  membershipRevoked: {
    subject: { en: 'Your access authorizations have changed', fr: 'Vos autorisations d’accès ont changé' },
    body: {
      en: 'Your access to {business} ({bn}) was removed.',
      fr: 'Votre accès à {business} ({bn}) a été retiré.',
    },
  },
  assignmentsChanged: {
    subject: { en: 'Your client assignments have changed', fr: 'Vos affectations de clients ont changé' },
    body: {
      en: '{business} ({bn}) changed the clients you work on.',
      fr: '{business} ({bn}) a modifié les clients dont vous vous occupez.',
    },
  },
  registered: {
    subject: { en: 'Business registration completed', fr: 'Inscription de l’entreprise terminée' },
    body: {
      en: '{business} ({bn}) is now registered on the portal.',
      fr: '{business} ({bn}) est maintenant inscrite au portail.',
    },
  },
  relationshipRequested: {
    subject: {
      en: 'New business relationship request',
      fr: 'Nouvelle demande de relation d’affaires',
    },
    body: {
      en: '{provider} ({providerBn}) asks for a business relationship with {client} ({clientBn}).\nTo answer, go to the Manage my business relationships page.',
      fr: '{provider} ({providerBn}) demande une relation d’affaires avec {client} ({clientBn}).\nPour répondre, allez à la page Gérer mes relations d’affaires.',
    },
  },
  relationshipCancelled: {
    subject: {
      en: 'A business relationship request was withdrawn',
      fr: 'Une demande de relation d’affaires a été retirée',
    },
    body: {
      en: '{provider} ({providerBn}) withdrew its request for a business relationship with {client} ({clientBn}).',
      fr: '{provider} ({providerBn}) a retiré sa demande de relation d’affaires avec {client} ({clientBn}).',
    },
  },
  relationshipAccepted: {
    subject: {
      en: 'Your business relationship request was accepted',
      fr: 'Votre demande de relation d’affaires a été acceptée',
    },
    body: {
      en: '{client} ({clientBn}) accepted the business relationship with {provider} ({providerBn}).',
      fr: '{client} ({clientBn}) a accepté la relation d’affaires avec {provider} ({providerBn}).',
    },
  },
  relationshipRejected: {
    subject: {
      en: 'Your business relationship request was rejected',
      fr: 'Votre demande de relation d’affaires a été refusée',
    },
    body: {
      en: '{client} ({clientBn}) rejected the business relationship with {provider} ({providerBn}).',
      fr: '{client} ({clientBn}) a refusé la relation d’affaires avec {provider} ({providerBn}).',
    },
  },
  relationshipExpiring: {
    subject: {
      en: 'A business relationship request expires soon',
      fr: 'Une demande de relation d’affaires expire bientôt',
    },
    body: {
      en: 'The request of {provider} ({providerBn}) for a business relationship with {client} ({clientBn}) expires on {date} unless you answer it.',
      fr: 'La demande de relation d’affaires de {provider} ({providerBn}) avec {client} ({clientBn}) expire le {date} si vous n’y répondez pas.',
    },
  },
  relationshipExpired: {
    subject: {
      en: 'A business relationship request expired',
      fr: 'Une demande de relation d’affaires a expiré',
    },
    body: {
      en: 'The request of {provider} ({providerBn}) for a business relationship with {client} ({clientBn}) expired without an answer.',
      fr: 'La demande de relation d’affaires de {provider} ({providerBn}) avec {client} ({clientBn}) a expiré sans réponse.',
    },
  },
  relationshipEnded: {
    subject: { en: 'A business relationship ended', fr: 'Une relation d’affaires a pris fin' },
    body: {
      en: 'The business relationship between {provider} ({providerBn}) and {client} ({clientBn}) ended.',
      fr: 'La relation d’affaires entre {provider} ({providerBn}) et {client} ({clientBn}) a pris fin.',
    },
  },
  statementIssued: {
    subject: {
      en: 'Your statement of account of {date} is ready',
      fr: 'Votre relevé de compte du {date} est prêt',
    },
    body: {
      en: 'A statement of account was issued for program account {account} for the period {start} to {end}.\nBalance: {balance}. Amount due: {due}, by {dueDate}.',
      fr: 'Un relevé de compte a été émis pour le compte de programme {account} pour la période du {start} au {end}.\nSolde : {balance}. Montant dû : {due}, au plus tard le {dueDate}.',
    },
  },
  messageFromAgency: {
    subject: {
      en: 'New message from the agency: {subject}',
      fr: 'Nouveau message de l’agence : {subject}',
    },
    body: {
      en: 'The agency wrote in the secure message thread {reference} ({subject}) for {business} ({bn}).\nOpen the thread to read the message.',
      fr: 'L’agence a écrit dans le fil de messagerie protégée {reference} ({subject}) pour {business} ({bn}).\nOuvrez le fil pour lire le message.',
    },
  },
  letterIssued: {
    subject: { en: 'New letter from the agency: {subject}', fr: 'Nouvelle lettre de l’agence : {subject}' },
    body: {
      en: 'The agency sent a letter to {business} ({bn}): {subject}.\nOpen your correspondence to read it and download it.',
      fr: 'L’agence a envoyé une lettre à {business} ({bn}) : {subject}.\nOuvrez votre correspondance pour la lire et la télécharger.',
    },
  },
  claimSubmitted: {
    subject: { en: 'Claim {case} submitted', fr: 'Demande {case} présentée' },
    body: {
      en: 'Claim {case} on transaction {transaction} of account {account} was submitted to the agency for {amount}.\nOpen the claim to follow it.',
      fr: 'La demande {case} sur la transaction {transaction} du compte {account} a été présentée à l’agence pour {amount}.\nOuvrez la demande pour la suivre.',
    },
  },
  claimUnderReview: {
    subject: { en: 'Claim {case} under review', fr: 'Demande {case} en cours d’examen' },
    body: {
      en: 'The agency is reviewing claim {case} on transaction {transaction} of account {account}.\nOpen the claim to follow it.',
      fr: 'L’agence examine la demande {case} sur la transaction {transaction} du compte {account}.\nOuvrez la demande pour la suivre.',
    },
  },
  claimInformationRequested: {
    subject: {
      en: 'Claim {case}: more information requested',
      fr: 'Demande {case} : renseignements supplémentaires demandés',
    },
    body: {
      en: 'The agency asks for more information about claim {case} on transaction {transaction} of account {account}.\nOpen the claim to read the request and answer it.',
      fr: 'L’agence demande des renseignements supplémentaires sur la demande {case} sur la transaction {transaction} du compte {account}.\nOuvrez la demande pour lire la question et y répondre.',
    },
  },
  claimApproved: {
    subject: { en: 'Claim {case} approved', fr: 'Demande {case} approuvée' },
    body: {
      en: 'The agency approved claim {case} on transaction {transaction} of account {account} in full: {amount}.\nOpen the claim to see the decision and the repayment.',
      fr: 'L’agence a approuvé en entier la demande {case} sur la transaction {transaction} du compte {account} : {amount}.\nOuvrez la demande pour consulter la décision et le remboursement.',
    },
  },
  claimPartiallyApproved: {
    subject: { en: 'Claim {case} approved in part', fr: 'Demande {case} approuvée en partie' },
    body: {
      en: 'The agency approved claim {case} on transaction {transaction} of account {account} in part: {amount} of {claimed}.\nOpen the claim to see the decision and its reason.',
      fr: 'L’agence a approuvé en partie la demande {case} sur la transaction {transaction} du compte {account} : {amount} sur {claimed}.\nOuvrez la demande pour consulter la décision et son motif.',
    },
  },
  claimRejected: {
    subject: { en: 'Claim {case} rejected', fr: 'Demande {case} refusée' },
    body: {
      en: 'The agency rejected claim {case} on transaction {transaction} of account {account}.\nOpen the claim to see the decision and its reason.',
      fr: 'L’agence a refusé la demande {case} sur la transaction {transaction} du compte {account}.\nOuvrez la demande pour consulter la décision et son motif.',
    },
  },
  claimWithdrawn: {
    subject: { en: 'Claim {case} withdrawn', fr: 'Demande {case} retirée' },
    body: {
      en: 'Claim {case} on transaction {transaction} of account {account} was withdrawn.',
      fr: 'La demande {case} sur la transaction {transaction} du compte {account} a été retirée.',
    },
  },
  repaymentPayable: {
    subject: { en: 'Repayment payable for claim {case}', fr: 'Remboursement payable pour la demande {case}' },
    body: {
      en: 'A repayment of {amount} for claim {case} on account {account} is payable.\nOpen the claim to follow it.',
      fr: 'Un remboursement de {amount} pour la demande {case} du compte {account} est payable.\nOuvrez la demande pour le suivre.',
    },
  },
  repaymentPaid: {
    subject: { en: 'Repayment paid for claim {case}', fr: 'Remboursement payé pour la demande {case}' },
    body: {
      en: 'The repayment of {amount} for claim {case} on account {account} was paid.\nOpen the claim to see how and when.',
      fr: 'Le remboursement de {amount} pour la demande {case} du compte {account} a été payé.\nOuvrez la demande pour savoir comment et quand.',
    },
  },
  repaymentUnpaid: {
    subject: { en: 'Repayment withheld for claim {case}', fr: 'Remboursement retenu pour la demande {case}' },
    body: {
      en: 'The repayment of {amount} for claim {case} on account {account} was withheld.\nOpen the claim to see the reason.',
      fr: 'Le remboursement de {amount} pour la demande {case} du compte {account} a été retenu.\nOuvrez la demande pour en connaître le motif.',
    },
  },
} satisfies Record<string, Template>;

export type TemplateName = keyof typeof templates;

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
  const template: Template = templates[name];
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
