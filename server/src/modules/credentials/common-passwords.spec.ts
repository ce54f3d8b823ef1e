import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  commonPasswordsLoaded,
  forgetCommonPasswords,
  isCommonPassword,
  passwordProblems,
} from '../../common/rules/credential-rules.js';
import { newPasswordProblems } from './credential-validation.js';

// Unread, whatever an earlier file of this process (one module registry for many files, decision 0060) did.
beforeAll(() => forgetCommonPasswords());
afterAll(() => forgetCommonPasswords());

const paths = { password: ['input', 'password'], confirmation: ['input', 'passwordConfirmation'] };

describe('the common-password list on the server', () => {
  it('is read from its data file on the first password check, not before', () => {
    expect(commonPasswordsLoaded()).toBe(false);
    expect(newPasswordProblems('Password1', 'Password1', 'marie', paths)).toEqual([
      expect.objectContaining({ field: ['input', 'password'], code: 'COMMON_PASSWORD' }),
    ]);
    expect(commonPasswordsLoaded()).toBe(true);
  });

  it('refuses the shipped common passwords case-insensitively, once the other rules pass', () => {
    for (const common of [
      'Password1',
      'Passw0rd',
      'Welcome1',
      'Qwerty123',
      'Canada2024',
      'Summer2025',
      'Hockey123',
      'Montreal1',
    ]) {
      expect(isCommonPassword(common), common).toBe(true);
      expect(passwordProblems(common), common).toEqual(['COMMON_PASSWORD']);
      expect(
        passwordProblems(
          common.toUpperCase().replace(/^(.)(.)/, (_, a: string, b: string) => a + b.toLowerCase()),
        ),
      ).toEqual(['COMMON_PASSWORD']);
    }
    expect(isCommonPassword('pASSWORD1')).toBe(true);
    expect(isCommonPassword('Printemps2027!')).toBe(true);
    expect(isCommonPassword('Xk7pQ2vz')).toBe(false);
    expect(passwordProblems('password1')).toEqual(['MISSING_UPPERCASE']);
  });
});
