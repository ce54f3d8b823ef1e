import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { commonPasswordsText } from '../common/rules/common-passwords.js';
import { checkPassword } from '../common/rules/credential-rules.js';
import { buildCommonPasswordList, renderCommonPasswordsModule } from './generate-common-passwords.js';

const shipped = commonPasswordsText.split('\n').filter(Boolean);

describe('the shipped common-password list', () => {
  it('is what the generator writes (run `npm run common-passwords -w server` after changing it)', () => {
    const file = path.resolve(
      path.dirname(fileURLToPath(import.meta.url)),
      '../common/rules/common-passwords.ts',
    );
    expect(readFileSync(file, 'utf8')).toBe(renderCommonPasswordsModule(buildCommonPasswordList()));
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
