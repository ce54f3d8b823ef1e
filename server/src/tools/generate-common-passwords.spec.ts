import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPassword } from '../common/rules/credential-rules.js';
import { commonPasswordsFile } from '../modules/credentials/common-passwords.js';
import { buildCommonPasswordList, renderCommonPasswordsFile } from './generate-common-passwords.js';

const shipped = readFileSync(commonPasswordsFile, 'utf8').split('\n').filter(Boolean);

describe('the shipped common-password list', () => {
  it('is what the generator writes (run `npm run common-passwords -w server` after changing it)', () => {
    expect(readFileSync(commonPasswordsFile, 'utf8')).toBe(
      renderCommonPasswordsFile(buildCommonPasswordList()),
    );
  });

  it('has a few thousand entries, each meeting every other rule, none twice', () => {
    expect(shipped.length).toBeGreaterThan(1000);
    for (const password of shipped) {
      const failing = checkPassword(password).filter((c) => !c.passed && c.id !== 'notCommon');
      expect(failing, password).toEqual([]);
    }
    expect(new Set(shipped.map((p) => p.toLowerCase())).size).toBe(shipped.length);
  });

  it.each([
    'Password1',
    'Passw0rd',
    'Welcome1',
    'Qwerty123',
    'Canada2024',
    'Summer2025',
    'Hockey123',
    'Montreal1',
    'Janvier2026',
    'Habs2025!',
    'Toronto2030',
    'Automne24',
  ])('includes %s', (password) => {
    expect(shipped).toContain(password);
  });
});
