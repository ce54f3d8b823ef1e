import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HINT_PUNCTUATION,
  PASSWORD_PUNCTUATION,
  checkEmail,
  checkEmailConfirmation,
  checkHint,
  checkMemorableDate,
  checkPassword,
  checkPersonName,
  checkPhone,
  checkPhoneExtension,
  checkRecoveryAnswer,
  checkUsername,
  emailConfirmationProblems,
  emailProblems,
  hintProblems,
  isCalendarDate,
  commonPasswordsLoaded,
  forgetCommonPasswords,
  isCommonPassword,
  memorableDateProblems,
  normalizePhone,
  normalizeRecoveryAnswer,
  passwordConfirmationProblems,
  passwordProblems,
  personNameProblems,
  setCommonPasswords,
  phoneExtensionProblems,
  phoneProblems,
  recoveryAnswerProblems,
  sharesRunWithUsername,
  usernameProblems,
  type RuleCheck,
} from './credential-rules.js';

// No common-password list unless a test gives one, and none left for the next file of this process (a worker
// runs many files in one module registry, decision 0060).
beforeAll(() => forgetCommonPasswords());
afterAll(() => forgetCommonPasswords());

const passed = (checks: RuleCheck[]) => Object.fromEntries(checks.map((c) => [c.id, c.passed]));

describe('username', () => {
  it('lists every checklist item, in order, for the live checklist', () => {
    expect(checkUsername('Marie2024')).toEqual([
      { id: 'length', passed: true },
      { id: 'noSpecialCharacters', passed: true },
      { id: 'maxDigits', passed: true },
    ]);
  });

  it('ticks nothing while empty and answers REQUIRED', () => {
    expect(checkUsername('').every((c) => !c.passed)).toBe(true);
    expect(usernameProblems('')).toEqual(['REQUIRED']);
  });

  it.each([
    ['abcdefg', false, ['TOO_SHORT']],
    ['abcdefgh', true, []],
    ['abcdefghijklmnop', true, []],
    ['abcdefghijklmnopq', false, ['TOO_LONG']],
  ])('length: %s (%#) -> %s', (username, ok, codes) => {
    expect(passed(checkUsername(username)).length).toBe(ok);
    expect(usernameProblems(username)).toEqual(codes);
  });

  it('accepts 7 digits and refuses 8', () => {
    expect(usernameProblems('ab1234567')).toEqual([]);
    expect(passed(checkUsername('ab12345678')).maxDigits).toBe(false);
    expect(usernameProblems('ab12345678')).toEqual(['TOO_MANY_DIGITS']);
    expect(usernameProblems('12345678')).toEqual(['TOO_MANY_DIGITS']);
    expect(usernameProblems('1234567a')).toEqual([]);
  });

  it.each(['jean-luc99', 'jean.luc99', 'jean luc99', 'jean_luc99', 'hélène2024', 'ÉLODIE2024', 'user@name1'])(
    'refuses special characters and accented letters: %s',
    (username) => {
      expect(usernameProblems(username)).toContain('INVALID_CHARACTERS');
    },
  );

  it('reports every broken rule at once', () => {
    expect(usernameProblems('a_1234567890')).toEqual(['INVALID_CHARACTERS', 'TOO_MANY_DIGITS']);
    expect(usernameProblems('a!')).toEqual(['TOO_SHORT', 'INVALID_CHARACTERS']);
  });
});

