import { describe, expect, it } from 'vitest';
import { messages, translate } from '../i18n/messages.js';
import { fieldMessageKey, fieldProblems, formProblem, type FieldKind } from './problems.js';

// Every code each kind of field can get, from the rules (common/rules) and the services.
const codesByKind: Record<FieldKind, string[]> = {
  username: ['REQUIRED', 'TOO_SHORT', 'TOO_LONG', 'INVALID_CHARACTERS', 'TOO_MANY_DIGITS', 'USERNAME_TAKEN'],
  password: [
    'REQUIRED',
    'TOO_SHORT',
    'TOO_LONG',
    'MISSING_UPPERCASE',
    'MISSING_LOWERCASE',
    'MISSING_DIGIT',
    'INVALID_CHARACTERS',
    'SHARES_USERNAME',
    'COMMON_PASSWORD',
  ],
  passwordConfirmation: ['REQUIRED', 'MISMATCH'],
  currentPassword: ['REQUIRED', 'WRONG_PASSWORD'],
  question: ['REQUIRED'],
  answer: ['REQUIRED', 'TOO_SHORT', 'TOO_LONG', 'INVALID_CHARACTERS'],
  memorablePerson: ['REQUIRED', 'TOO_SHORT', 'TOO_LONG', 'INVALID_CHARACTERS'],
  hint: ['TOO_SHORT', 'TOO_LONG', 'INVALID_CHARACTERS'],
  memorableDate: ['REQUIRED', 'INVALID_DATE', 'FUTURE_DATE'],
  acceptTerms: ['TERMS_NOT_ACCEPTED'],
  firstName: ['REQUIRED', 'TOO_LONG', 'INVALID_CHARACTERS'],
  lastName: ['REQUIRED', 'TOO_LONG', 'INVALID_CHARACTERS'],
  phone: ['REQUIRED', 'INVALID_PHONE'],
  phoneExtension: ['TOO_LONG', 'INVALID_CHARACTERS'],
  email: ['REQUIRED', 'TOO_LONG', 'INVALID_EMAIL'],
  emailConfirmation: ['REQUIRED', 'MISMATCH'],
  acceptNoticeTerms: ['TERMS_NOT_ACCEPTED'],
};

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);

describe('identity problems', () => {
  it.each(Object.entries(codesByKind))(
    'every code of %s has its own message, all placeholders filled',
    (kind, codes) => {
      for (const code of codes) {
        const [problem] = fieldProblems(['input', kind], kind as FieldKind, [code]);
        expect(problem.messageKey, `${kind} ${code}`).not.toBe('validation.format');
        expect(fieldMessageKey(kind as FieldKind, code)).toBe(problem.messageKey);
        for (const lang of ['en', 'fr'] as const) {
          const text = translate(lang, problem.messageKey, problem.params);
          expect(placeholders(text), `${lang} ${kind} ${code}: ${text}`).toEqual([]);
        }
      }
    },
  );

  it('has a message for every form-level code', () => {
    for (const code of [
      'INVALID_CREDENTIALS',
      'LOCKED',
      'THROTTLED',
      'CREDENTIAL_REVOKED',
      'RECOVERY_FAILED',
      'NOT_LOCAL_CREDENTIAL',
      'NOT_FOUND',
    ]) {
      expect(formProblem(code, { minutes: 5 }).messageKey, code).toBe(`identity.${code}`);
      expect(messages.fr[`identity.${code}` as keyof typeof messages.fr]).toBeTruthy();
    }
  });

  it('quotes the rules’ own numbers and characters', () => {
    const [tooShort] = fieldProblems(['input', 'password'], 'password', ['TOO_SHORT']);
    expect(translate('fr', tooShort.messageKey, tooShort.params)).toBe(
      'Votre mot de passe doit compter au moins 8 caractères.',
    );
    const [invalid] = fieldProblems(['input', 'password'], 'password', ['INVALID_CHARACTERS']);
    expect(translate('en', invalid.messageKey, invalid.params)).toBe(
      'Your password can only have letters (A to Z, no accents), digits and these characters: ! # $ % & ( ) * + , - . / : ; = ? @ [ ] ^ _ { } ~',
    );
  });
});
