import { type EntityManager } from 'typeorm';
import { type DomainEventType, type PublishedEvent } from '../../common/events/domain-events.js';
import { type EventHandler, type EventSubscriber } from '../../common/events/event-bus.js';
import { registryBusinessByNumber } from '../businesses/activation-keys.service.js';
import { registryIdOfBusiness } from '../businesses/business-directory.service.js';
import { type LetterDraft, writeLetters } from './letters.service.js';
import { LetterKind } from './messaging.types.js';

// Letters the portal writes for its own decisions (docs/messaging.md "Correspondence"), as this module's
// subscriber on the event bus (decision 0020): each is written in the decision's transaction, once per
// event. Adding a trigger is one entry in `letterTriggers`: the event type, and what the letter says.

type Drafter<T extends DomainEventType> = (
  manager: EntityManager,
  event: PublishedEvent<T>,
) => Promise<LetterDraft[]>;

/** The registry business of a BN9 in an event (null when the registry has no such business). */
async function registryIdOf(manager: EntityManager, businessNumber: string): Promise<string | null> {
  const found = await registryBusinessByNumber(manager, businessNumber, []);
  return 'id' in found ? found.id : null;
}

function formatDate(iso: string, lang: 'en' | 'fr'): string {
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-CA' : 'en-CA', {
    dateStyle: 'long',
    timeZone: 'America/Toronto',
  }).format(new Date(iso));
}

/** A claim's decision as the letter words it (the claim's page gives the amounts and the reason). */
const claimDecisions: Record<string, { en: string; fr: string }> = {
  APPROVED: { en: 'approved', fr: 'approuvé' },
  PARTIALLY_APPROVED: { en: 'approved in part', fr: 'approuvé en partie' },
  REJECTED: { en: 'rejected', fr: 'refusé' },
};

/** The officer's text as a letter quotes it: each line indented, so it reads as the agency's words. */
function quoted(text: string): string {
  return text
    .split('\n')
    .map((line) => `    ${line}`.trimEnd())
    .join('\n');
}