describe('password', () => {
  const context = { username: 'marietremblay' };

  it('lists every checklist item, the confirmation only when given', () => {
    expect(checkPassword('Xk7pQ2vz', context).map((c) => c.id)).toEqual([
      'length',
      'uppercase',
      'lowercase',
      'digit',
      'validCharacters',
      'notSharingUsername',
      'notCommon',
    ]);
    expect(checkPassword('Xk7pQ2vz', { ...context, confirmation: 'Xk7pQ2vz' }).every((c) => c.passed)).toBe(
      true,
    );
    expect(passed(checkPassword('Xk7pQ2vz', { confirmation: 'xk7pQ2vz' })).confirmationMatches).toBe(false);
  });

  it('ticks nothing while empty and answers REQUIRED', () => {
    expect(checkPassword('', { confirmation: '' }).every((c) => !c.passed)).toBe(true);
    expect(passwordProblems('')).toEqual(['REQUIRED']);
  });

  it.each([
    ['Xk7pQ2v', ['TOO_SHORT']],
    ['Xk7pQ2vz', []],
    ['Xk7pQ2vzXk7pQ2vz', []],
    ['Xk7pQ2vzXk7pQ2vzA', ['TOO_LONG']],
  ])('length: %s -> %s', (password, codes) => {
    expect(passwordProblems(password, context)).toEqual(codes);
  });

  it('needs an uppercase letter, a lowercase letter and a digit', () => {
    expect(passwordProblems('xk7pq2vz')).toEqual(['MISSING_UPPERCASE']);
    expect(passwordProblems('XK7PQ2VZ')).toEqual(['MISSING_LOWERCASE']);
    expect(passwordProblems('XkApQbvz')).toEqual(['MISSING_DIGIT']);
    expect(passwordProblems('!!!!!!!!')).toEqual(['MISSING_UPPERCASE', 'MISSING_LOWERCASE', 'MISSING_DIGIT']);
  });

  it('accepts each allowed punctuation character', () => {
    for (const char of PASSWORD_PUNCTUATION) {
      expect(passwordProblems(`Xk7pQ2v${char}`), char).toEqual([]);
    }
  });

  it.each([' ', '"', "'", '\\', '<', '>', '`', '|', 'é', '€', '\t', '😀'])('refuses %j', (char) => {
    expect(passwordProblems(`Xk7pQ2v${char}`)).toEqual(['INVALID_CHARACTERS']);
  });

  it('allows 2 shared consecutive characters with the username and refuses 3, case-insensitively', () => {
    expect(sharesRunWithUsername('Xma7pQ2v', 'marietremblay')).toBe(false);
    expect(passwordProblems('Xma7pQ2v', context)).toEqual([]);
    expect(passwordProblems('Xmar7pQ2', context)).toEqual(['SHARES_USERNAME']);
    expect(passwordProblems('XBLA7pQ2', { username: 'TremBlay' })).toEqual(['SHARES_USERNAME']);
    // the run can sit anywhere in the username, including its last 3 characters
    expect(passwordProblems('Qq1aay7z', { username: 'marietremblay' })).toEqual([]);
    expect(passwordProblems('Qq1lay7z', { username: 'marietremblay' })).toEqual(['SHARES_USERNAME']);
  });

  // The shipped list (server/reference-data/common-passwords.txt) is tested where the server reads it:
  // modules/credentials/common-passwords.spec.ts. Here, the rules with a list of two.
  it('refuses the passwords of the list given to it, case-insensitively, once the other rules pass', () => {
    expect(commonPasswordsLoaded()).toBe(false);
    expect(isCommonPassword('Password1')).toBe(false);
    setCommonPasswords('Password1\n  Printemps2027!  \n\n');
    expect(commonPasswordsLoaded()).toBe(true);
    expect(isCommonPassword('Password1')).toBe(true);
    expect(isCommonPassword('pASSWORD1')).toBe(true);
    expect(isCommonPassword('Printemps2027!')).toBe(true);
    expect(isCommonPassword('Xk7pQ2vz')).toBe(false);
    expect(passwordProblems('Password1')).toEqual(['COMMON_PASSWORD']);
    expect(passwordProblems('PAssWORD1')).toEqual(['COMMON_PASSWORD']);
    // a common password that also breaks a rule reports that rule only
    expect(passwordProblems('password1')).toEqual(['MISSING_UPPERCASE']);
  });

  it('confirmation: required, then identical (case matters)', () => {
    expect(passwordConfirmationProblems('Xk7pQ2vz', '')).toEqual(['REQUIRED']);
    expect(passwordConfirmationProblems('Xk7pQ2vz', 'xk7pQ2vz')).toEqual(['MISMATCH']);
    expect(passwordConfirmationProblems('Xk7pQ2vz', 'Xk7pQ2vz')).toEqual([]);
  });
});

