import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  HINT_PUNCTUATION,
  PASSWORD_PUNCTUATION,
  checkUsername,
  hintProblems,
  isCalendarDate,
  memorableDateProblems,
  normalizePhone,
  normalizeRecoveryAnswer,
  passwordProblems,
  recoveryAnswerProblems,
  sharesRunWithUsername,
  usernameProblems,
} from './credential-rules.js';

const runs = { numRuns: 1000 };

const chars = (text: string) => [...text];
const LOWER = chars('abcdefghijklmnopqrstuvwxyz');
const UPPER = chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ');
const DIGITS = chars('0123456789');
const ACCENTED = chars('àâäçéèêëîïôöùûüÿæœÀÂÇÉÈÊËÎÏÔÙÛÜŸÆŒñÑ');
const PUNCTUATION = chars(PASSWORD_PUNCTUATION);
const ASCII_PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));

const charFrom = (alphabet: string[]) => fc.constantFrom(...alphabet);
const stringFrom = (alphabet: string[], minLength: number, maxLength: number) =>
  fc.string({ unit: charFrom(alphabet), minLength, maxLength });

/** Any character outside `allowed`: printable ASCII, accented letters, symbols, emoji, white space. */
const charOutside = (allowed: string[]) =>
  fc
    .oneof(
      charFrom(ASCII_PRINTABLE),
      charFrom(ACCENTED),
      charFrom(chars('€£§°«»¿¡’“”—…\t\n')),
      fc.constantFrom('😀', '中', 'Ω', 'д', '٣', '²'),
    )
    .filter((c) => !allowed.includes(c));

const insertAt = (value: string, position: number, inserted: string) => {
  const cut = Math.min(position, value.length);
  return value.slice(0, cut) + inserted + value.slice(cut);
};

const digitCount = (value: string) => (value.match(/[0-9]/g) ?? []).length;

/** Usernames the rules accept: 8-16 ASCII letters and digits, at most 7 digits. */
const validUsername = stringFrom([...LOWER, ...UPPER, ...DIGITS], 8, 16).filter((u) => digitCount(u) <= 7);

describe('username properties', () => {
  it('every generated valid username passes every item', () => {
    fc.assert(
      fc.property(validUsername, (username) => {
        expect(checkUsername(username).every((c) => c.passed)).toBe(true);
        expect(usernameProblems(username)).toEqual([]);
      }),
      runs,
    );
  });

  it('any username with a special character fails', () => {
    const allowed = [...LOWER, ...UPPER, ...DIGITS];
    fc.assert(
      fc.property(validUsername, fc.nat(), charOutside(allowed), (username, at, special) => {
        expect(usernameProblems(insertAt(username, at, special))).toContain('INVALID_CHARACTERS');
      }),
      runs,
    );
  });

  it('any username with 8 digits or more fails TOO_MANY_DIGITS', () => {
    fc.assert(
      fc.property(stringFrom(DIGITS, 8, 12), stringFrom(LOWER, 0, 4), (digits, letters) => {
        expect(usernameProblems(digits + letters)).toContain('TOO_MANY_DIGITS');
      }),
      runs,
    );
  });

  it('length outside 8-16 fails and nothing else does for letters only', () => {
    fc.assert(
      fc.property(fc.oneof(stringFrom(LOWER, 1, 7), stringFrom(LOWER, 17, 40)), (username) => {
        expect(usernameProblems(username)).toEqual([username.length < 8 ? 'TOO_SHORT' : 'TOO_LONG']);
      }),
      runs,
    );
  });
});

/**
 * Passwords the rules accept against a username of digits only (so no run can be shared): 8-16 allowed
 * characters with an uppercase letter, a lowercase letter and a digit, and a random tail that has at least
 * two letters mixed in (the shipped common-password list has none of the generated shapes' odds).
 */
