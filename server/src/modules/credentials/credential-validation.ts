import { fieldProblems, type Problem } from '../../common/errors/problems.js';
import {
  hintProblems,
  memorableDateProblems,
  passwordConfirmationProblems,
  passwordProblems,
  recoveryAnswerProblems,
  usernameProblems,
} from '../../common/rules/credential-rules.js';
import { loadCommonPasswords } from './common-passwords.js';
import { isRecoveryQuestionId } from './recovery-questions.js';

// The server side of the shared rules (common/rules/credential-rules.ts): each failing rule becomes a
// Problem at its field path, relative to the mutation's arguments, e.g. ["input", "recovery", "answer"].

export interface RecoveryValues {
  questionId: string;
  answer: string;
  memorablePerson: string;
  memorablePersonHint?: string | null;
  memorableDate: string;
  memorableDateHint?: string | null;
}

export function recoveryProblems(recovery: RecoveryValues, path: string[], today: string): Problem[] {
  const questionOk = isRecoveryQuestionId(recovery.questionId);
  return [
    ...fieldProblems([...path, 'questionId'], 'question', questionOk ? [] : ['REQUIRED']),
    ...fieldProblems([...path, 'answer'], 'answer', recoveryAnswerProblems(recovery.answer)),
    ...fieldProblems(
      [...path, 'memorablePerson'],
      'memorablePerson',
      recoveryAnswerProblems(recovery.memorablePerson),
    ),
    ...fieldProblems([...path, 'memorablePersonHint'], 'hint', hintProblems(recovery.memorablePersonHint)),
    ...fieldProblems(
      [...path, 'memorableDate'],
      'memorableDate',
      memorableDateProblems(recovery.memorableDate, today),
    ),
    ...fieldProblems([...path, 'memorableDateHint'], 'hint', hintProblems(recovery.memorableDateHint)),
  ];
}

/** A new password and its confirmation, for the given username. */
export function newPasswordProblems(
  password: string,
  confirmation: string,
  username: string,
  paths: { password: string[]; confirmation: string[] },
): Problem[] {
  loadCommonPasswords();
  return [
    ...fieldProblems(paths.password, 'password', passwordProblems(password, { username })),
    ...fieldProblems(
      paths.confirmation,
      'passwordConfirmation',
      passwordConfirmationProblems(password, confirmation),
    ),
  ];
}

export function newUsernameProblems(username: string, path: string[]): Problem[] {
  return fieldProblems(path, 'username', usernameProblems(username));
}

/** REQUIRED when empty (after trimming), nothing otherwise: for values that are checked, not validated. */
export function requiredProblems(
  value: string,
  path: string[],
  kind: Parameters<typeof fieldProblems>[1],
): Problem[] {
  return fieldProblems(path, kind, value.trim().length === 0 ? ['REQUIRED'] : []);
}