describe('recovery answer and memorable person', () => {
  it.each([
    ['ab', ['TOO_SHORT']],
    ['abc', []],
    ['  a  b  ', []],
    ['a'.repeat(50), []],
    ['a'.repeat(51), ['TOO_LONG']],
    ['', ['REQUIRED']],
    ['   ', ['REQUIRED']],
  ])('%j -> %s', (answer, codes) => {
    expect(recoveryAnswerProblems(answer)).toEqual(codes);
  });

  it('accepts accented letters, digits and spaces', () => {
    for (const answer of ['Élise Côté', 'Françoise 2e', 'Zoë', 'Grand-mère'.replace('-', ' '), 'Ñandú 12']) {
      expect(recoveryAnswerProblems(answer), answer).toEqual([]);
    }
    // accents typed as combining marks (NFD) too
    expect(recoveryAnswerProblems('E\u0301lise')).toEqual([]);
  });

  it.each(["O'Neil", 'Saint-Jean', 'Dr. Who', 'rex!', 'a,b,c', 'fido?', 'x@y.z'])(
    'refuses punctuation: %s',
    (answer) => {
      expect(recoveryAnswerProblems(answer)).toEqual(['INVALID_CHARACTERS']);
      expect(checkRecoveryAnswer(answer)[1]).toEqual({ id: 'validCharacters', passed: false });
    },
  );

  it('normalises case and spaces but keeps accents', () => {
    expect(normalizeRecoveryAnswer('  Élise   CÔTÉ ')).toBe('élise côté');
    expect(normalizeRecoveryAnswer('E\u0301lise')).toBe('élise');
    expect(normalizeRecoveryAnswer('Elise')).not.toBe(normalizeRecoveryAnswer('Élise'));
  });
});

describe('hints', () => {
  it('are optional', () => {
    expect(hintProblems(undefined)).toEqual([]);
    expect(hintProblems(null)).toEqual([]);
    expect(hintProblems('   ')).toEqual([]);
  });

  it('need 3 to 100 characters', () => {
    expect(hintProblems('ab')).toEqual(['TOO_SHORT']);
    expect(hintProblems('abc')).toEqual([]);
    expect(hintProblems('a'.repeat(100))).toEqual([]);
    expect(hintProblems('a'.repeat(101))).toEqual(['TOO_LONG']);
  });

  it("accept each of ' , - . ? and letters, accents, digits, spaces", () => {
    for (const char of HINT_PUNCTUATION) {
      expect(hintProblems(`my hint ${char}`), char).toEqual([]);
      expect(checkHint(`x${char}y`), char).toEqual([
        { id: 'length', passed: true },
        { id: 'validCharacters', passed: true },
      ]);
    }
    expect(hintProblems("Ma tante d'Amérique, née en 1950 - qui?")).toEqual([]);
  });

  it.each(['!', '@', '#', '"', '’', '(', ')', ':', ';', '/', '_', '&', '*', '😀'])('refuse %j', (char) => {
    expect(hintProblems(`my hint ${char}`)).toEqual(['INVALID_CHARACTERS']);
  });
});

describe('memorable date', () => {
  const today = '2026-11-22';

  it.each([
    ['2000-02-29', []],
    ['1900-01-01', []],
    ['2026-11-21', []],
    ['2026-11-22', ['FUTURE_DATE']],
    ['2030-01-01', ['FUTURE_DATE']],
    ['1899-12-31', ['INVALID_DATE']],
    ['2023-02-29', ['INVALID_DATE']],
    ['1900-02-29', ['INVALID_DATE']],
    ['2024-13-01', ['INVALID_DATE']],
    ['2024-04-31', ['INVALID_DATE']],
    ['2024-00-10', ['INVALID_DATE']],
    ['2024-1-5', ['INVALID_DATE']],
    ['05/01/2020', ['INVALID_DATE']],
    ['', ['REQUIRED']],
  ])('%s -> %s', (date, codes) => {
    expect(memorableDateProblems(date, today)).toEqual(codes);
  });

  it('lists format, real date and past as checklist items', () => {
    expect(passed(checkMemorableDate('2024-02-30', today))).toEqual({
      format: true,
      realDate: false,
      inPast: false,
    });
    expect(passed(checkMemorableDate('1985-07-14', today))).toEqual({
      format: true,
      realDate: true,
      inPast: true,
    });
  });

  it('knows leap years', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2100-02-29')).toBe(false);
    expect(isCalendarDate('2000-02-29')).toBe(true);
  });
});

