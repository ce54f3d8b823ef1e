import { describe, expect, it } from 'vitest';
import { PROVIDER_MAX_LENGTH, padAgreementProblems, securityChangeProblems } from './finance-rules.js';
import { characterCount, hasForbiddenControlCharacters } from './text-rules.js';

describe('text rules', () => {
  it('counts code points: an emoji or a character beyond the BMP is one character', () => {
    expect(characterCount('😀')).toBe(1);
    expect('😀'.length).toBe(2);
    expect(characterCount('Élan 𝄞 é')).toBe(8);
    expect(characterCount('')).toBe(0);
  });

  it('refuses control characters but tabs and line breaks', () => {
    for (const bad of ['a\u0000b', 'esc\u001b[31m', 'del\u007f', 'vt\u000b', 'ff\u000c'])
      expect(hasForbiddenControlCharacters(bad), JSON.stringify(bad)).toBe(true);
    for (const good of ['line\nbreak', 'crlf\r\n', 'tab\there', 'Hélène 😀'])
      expect(hasForbiddenControlCharacters(good), JSON.stringify(good)).toBe(false);
  });

  it('lets finance limits count characters: 175 emoji fit a 175-character provider (they were refused)', () => {
    const base = {
      amountCents: 100,
      reference: null,
      effectiveDate: '2026-01-01',
      expiryDate: null,
      reason: '😀'.repeat(500),
    };
    expect(securityChangeProblems({ ...base, provider: '😀'.repeat(PROVIDER_MAX_LENGTH) })).toEqual([]);
    expect(securityChangeProblems({ ...base, provider: '😀'.repeat(PROVIDER_MAX_LENGTH + 1) })).toEqual([
      { field: 'provider', code: 'TOO_LONG', params: { max: PROVIDER_MAX_LENGTH } },
    ]);
    const pad = {
      institutionNumber: '001',
      transitNumber: '12345',
      accountNumber: '1234567',
      debitDay: 1,
      acceptTerms: true,
    };
    expect(padAgreementProblems({ ...pad, accountHolder: '𝄞'.repeat(175) })).toEqual([]);
  });
});
