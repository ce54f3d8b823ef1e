import { type Language } from '../../common/i18n/language.js';

/**
 * The recovery questions a person chooses from (seed 003 §1.5). Ids are stable (stored with each credential);
 * the texts may be reworded. Every answer must be letters, digits and spaces, so no question asks for
 * something usually written with punctuation (an email address, a date).
 */
export const RECOVERY_QUESTIONS: ReadonlyArray<{ id: string; text: Record<Language, string> }> = [
  {
    id: 'first-pet',
    text: {
      en: 'What was the name of your first pet?',
      fr: 'Quel était le nom de votre premier animal de compagnie?',
    },
  },
  {
    id: 'childhood-street',
    text: {
      en: 'On what street did you live as a child?',
      fr: 'Sur quelle rue habitiez-vous quand vous étiez enfant?',
    },
  },
  {
    id: 'elementary-school',
    text: {
      en: 'What was the name of your elementary school?',
      fr: 'Quel était le nom de votre école primaire?',
    },
  },
  {
    id: 'first-employer',
    text: {
      en: 'What was the name of your first employer?',
      fr: 'Quel était le nom de votre premier employeur?',
    },
  },
  {
    id: 'favourite-teacher',
    text: {
      en: 'What was the last name of your favourite teacher?',
      fr: 'Quel était le nom de famille de votre enseignant préféré?',
    },
  },
  {
    id: 'first-car',
    text: {
      en: 'What was the make of your first car?',
      fr: 'Quelle était la marque de votre première voiture?',
    },
  },
  {
    id: 'childhood-friend',
    text: {
      en: 'What is the first name of your best childhood friend?',
      fr: "Quel est le prénom de votre meilleur ami d'enfance?",
    },
  },
  {
    id: 'parents-city',
    text: {
      en: 'In what city did your parents meet?',
      fr: 'Dans quelle ville vos parents se sont-ils rencontrés?',
    },
  },
];

export function isRecoveryQuestionId(id: string): boolean {
  return RECOVERY_QUESTIONS.some((question) => question.id === id);
}

/** The question of an id in a language; ids come from the table or from `isRecoveryQuestionId`-checked input. */
export function recoveryQuestionText(id: string, lang: Language): string {
  return (RECOVERY_QUESTIONS.find((question) => question.id === id) ?? RECOVERY_QUESTIONS[0]).text[lang];
}
