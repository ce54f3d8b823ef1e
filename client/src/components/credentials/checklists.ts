import {
  checkHint,
  checkMemorableDate,
  checkPassword,
  checkRecoveryAnswer,
  checkUsername,
  type PasswordRuleId,
  type RuleCheck,
} from '@rules/credential-rules';
import { useTranslation } from 'react-i18next';
import { type ChecklistEntry } from '../forms/live-checklist';
import { ruleValues } from './rule-messages';

function passed<Id extends string>(checks: RuleCheck<Id>[], id: Id): boolean {
  return checks.find((check) => check.id === id)?.passed ?? false;
}

/** The seed's username checklist: 8 to 16 characters, no special characters, at most 7 digits. */
export function useUsernameChecklist(username: string): ChecklistEntry[] {
  const { t } = useTranslation('credentials');
  return checkUsername(username).map((check) => ({
    id: check.id,
    label: t(`checklist.username.${check.id}`, ruleValues),
    met: check.passed,
  }));
}

/**
 * The seed's password checklist, in its order. "Not a common password" is not on it: the list is
 * long and the server says so when it applies (COMMON_PASSWORD), as does the check on Continue.
 */
const passwordChecklistOrder: ReadonlyArray<Exclude<PasswordRuleId, 'notCommon'>> = [
  'length',
  'notSharingUsername',
  'validCharacters',
  'lowercase',
  'uppercase',
  'digit',
  'confirmationMatches',
];

export function usePasswordChecklist(
  password: string,
  username: string,
  confirmation: string,
): ChecklistEntry[] {
  const { t } = useTranslation('credentials');
  const checks = checkPassword(password, { username, confirmation });
  return passwordChecklistOrder.map((id) => ({
    id,
    label: t(`checklist.password.${id}`, ruleValues),
    met: passed(checks, id),
  }));
}

export interface RecoveryValues {
  questionId: string;
  answer: string;
  memorablePerson: string;
  memorablePersonHint: string;
  memorableDate: string;
  memorableDateHint: string;
}

/** An optional hint is fine when empty, else when it meets every hint rule. */
function hintOk(hint: string): boolean {
  return hint.trim() === '' || checkHint(hint).every((check) => check.passed);
}

/** The recovery guidance of the seed (§1.6) as a checklist over the six recovery fields. */
export function useRecoveryChecklist(values: RecoveryValues, today: string): ChecklistEntry[] {
  const { t } = useTranslation('credentials');
  const answer = checkRecoveryAnswer(values.answer);
  const person = checkRecoveryAnswer(values.memorablePerson);
  const date = checkMemorableDate(values.memorableDate, today);
  const entries: Array<[string, boolean]> = [
    ['answerLength', passed(answer, 'length')],
    ['answerCharacters', passed(answer, 'validCharacters')],
    ['personLength', passed(person, 'length')],
    ['personCharacters', passed(person, 'validCharacters')],
    ['personHint', hintOk(values.memorablePersonHint)],
    ['dateFormat', passed(date, 'format') && passed(date, 'realDate')],
    ['dateInPast', passed(date, 'inPast')],
    ['dateHint', hintOk(values.memorableDateHint)],
  ];
  return entries.map(([id, met]) => ({
    id,
    label: t(`checklist.recovery.${id}` as 'checklist.recovery.answerLength', ruleValues),
    met,
  }));
}