describe('personal profile', () => {
  it('names: letters with accents, spaces and apostrophes, hyphens, periods; at most 100', () => {
    for (const name of ['Marie-Ève', "O'Brien", 'O’Brien', 'St. John', 'Nguyễn Văn', 'de la Fontaine']) {
      expect(personNameProblems(name), name).toEqual([]);
    }
    expect(personNameProblems('')).toEqual(['REQUIRED']);
    expect(personNameProblems('a'.repeat(100))).toEqual([]);
    expect(personNameProblems('a'.repeat(101))).toEqual(['TOO_LONG']);
    expect(personNameProblems('R2D2')).toEqual(['INVALID_CHARACTERS']);
    expect(personNameProblems('Anne, Marie')).toEqual(['INVALID_CHARACTERS']);
    expect(passed(checkPersonName('Anne'))).toEqual({ length: true, validCharacters: true });
  });

  it.each([
    ['613-555-0101', '613-555-0101'],
    ['(613) 555-0101', '613-555-0101'],
    ['613 555 0101', '613-555-0101'],
    ['6135550101', '613-555-0101'],
    ['+1 613 555 0101', '613-555-0101'],
    ['1-613-555-0101', '613-555-0101'],
    ['613.555.0101', '613-555-0101'],
    [' 819 555 0199 ', '819-555-0199'],
  ])('normalises %j to %s', (input, normalised) => {
    expect(normalizePhone(input)).toBe(normalised);
    expect(phoneProblems(input)).toEqual([]);
  });

  it.each([
    '013-555-0101',
    '113-555-0101',
    '613-055-0101',
    '613-155-0101',
    '911-555-0101',
    '613-555-010',
    '555-0101',
    '+44 20 7946 0958',
    '613-555-01011',
    'six one three',
    '(613 555-0101',
  ])('refuses %j', (input) => {
    expect(normalizePhone(input)).toBeNull();
    expect(phoneProblems(input)).toEqual(['INVALID_PHONE']);
    expect(checkPhone(input)).toEqual([{ id: 'format', passed: false }]);
  });

  it('phone is required; the extension is optional, digits only, at most 6', () => {
    expect(phoneProblems(' ')).toEqual(['REQUIRED']);
    expect(phoneExtensionProblems(null)).toEqual([]);
    expect(phoneExtensionProblems('')).toEqual([]);
    expect(phoneExtensionProblems('123456')).toEqual([]);
    expect(phoneExtensionProblems('1234567')).toEqual(['TOO_LONG']);
    expect(phoneExtensionProblems('12a')).toEqual(['INVALID_CHARACTERS']);
    expect(passed(checkPhoneExtension('42'))).toEqual({ digitsOnly: true, length: true });
  });

  it('emails: reasonable syntax, at most 254 characters', () => {
    for (const email of [
      'marie@example.ca',
      'marie.tremblay+avis@sub.example.gc.ca',
      "o'brien@example.com",
      'a@xn--caf-dma.ca',
    ]) {
      expect(emailProblems(email), email).toEqual([]);
    }
    for (const email of [
      'marie',
      'marie@',
      '@example.ca',
      'marie@example',
      'marie@@example.ca',
      'ma rie@example.ca',
      '.marie@example.ca',
      'marie..t@example.ca',
      'marie@-example.ca',
      'marie@example.c',
      'marie@exa_mple.ca',
      'marié@example.ca',
    ]) {
      expect(emailProblems(email), email).toEqual(['INVALID_EMAIL']);
    }
    const local = 'a'.repeat(64);
    const domain = `${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(58)}.ca`;
    expect(`${local}@${domain}`.length).toBe(254);
    expect(emailProblems(`${local}@${domain}`)).toEqual([]);
    expect(emailProblems(`${local}@b${domain}`)).toEqual(['TOO_LONG']);
    expect(emailProblems(`${'a'.repeat(65)}@example.ca`)).toEqual(['INVALID_EMAIL']);
    expect(emailProblems('')).toEqual(['REQUIRED']);
    expect(passed(checkEmail('x@y.ca'))).toEqual({ length: true, format: true });
  });

  it('email confirmation ignores letter case', () => {
    expect(emailConfirmationProblems('Marie@Example.ca', 'marie@example.CA')).toEqual([]);
    expect(emailConfirmationProblems('marie@example.ca', 'marie@example.com')).toEqual(['MISMATCH']);
    expect(emailConfirmationProblems('marie@example.ca', '')).toEqual(['REQUIRED']);
    expect(checkEmailConfirmation('a@b.ca', 'A@B.CA')).toEqual([{ id: 'matches', passed: true }]);
  });
});
