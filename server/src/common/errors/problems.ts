import { type UserError } from '../graphql/user-error.type.js';
import { isMessageKey, type MessageKey, type MessageParams } from '../i18n/messages.js';
import {
  EMAIL_MAX_LENGTH,
  HINT_MAX_LENGTH,
  HINT_MIN_LENGTH,
  NAME_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PASSWORD_PUNCTUATION,
  PHONE_EXTENSION_MAX_DIGITS,
  RECOVERY_ANSWER_MAX_LENGTH,
  RECOVERY_ANSWER_MIN_LENGTH,
  USERNAME_MAX_DIGITS,
  USERNAME_MAX_LENGTH,
  USERNAME_MIN_LENGTH,
} from '../rules/credential-rules.js';

/**
 * A problem with one input field, found by a service: the language-neutral half of a UserError. The resolver
 * turns it into a UserError in the caller's language (`toUserErrors`), so services never need the request.
 */
export interface Problem {
  field: string[];
  code: string;
  messageKey: MessageKey;
  params?: MessageParams;
}

export function toUserErrors(
  problems: readonly Problem[],
  t: (key: MessageKey, params?: MessageParams) => string,
): UserError[] {
  return problems.map(({ field, code, messageKey, params }) => ({
    field,
    code,
    message: t(messageKey, params),
  }));
}

/** The kinds of identity field that have their own messages (`identity.<kind>.<CODE>` in messages.ts). */
export type FieldKind =
  | 'username'
  | 'password'
  | 'passwordConfirmation'
  | 'currentPassword'
  | 'question'
  | 'answer'
  | 'memorablePerson'
  | 'hint'
  | 'memorableDate'
  | 'acceptTerms'
  | 'firstName'
  | 'lastName'
  | 'phone'
  | 'phoneExtension'
  | 'email'
  | 'emailConfirmation'
  | 'acceptNoticeTerms';

// The numbers the messages quote, taken from the rules so a message can never disagree with its rule.
const paramsByKind: Partial<Record<FieldKind, MessageParams>> = {
  username: { min: USERNAME_MIN_LENGTH, max: USERNAME_MAX_LENGTH, maxDigits: USERNAME_MAX_DIGITS },
  password: {
    min: PASSWORD_MIN_LENGTH,
    max: PASSWORD_MAX_LENGTH,
    punctuation: [...PASSWORD_PUNCTUATION].join(' '),
  },
  answer: { min: RECOVERY_ANSWER_MIN_LENGTH, max: RECOVERY_ANSWER_MAX_LENGTH },
  memorablePerson: { min: RECOVERY_ANSWER_MIN_LENGTH, max: RECOVERY_ANSWER_MAX_LENGTH },
  hint: { min: HINT_MIN_LENGTH, max: HINT_MAX_LENGTH },
  firstName: { max: NAME_MAX_LENGTH },
  lastName: { max: NAME_MAX_LENGTH },
  phoneExtension: { max: PHONE_EXTENSION_MAX_DIGITS },
  email: { max: EMAIL_MAX_LENGTH },
};

/** The message key of a field's code: `identity.<kind>.<CODE>`, else the field-less `identity.<CODE>`. */
export function fieldMessageKey(kind: FieldKind, code: string): MessageKey {
  const specific = `identity.${kind}.${code}`;
  if (isMessageKey(specific)) return specific;
  const general = `identity.${code}`;
  if (isMessageKey(general)) return general;
  // A code without a message is a bug; a spec walks every code the rules produce so this never ships.
  return 'validation.format';
}

/** One Problem per code, for the field at `field`. */
export function fieldProblems(field: string[], kind: FieldKind, codes: readonly string[]): Problem[] {
  return codes.map((code) => ({
    field,
    code,
    messageKey: fieldMessageKey(kind, code),
    params: paramsByKind[kind] ?? {},
  }));
}

/** A problem about the request as a whole (field []), e.g. INVALID_CREDENTIALS. */
export function formProblem(code: string, params: MessageParams = {}): Problem {
  const key = `identity.${code}`;
  return { field: [], code, messageKey: isMessageKey(key) ? key : 'errors.badRequest', params };
}
