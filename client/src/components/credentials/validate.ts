import {
  hintProblems,
  memorableDateProblems,
  passwordConfirmationProblems,
  passwordProblems,
  recoveryAnswerProblems,
  usernameProblems,
} from '@rules/credential-rules';
import { type FieldErrors } from '../../lib/user-errors';
import { type RecoveryValues } from './checklists';
import { type CredentialFieldKind } from './rule-messages';

type Message = (kind: CredentialFieldKind, code: string) => string;

function add(
  errors: FieldErrors,
  field: string,
  kind: CredentialFieldKind,
  codes: readonly string[],
  message: Message,
) {
  const [code] = codes;
  if (code) errors[field] = message(kind, code);
}

/** Client-side checks with the shared rules; the server checks the same again and has the last word. */
export function usernameErrors(field: string, username: string, message: Message): FieldErrors {
  const errors: FieldErrors = {};
  add(errors, field, 'username', usernameProblems(username), message);
  return errors;
}

export interface PasswordFieldNames {
  password: string;
  confirmation: string;
}

export function passwordErrors(
  names: PasswordFieldNames,
  values: { password: string; confirmation: string; username: string },
  message: Message,
): FieldErrors {
  const errors: FieldErrors = {};
  add(
    errors,
    names.password,
    'password',
    passwordProblems(values.password, { username: values.username }),
    message,
  );
  add(
    errors,
    names.confirmation,
    'passwordConfirmation',
    passwordConfirmationProblems(values.password, values.confirmation),
    message,
  );
  return errors;
}

/** Field names of the recovery inputs under `prefix` (`recovery.` in RecoveryInput, none in a reset). */
export function recoveryFieldNames(prefix: string) {
  return {
    questionId: `${prefix}questionId`,
    answer: `${prefix}answer`,
    memorablePerson: `${prefix}memorablePerson`,
    memorablePersonHint: `${prefix}memorablePersonHint`,
    memorableDate: `${prefix}memorableDate`,
    memorableDateHint: `${prefix}memorableDateHint`,
  } as const;
}

/** Which message kind each recovery field uses, for mapping server user errors. */
export function recoveryFieldKinds(prefix: string): Record<string, CredentialFieldKind> {
  const names = recoveryFieldNames(prefix);
  return {
    [names.questionId]: 'question',
    [names.answer]: 'answer',
    [names.memorablePerson]: 'memorablePerson',
    [names.memorablePersonHint]: 'memorablePersonHint',
    [names.memorableDate]: 'memorableDate',
    [names.memorableDateHint]: 'memorableDateHint',
  };
}

export function recoveryErrors(
  prefix: string,
  values: RecoveryValues,
  today: string,
  message: Message,
): FieldErrors {
  const names = recoveryFieldNames(prefix);
  const errors: FieldErrors = {};
  if (!values.questionId) errors[names.questionId] = message('question', 'REQUIRED');
  add(errors, names.answer, 'answer', recoveryAnswerProblems(values.answer), message);
  add(
    errors,
    names.memorablePerson,
    'memorablePerson',
    recoveryAnswerProblems(values.memorablePerson),
    message,
  );
  add(
    errors,
    names.memorablePersonHint,
    'memorablePersonHint',
    hintProblems(values.memorablePersonHint),
    message,
  );
  add(
    errors,
    names.memorableDate,
    'memorableDate',
    memorableDateProblems(values.memorableDate, today),
    message,
  );
  add(errors, names.memorableDateHint, 'memorableDateHint', hintProblems(values.memorableDateHint), message);
  return errors;
}