export const letterTriggers: { [T in DomainEventType]?: Drafter<T> } = {
  // The agency issued a ruling or closed a ruling request (decision 0046): a letter about its program
  // account, in both languages, quoting the officer's text. Other status changes write no letter.
  RULING_STATUS_CHANGED: async (manager, event) => {
    const { caseNumber, businessId, programAccountId, to, noteEn, noteFr } = event.payload;
    if (to !== 'ISSUED' && to !== 'CLOSED') return [];
    const issued = to === 'ISSUED';
    return [
      {
        registryBusinessId: await registryIdOfBusiness(manager, businessId),
        programAccountId,
        kind: LetterKind.RULING_DECIDED,
        subjectEn: issued ? `Ruling issued for case ${caseNumber}` : `Ruling request ${caseNumber} closed`,
        subjectFr: issued
          ? `Décision rendue pour le cas ${caseNumber}`
          : `Demande de décision ${caseNumber} fermée`,
        bodyEn: issued
          ? `The agency has issued its ruling on your request ${caseNumber}:\n\n${quoted(noteEn)}\n\nThe request's page in the client portal shows the goods and the questions it answers. If you disagree with the ruling, contact the agency through secure messaging.`
          : `The agency has closed your ruling request ${caseNumber} without a ruling, for this reason:\n\n${quoted(noteEn)}\n\nYou may submit a new request. If you have questions, contact the agency through secure messaging.`,
        bodyFr: issued
          ? `L'agence a rendu sa décision sur votre demande ${caseNumber} :\n\n${quoted(noteFr)}\n\nLa page de la demande dans le portail client indique les marchandises et les questions auxquelles elle répond. Si vous êtes en désaccord avec la décision, communiquez avec l'agence par la messagerie protégée.`
          : `L'agence a fermé votre demande de décision ${caseNumber} sans rendre de décision, pour le motif suivant :\n\n${quoted(noteFr)}\n\nVous pouvez présenter une nouvelle demande. Pour toute question, communiquez avec l'agence par la messagerie protégée.`,
        issuedBy: null,
        sourceKey: `event:${event.id}`,
      },
    ];
  },
  // The agency approved or rejected a change of a program account's financial security (decision 0046).
  SECURITY_CHANGE_DECIDED: async (manager, event) => {
    const { businessId, programAccountId, decision, reasonEn, reasonFr } = event.payload;
    const approved = decision === 'APPROVED';
    return [
      {
        registryBusinessId: await registryIdOfBusiness(manager, businessId),
        programAccountId,
        kind: LetterKind.SECURITY_CHANGE_DECIDED,
        subjectEn: approved
          ? 'Change of financial security approved'
          : 'Change of financial security rejected',
        subjectFr: approved
          ? 'Changement de garantie financière approuvé'
          : 'Changement de garantie financière refusé',
        bodyEn: `The agency has ${approved ? 'approved' : 'rejected'} the change of financial security submitted for this program account, for this reason:\n\n${quoted(reasonEn)}\n\nThe account's financial security page in the client portal shows the security on file. If you have questions, contact the agency through secure messaging.`,
        bodyFr: `L'agence a ${approved ? 'approuvé' : 'refusé'} le changement de garantie financière présenté pour ce compte de programme, pour le motif suivant :\n\n${quoted(reasonFr)}\n\nLa page de la garantie financière du compte dans le portail client indique la garantie au dossier. Pour toute question, communiquez avec l'agence par la messagerie protégée.`,
        issuedBy: null,
        sourceKey: `event:${event.id}`,
      },
    ];
  },
  // The agency decided a claim (docs/claims.md): a letter about its program account, in both languages.
  CLAIM_STATUS_CHANGED: async (manager, event) => {
    const decision = claimDecisions[event.payload.to];
    if (!decision) return [];
    const { caseNumber, businessId, programAccountId } = event.payload;
    return [
      {
        registryBusinessId: await registryIdOfBusiness(manager, businessId),
        programAccountId,
        kind: LetterKind.CLAIM_DECIDED,
        subjectEn: `Decision on claim ${caseNumber}`,
        subjectFr: `Décision sur la demande ${caseNumber}`,
        bodyEn: `The agency has ${decision.en} claim ${caseNumber}.\n\nThe claim's page in the client portal shows the amount approved, any repayment and the reasons for the decision. If you disagree with it, contact the agency through secure messaging.`,
        bodyFr: `L'agence a ${decision.fr} la demande ${caseNumber}.\n\nLa page de la demande dans le portail client indique le montant approuvé, le remboursement s'il y a lieu et les motifs de la décision. Si vous êtes en désaccord, communiquez avec l'agence par la messagerie protégée.`,
        issuedBy: null,
        sourceKey: `event:${event.id}`,
      },
    ];
  },
  REGISTRATION_UNLOCKED: async (manager, event) => {
    const registryBusinessId = await registryIdOf(manager, event.payload.businessNumber);
    if (!registryBusinessId) return [];
    const bn = event.payload.businessNumber;
    return [
      {
        registryBusinessId,
        programAccountId: null,
        kind: LetterKind.REGISTRATION_UNLOCKED,
        subjectEn: `Registration unlocked for business number ${bn}`,
        subjectFr: `Inscription déverrouillée pour le numéro d'entreprise ${bn}`,
        bodyEn: `The agency unlocked the registration of business number ${bn} on the client portal.\n\nThe business's representative may try to register again by answering the questions about its most recent statement or daily notice. If you did not ask for this, contact your account officer.`,
        bodyFr: `L'agence a déverrouillé l'inscription du numéro d'entreprise ${bn} au portail client.\n\nLe représentant de l'entreprise peut tenter de s'inscrire de nouveau en répondant aux questions sur son plus récent relevé de compte ou avis quotidien. Si vous n'en avez pas fait la demande, communiquez avec votre agent de compte.`,
        issuedBy: null,
        sourceKey: `event:${event.id}`,
      },
    ];
  },
  ACTIVATION_KEY_ISSUED: async (manager, event) => {
    const registryBusinessId = await registryIdOf(manager, event.payload.businessNumber);
    if (!registryBusinessId) return [];
    const { businessNumber: bn, contactName, expiresAt } = event.payload;
    return [
      {
        registryBusinessId,
        programAccountId: null,
        kind: LetterKind.ACTIVATION_KEY_ISSUED,
        subjectEn: `Activation key issued for business number ${bn}`,
        subjectFr: `Clé d'activation émise pour le numéro d'entreprise ${bn}`,
        // The key itself is never written in a letter: only its holder, and until when it is valid.
        bodyEn: `The agency issued an activation key for business number ${bn} to ${contactName}. It is valid until ${formatDate(expiresAt, 'en')} and can be used once.\n\nIf nobody in your business asked for this key, contact your account officer.`,
        bodyFr: `L'agence a émis une clé d'activation pour le numéro d'entreprise ${bn} à ${contactName}. Elle est valide jusqu'au ${formatDate(expiresAt, 'fr')} et ne peut servir qu'une fois.\n\nSi personne dans votre entreprise n'a demandé cette clé, communiquez avec votre agent de compte.`,
        issuedBy: null,
        sourceKey: `event:${event.id}`,
      },
    ];
  },
};

function handlerOf<T extends DomainEventType>(drafter: Drafter<T>): EventHandler<T> {
  return async (manager, event) => {
    await writeLetters(manager, await drafter(manager, event), event.occurredAt);
  };
}

export const letterSubscriber: EventSubscriber = {
  name: 'messaging',
  handlers: Object.fromEntries(
    Object.entries(letterTriggers).map(([type, drafter]) => [
      type,
      handlerOf(drafter as Drafter<DomainEventType>),
    ]),
  ),
};