const validPassword = fc
  .tuple(
    charFrom(UPPER),
    charFrom(LOWER),
    charFrom(DIGITS),
    stringFrom([...LOWER, ...UPPER, ...DIGITS, ...PUNCTUATION], 5, 13),
  )
  .map(([u, l, d, rest]) => `${rest.slice(0, 2)}${u}${rest.slice(2, 5)}${l}${d}${rest.slice(5)}`)
  .filter((p) => passwordProblems(p).every((code) => code !== 'COMMON_PASSWORD'));

describe('password properties', () => {
  it('every generated valid password passes', () => {
    fc.assert(
      fc.property(validPassword, (password) => {
        const username = '1357913579';
        // The generator can produce digits such as "135": sharing a run with the username is its own rule.
        fc.pre(!sharesRunWithUsername(password, username));
        expect(passwordProblems(password, { username })).toEqual([]);
      }),
      runs,
    );
  });

  it('any password containing 3 consecutive characters of the username fails, whatever their case', () => {
    fc.assert(
      fc.property(
        validUsername,
        fc.nat(),
        validPassword,
        fc.nat(),
        fc.boolean(),
        (username, start, password, at, upper) => {
          const from = start % (username.length - 2);
          let run = username.slice(from, from + 3);
          run = upper ? run.toUpperCase() : run.toLowerCase();
          const candidate = insertAt(password, at, run);
          expect(sharesRunWithUsername(candidate, username)).toBe(true);
          expect(passwordProblems(candidate, { username })).toContain('SHARES_USERNAME');
        },
      ),
      runs,
    );
  });

  it('a password sharing at most 2 consecutive characters passes the username rule', () => {
    // Letters of the username only from a-m, of the password from n-z: nothing at all in common...
    const username = stringFrom(chars('abcdefghijklm'), 8, 16);
    const password = stringFrom(chars('NOPQRSTUVWXYZnopqrstuvwxyz0123456789'), 8, 16);
    fc.assert(
      fc.property(username, password, fc.nat(), (u, p, at) => {
        // ...then 2 characters of the username put in: still allowed.
        const from = at % (u.length - 1);
        expect(sharesRunWithUsername(insertAt(p, at, u.slice(from, from + 2)), u)).toBe(false);
      }),
      runs,
    );
  });

  it('any password with a character outside the allowed set fails INVALID_CHARACTERS', () => {
    const allowed = [...LOWER, ...UPPER, ...DIGITS, ...PUNCTUATION];
    fc.assert(
      fc.property(validPassword, fc.nat(), charOutside(allowed), (password, at, bad) => {
        expect(passwordProblems(insertAt(password, at, bad))).toContain('INVALID_CHARACTERS');
      }),
      runs,
    );
  });

  it('any password over 16 characters fails TOO_LONG, under 8 TOO_SHORT', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          stringFrom([...LOWER, ...UPPER, ...DIGITS], 1, 7),
          stringFrom([...LOWER, ...UPPER, ...DIGITS], 17, 40),
        ),
        (password) => {
          expect(passwordProblems(password)).toContain(password.length < 8 ? 'TOO_SHORT' : 'TOO_LONG');
        },
      ),
      runs,
    );
  });
});

/** Recovery answers: letters (accented included), digits and spaces, 3-50 characters once collapsed. */
const validAnswer = stringFrom([...LOWER, ...UPPER, ...ACCENTED, ...DIGITS, ' '], 3, 50).filter(
  (a) => a.trim().replace(/\s+/g, ' ').length >= 3,
);

