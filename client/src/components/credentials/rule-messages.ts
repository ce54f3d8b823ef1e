import {
  HINT_MAX_LENGTH,
  HINT_MIN_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PASSWORD_PUNCTUATION,
  RECOVERY_ANSWER_MAX_LENGTH,
  RECOVERY_ANSWER_MIN_LENGTH,
  USERNAME_MAX_DIGITS,
  USERNAME_MAX_LENGTH,
  USERNAME_MIN_LENGTH,
} from '@rules/credential-rules';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { type UserError } from '../../lib/user-errors';

/** The rules' numbers and character sets, for every message and checklist line that quotes them. */
export const ruleValues = {
  usernameMin: USERNAME_MIN_LENGTH,
  usernameMax: USERNAME_MAX_LENGTH,
  usernameMaxDigits: USERNAME_MAX_DIGITS,
  passwordMin: PASSWORD_MIN_LENGTH,
  passwordMax: PASSWORD_MAX_LENGTH,
  // Spaced out so each character reads (and is read out) on its own.
  passwordPunctuation: [...PASSWORD_PUNCTUATION].join(' '),
  answerMin: RECOVERY_ANSWER_MIN_LENGTH,
  answerMax: RECOVERY_ANSWER_MAX_LENGTH,
  hintMin: HINT_MIN_LENGTH,
  hintMax: HINT_MAX_LENGTH,
};

/** The kinds of credential field that have their own messages in the `credentials` catalog. */
export type CredentialFieldKind =
  | 'username'
  | 'password'
  | 'passwordConfirmation'
  | 'currentPassword'
  | 'question'
  | 'answer'
  | 'memorablePerson'
  | 'memorablePersonHint'
  | 'memorableDate'
  | 'memorableDateHint';

/**
 * The portal's own wording for a rule code on a field, so a problem reads the same whether the
 * browser or the server found it; the server's message when the portal has none for that code.
 */
export function useRuleMessage(): (kind: CredentialFieldKind, code: string, fallback?: string) => string {
  const { t } = useTranslation('credentials');
  return useCallback(
    (kind, code, fallback) => {
      const messages = t(`errors.${kind}`, { returnObjects: true, ...ruleValues }) as Record<string, string>;
      return messages[code] ?? fallback ?? t('errors.unknown');
    },
    [t],
  );
}

/**
 * Server user errors to messages by form field. `kinds` says which kind of field each path is
 * (`recovery.answer` -> `answer`); errors on other paths keep the server's message and go to
 * `fallback`.
 */
export function useCredentialErrors(): (
  errors: readonly UserError[],
  kinds: Readonly<Record<string, CredentialFieldKind>>,
  fallback: string,
) => Partial<Record<string, string>> {
  const message = useRuleMessage();
  return useCallback(
    (errors, kinds, fallback) => {
      const byField: Partial<Record<string, string>> = {};
      for (const error of errors) {
        const [first, ...rest] = error.field;
        const path = (first === 'input' ? rest : error.field).join('.');
        const kind = kinds[path];
        const field = kind ? path : fallback;
        byField[field] ??= kind ? message(kind, error.code, error.message) : error.message;
      }
      return byField;
    },
    [message],
  );
}