describe('recovery properties', () => {
  it('every generated valid answer passes', () => {
    fc.assert(
      fc.property(validAnswer, (answer) => {
        expect(recoveryAnswerProblems(answer)).toEqual([]);
      }),
      runs,
    );
  });

  it('any answer with a special character fails', () => {
    const allowed = [...LOWER, ...UPPER, ...ACCENTED, ...DIGITS, ' ', '\t', '\n'];
    fc.assert(
      fc.property(validAnswer, fc.nat(), charOutside(allowed), (answer, at, special) => {
        expect(recoveryAnswerProblems(insertAt(answer, at, special))).toContain('INVALID_CHARACTERS');
      }),
      runs,
    );
  });

  it('normalisation ignores case and extra spaces, keeps accents, and is idempotent', () => {
    fc.assert(
      fc.property(validAnswer, fc.array(fc.boolean()), (answer, flips) => {
        const mangled = `  ${[...answer]
          .map((c, i) => (flips[i % Math.max(flips.length, 1)] ? c.toUpperCase() : c))
          .join('')
          .replace(/ /g, '   ')} `;
        const normalised = normalizeRecoveryAnswer(answer);
        expect(normalizeRecoveryAnswer(mangled)).toBe(normalised);
        expect(normalizeRecoveryAnswer(normalised)).toBe(normalised);
      }),
      runs,
    );
  });

  it('every hint of allowed characters and length passes; any other character fails', () => {
    const alphabet = [...LOWER, ...UPPER, ...ACCENTED, ...DIGITS, ' ', ...chars(HINT_PUNCTUATION)];
    const validHint = stringFrom(alphabet, 3, 100).filter((h) => h.trim().replace(/\s+/g, ' ').length >= 3);
    fc.assert(
      fc.property(validHint, fc.nat(), charOutside([...alphabet, '\t', '\n']), (hint, at, bad) => {
        expect(hintProblems(hint)).toEqual([]);
        expect(hintProblems(insertAt(hint, at, bad))).toContain('INVALID_CHARACTERS');
      }),
      runs,
    );
  });
});

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

describe('memorable date properties', () => {
  const today = '2026-11-22';

  it('every real date from 1900 to yesterday passes; today and later fail FUTURE_DATE', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1900-01-01T00:00:00Z'),
          max: new Date('2099-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        (date) => {
          const day = isoDay(date);
          expect(memorableDateProblems(day, today)).toEqual(day < today ? [] : ['FUTURE_DATE']);
        },
      ),
      runs,
    );
  });

  it('isCalendarDate agrees with the calendar for any year, month and day numbers', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (y, m, d) => {
          const text = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const date = new Date(Date.UTC(y, m - 1, d));
          const real = m >= 1 && m <= 12 && d >= 1 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
          expect(isCalendarDate(text)).toBe(real);
        },
      ),
      runs,
    );
  });
});

describe('phone properties', () => {
  const nanpDigit = fc.integer({ min: 2, max: 9 }).map(String);
  const digit = fc.integer({ min: 0, max: 9 }).map(String);
  const area = fc
    .tuple(nanpDigit, digit, digit)
    .map((d) => d.join(''))
    .filter((a) => a.slice(1) !== '11');
  const exchange = fc.tuple(nanpDigit, digit, digit).map((d) => d.join(''));
  const line = fc.tuple(digit, digit, digit, digit).map((d) => d.join(''));
  const layouts: Array<(a: string, e: string, l: string) => string> = [
    (a, e, l) => `${a}-${e}-${l}`,
    (a, e, l) => `(${a}) ${e}-${l}`,
    (a, e, l) => `${a} ${e} ${l}`,
    (a, e, l) => `${a}${e}${l}`,
    (a, e, l) => `+1 ${a} ${e} ${l}`,
    (a, e, l) => `1-${a}-${e}-${l}`,
  ];

  it('every valid NANP number in every accepted layout normalises to 613-555-0101 form', () => {
    fc.assert(
      fc.property(area, exchange, line, fc.constantFrom(...layouts), (a, e, l, layout) => {
        expect(normalizePhone(layout(a, e, l))).toBe(`${a}-${e}-${l}`);
      }),
      runs,
    );
  });

  it('an area code or exchange starting with 0 or 1 is refused', () => {
    fc.assert(
      fc.property(
        area,
        exchange,
        line,
        fc.constantFrom('0', '1'),
        fc.boolean(),
        fc.constantFrom(...layouts),
        (a, e, l, bad, inArea, layout) => {
          const number = inArea ? layout(bad + a.slice(1), e, l) : layout(a, bad + e.slice(1), l);
          expect(normalizePhone(number)).toBeNull();
        },
      ),
      runs,
    );
  });
});
