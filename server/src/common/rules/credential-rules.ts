// The identity rules of the portal (seed 003 §1.3-1.6), in one module shared by the server and the client.
// Pure TypeScript with no imports from outside this folder and no Node or browser API: the client imports
// it through an alias and shows each checklist item ticking live; the server maps failing items to the
// userErrors codes of the API. Change a rule here and both sides change together.

import { characterCount } from './text-rules.js';

// ---------------------------------------------------------------------------------------------------------
// Constants
// ---------------------------------------------------------------------------------------------------------

export const USERNAME_MIN_LENGTH = 8;
export const USERNAME_MAX_LENGTH = 16;
export const USERNAME_MAX_DIGITS = 7;

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 16;
/**
 * The punctuation a password may contain besides ASCII letters and digits. No space, no quotes, no
 * backslash, no angle brackets, no backtick or vertical bar: characters that are hard to type on some
 * keyboards (French Canadian layouts included) or that other systems tend to mangle.
 */
export const PASSWORD_PUNCTUATION = '!#$%&()*+,-./:;=?@[]^_{}~';
/** A password may not contain any run of this many consecutive characters of the username. */
export const USERNAME_SHARED_RUN = 3;

export const RECOVERY_ANSWER_MIN_LENGTH = 3;
export const RECOVERY_ANSWER_MAX_LENGTH = 50;

export const HINT_MIN_LENGTH = 3;
export const HINT_MAX_LENGTH = 100;
/** The only punctuation a hint may contain (besides letters, digits and spaces). */
export const HINT_PUNCTUATION = "',-.?";

/** The earliest memorable date accepted. */
export const MEMORABLE_DATE_MIN = '1900-01-01';

export const NAME_MAX_LENGTH = 100;
/** Punctuation allowed in a first or last name; ’ is accepted as an apostrophe (phones type it). */
export const NAME_PUNCTUATION = "'’-.";

export const EMAIL_MAX_LENGTH = 254;
export const EMAIL_LOCAL_MAX_LENGTH = 64;
export const PHONE_EXTENSION_MAX_DIGITS = 6;

// ---------------------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------------------

/** One line of a live checklist: a stable id the client translates, and whether the value meets it. */
export interface RuleCheck<Id extends string = string> {
  id: Id;
  passed: boolean;
}

/** The userErrors codes the rules produce (the API adds its own, e.g. USERNAME_TAKEN). */
export type RuleCode =
  | 'REQUIRED'
  | 'TOO_SHORT'
  | 'TOO_LONG'
  | 'INVALID_CHARACTERS'
  | 'TOO_MANY_DIGITS'
  | 'MISSING_UPPERCASE'
  | 'MISSING_LOWERCASE'
  | 'MISSING_DIGIT'
  | 'SHARES_USERNAME'
  | 'COMMON_PASSWORD'
  | 'MISMATCH'
  | 'INVALID_DATE'
  | 'FUTURE_DATE'
  | 'INVALID_PHONE'
  | 'INVALID_EMAIL';

export type UsernameRuleId = 'length' | 'noSpecialCharacters' | 'maxDigits';
export type PasswordRuleId =
  | 'length'
  | 'uppercase'
  | 'lowercase'
  | 'digit'
  | 'validCharacters'
  | 'notSharingUsername'
  | 'notCommon'
  | 'confirmationMatches';
export type RecoveryAnswerRuleId = 'length' | 'validCharacters';
export type HintRuleId = 'length' | 'validCharacters';
export type MemorableDateRuleId = 'format' | 'realDate' | 'inPast';
export type NameRuleId = 'length' | 'validCharacters';
export type PhoneRuleId = 'format';
export type PhoneExtensionRuleId = 'digitsOnly' | 'length';
export type EmailRuleId = 'length' | 'format';
export type EmailConfirmationRuleId = 'matches';

// ---------------------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------------------

/** Length in characters as a person counts them (code points, so an emoji is one, not two). */
function charLength(value: string): number {
  return characterCount(value);
}

function item<Id extends string>(id: Id, passed: boolean): RuleCheck<Id> {
  return { id, passed };
}

function escapeForClass(chars: string): string {
  return chars.replace(/[\\\]^-]/g, (c) => `\\${c}`);
}

const ASCII_LETTERS_AND_DIGITS = /^[A-Za-z0-9]+$/;
const PASSWORD_CHARACTERS = new RegExp(`^[A-Za-z0-9${escapeForClass(PASSWORD_PUNCTUATION)}]+$`);
// "Letters" are the letters of the Latin script, accented ones included (é, ç, ñ, ß, ø, ễ...), whether typed
// precomposed or with combining marks: what English and French speakers type, without opening the door to
// look-alike letters of other scripts (Cyrillic а, Greek ο) in answers compared for equality.
const LETTER = '\\p{Script=Latin}\\p{M}';
const ANSWER_CHARACTERS = new RegExp(`^[${LETTER}0-9 ]+$`, 'u');
const HINT_CHARACTERS = new RegExp(`^[${LETTER}0-9 ${escapeForClass(HINT_PUNCTUATION)}]+$`, 'u');
const NAME_CHARACTERS = new RegExp(`^[${LETTER} ${escapeForClass(NAME_PUNCTUATION)}]+$`, 'u');

/** Trims, collapses runs of white space to one space and composes accents (NFC). */
export function collapseSpaces(value: string): string {
  return value.normalize('NFC').trim().replace(/\s+/g, ' ');
}

/** The key under which usernames are unique and throttled: case-insensitive, surrounding spaces ignored. */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

/**
 * The form in which recovery answers, memorable persons and memorable dates are hashed and compared:
 * case folded, accents kept ("Élise" = "élise" ≠ "elise"), runs of spaces collapsed.
 */
export function normalizeRecoveryAnswer(answer: string): string {
  return collapseSpaces(answer).toLowerCase();
}

/** Every run of `size` consecutive characters of `value`, lower-cased. */
function runsOf(value: string, size: number): string[] {
  const chars = [...value.toLowerCase()];
  const runs: string[] = [];
  for (let i = 0; i + size <= chars.length; i++) runs.push(chars.slice(i, i + size).join(''));
  return runs;
}

/** Whether the password contains any 3 consecutive characters of the username (case-insensitive). */
export function sharesRunWithUsername(password: string, username: string): boolean {
  const lowered = password.toLowerCase();
  return runsOf(username, USERNAME_SHARED_RUN).some((run) => lowered.includes(run));
}

let commonPasswordSet: ReadonlySet<string> | undefined;

/**
 * Gives the rules the common-password list: the text of `server/reference-data/common-passwords.txt`, one
 * password per line. It is data, not code, so neither side ships it in its main bundle: the server reads
 * it on first use (`credentials/common-passwords.ts`), the client fetches it in a chunk of its own when a
 * password field shows (`components/credentials/common-passwords.ts`).
 */
export function setCommonPasswords(text: string): void {
  commonPasswordSet = new Set(
    text
      .split('\n')
      .map((line) => line.trim().toLowerCase())
      .filter(Boolean),
  );
}

export function commonPasswordsLoaded(): boolean {
  return commonPasswordSet !== undefined;
}

/**
 * The list as before it was given (tests): a test process runs many files in one module registry
 * (decision 0060), and a file that gives its own list, or checks that the list is read on first use, must
 * neither see nor leave another file's.
 */
export function forgetCommonPasswords(): void {
  commonPasswordSet = undefined;
}

/**
 * Whether the password is on the common-password list (case-insensitive). False until the list is given:
 * only the client checks before that (the server refuses the password anyway, beside the same field);
 * the server's checks load it first.
 */
export function isCommonPassword(password: string): boolean {
  return commonPasswordSet?.has(password.toLowerCase()) ?? false;
}

function failedIds<Id extends string>(checks: RuleCheck<Id>[]): Set<Id> {
  return new Set(checks.filter((c) => !c.passed).map((c) => c.id));
}

// ---------------------------------------------------------------------------------------------------------
// Username
// ---------------------------------------------------------------------------------------------------------

/**
 * Username: 8 to 16 characters, ASCII letters and digits only (accented letters count as special
 * characters, as in GCKey, and keep case-insensitive uniqueness unambiguous), at most 7 digits.
 * Nothing is ticked while the field is empty.
 */
export function checkUsername(username: string): RuleCheck<UsernameRuleId>[] {
  const empty = username.length === 0;
  const length = charLength(username);
  const digits = (username.match(/[0-9]/g) ?? []).length;
  return [
    item('length', length >= USERNAME_MIN_LENGTH && length <= USERNAME_MAX_LENGTH),
    item('noSpecialCharacters', !empty && ASCII_LETTERS_AND_DIGITS.test(username)),
    item('maxDigits', !empty && digits <= USERNAME_MAX_DIGITS),
  ];
}

export function usernameProblems(username: string): RuleCode[] {
  if (username.length === 0) return ['REQUIRED'];
  const failed = failedIds(checkUsername(username));
  const codes: RuleCode[] = [];
  if (failed.has('length')) codes.push(charLength(username) < USERNAME_MIN_LENGTH ? 'TOO_SHORT' : 'TOO_LONG');
  if (failed.has('noSpecialCharacters')) codes.push('INVALID_CHARACTERS');
  if (failed.has('maxDigits')) codes.push('TOO_MANY_DIGITS');
  return codes;
}

// ---------------------------------------------------------------------------------------------------------
// Password
// ---------------------------------------------------------------------------------------------------------

export interface PasswordContext {
  /** The username the password belongs to; no run of 3 of its characters may appear in the password. */
  username?: string;
  /** When given, the checklist has a `confirmationMatches` item. */
  confirmation?: string;
}

/**
 * Password: 8 to 16 characters; at least one uppercase, one lowercase letter and one digit; only ASCII
 * letters, digits and PASSWORD_PUNCTUATION; no 3 consecutive characters of the username; not a common
 * password; the confirmation identical. Nothing is ticked while the field is empty.
 */
export function checkPassword(password: string, context: PasswordContext = {}): RuleCheck<PasswordRuleId>[] {
  const empty = password.length === 0;
  const length = charLength(password);
  const checks: RuleCheck<PasswordRuleId>[] = [
    item('length', length >= PASSWORD_MIN_LENGTH && length <= PASSWORD_MAX_LENGTH),
    item('uppercase', /[A-Z]/.test(password)),
    item('lowercase', /[a-z]/.test(password)),
    item('digit', /[0-9]/.test(password)),
    item('validCharacters', !empty && PASSWORD_CHARACTERS.test(password)),
    item('notSharingUsername', !empty && !sharesRunWithUsername(password, context.username ?? '')),
    item('notCommon', !empty && !isCommonPassword(password)),
  ];
  if (context.confirmation !== undefined)
    checks.push(item('confirmationMatches', !empty && password === context.confirmation));
  return checks;
}

/** Codes for the password field itself (the confirmation has its own: `passwordConfirmationProblems`). */
export function passwordProblems(
  password: string,
  context: Pick<PasswordContext, 'username'> = {},
): RuleCode[] {
  if (password.length === 0) return ['REQUIRED'];
  const failed = failedIds(checkPassword(password, { username: context.username }));
  const codes: RuleCode[] = [];
  if (failed.has('length')) codes.push(charLength(password) < PASSWORD_MIN_LENGTH ? 'TOO_SHORT' : 'TOO_LONG');
  if (failed.has('uppercase')) codes.push('MISSING_UPPERCASE');
  if (failed.has('lowercase')) codes.push('MISSING_LOWERCASE');
  if (failed.has('digit')) codes.push('MISSING_DIGIT');
  if (failed.has('validCharacters')) codes.push('INVALID_CHARACTERS');
  if (failed.has('notSharingUsername')) codes.push('SHARES_USERNAME');
  // Only worth saying when the rest is right: a common password that breaks another rule is refused anyway.
  if (failed.has('notCommon') && codes.length === 0) codes.push('COMMON_PASSWORD');
  return codes;
}

export function passwordConfirmationProblems(password: string, confirmation: string): RuleCode[] {
  if (confirmation.length === 0) return ['REQUIRED'];
  return password === confirmation ? [] : ['MISMATCH'];
}

// ---------------------------------------------------------------------------------------------------------
// Recovery: answer, memorable person, hints, memorable date
// ---------------------------------------------------------------------------------------------------------

/**
 * Recovery answer (and memorable person): at least 3 characters once spaces are collapsed, at most 50; Latin
 * letters (accented letters included), digits and spaces only.
 */
export function checkRecoveryAnswer(answer: string): RuleCheck<RecoveryAnswerRuleId>[] {
  const collapsed = collapseSpaces(answer);
  const length = charLength(collapsed);
  return [
    item('length', length >= RECOVERY_ANSWER_MIN_LENGTH && length <= RECOVERY_ANSWER_MAX_LENGTH),
    item('validCharacters', collapsed.length > 0 && ANSWER_CHARACTERS.test(collapsed)),
  ];
}

/** The memorable person follows the recovery answer's rules. */
export const checkMemorablePerson = checkRecoveryAnswer;

export function recoveryAnswerProblems(answer: string): RuleCode[] {
  const collapsed = collapseSpaces(answer);
  if (collapsed.length === 0) return ['REQUIRED'];
  const failed = failedIds(checkRecoveryAnswer(answer));
  const codes: RuleCode[] = [];
  if (failed.has('length'))
    codes.push(charLength(collapsed) < RECOVERY_ANSWER_MIN_LENGTH ? 'TOO_SHORT' : 'TOO_LONG');
  if (failed.has('validCharacters')) codes.push('INVALID_CHARACTERS');
  return codes;
}

/**
 * Hint (optional, about the memorable person or date): when given, 3 to 100 characters of letters
 * (accented letters included), digits, spaces and only the punctuation ' , - . ?
 */
export function checkHint(hint: string): RuleCheck<HintRuleId>[] {
  const collapsed = collapseSpaces(hint);
  const length = charLength(collapsed);
  return [
    item('length', length >= HINT_MIN_LENGTH && length <= HINT_MAX_LENGTH),
    item('validCharacters', collapsed.length > 0 && HINT_CHARACTERS.test(collapsed)),
  ];
}

/** Problems with an optional hint; none when it is empty. */
export function hintProblems(hint: string | null | undefined): RuleCode[] {
  const collapsed = collapseSpaces(hint ?? '');
  if (collapsed.length === 0) return [];
  const failed = failedIds(checkHint(collapsed));
  const codes: RuleCode[] = [];
  if (failed.has('length')) codes.push(charLength(collapsed) < HINT_MIN_LENGTH ? 'TOO_SHORT' : 'TOO_LONG');
  if (failed.has('validCharacters')) codes.push('INVALID_CHARACTERS');
  return codes;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether 'YYYY-MM-DD' names a day of the proleptic Gregorian calendar (no 2023-02-29, no 2024-13-01). */
export function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= daysInMonth;
}

/**
 * Memorable date: 'YYYY-MM-DD', a real calendar date from MEMORABLE_DATE_MIN on, strictly before `today`
 * (also 'YYYY-MM-DD': the caller decides the time zone; the server uses the agency's, America/Toronto).
 */
export function checkMemorableDate(date: string, today: string): RuleCheck<MemorableDateRuleId>[] {
  const format = ISO_DATE.test(date);
  const real = format && isCalendarDate(date) && date >= MEMORABLE_DATE_MIN;
  // ISO dates of four-digit years sort as strings.
  return [item('format', format), item('realDate', real), item('inPast', real && date < today)];
}

export function memorableDateProblems(date: string, today: string): RuleCode[] {
  if (date.trim().length === 0) return ['REQUIRED'];
  const failed = failedIds(checkMemorableDate(date, today));
  if (failed.has('format') || failed.has('realDate')) return ['INVALID_DATE'];
  if (failed.has('inPast')) return ['FUTURE_DATE'];
  return [];
}

// ---------------------------------------------------------------------------------------------------------
// Personal profile
// ---------------------------------------------------------------------------------------------------------

/** First or last name: 1 to 100 characters; letters (accented included), spaces, ' ’ - . only. */
export function checkPersonName(name: string): RuleCheck<NameRuleId>[] {
  const collapsed = collapseSpaces(name);
  const length = charLength(collapsed);
  return [
    item('length', length >= 1 && length <= NAME_MAX_LENGTH),
    item('validCharacters', collapsed.length > 0 && NAME_CHARACTERS.test(collapsed)),
  ];
}

export function personNameProblems(name: string): RuleCode[] {
  const collapsed = collapseSpaces(name);
  if (collapsed.length === 0) return ['REQUIRED'];
  const failed = failedIds(checkPersonName(collapsed));
  const codes: RuleCode[] = [];
  if (failed.has('length')) codes.push('TOO_LONG');
  if (failed.has('validCharacters')) codes.push('INVALID_CHARACTERS');
  return codes;
}

// "613-555-0101", "(613) 555-0101", "613 555 0101", "613.555.0101", "6135550101", "+1 613 555 0101",
// "1-613-555-0101": an optional country code 1, then area code, exchange and line number.
const NANP_PHONE = /^(?:\+?1[ .-]?)?(?:\((\d{3})\)|(\d{3}))[ .-]?(\d{3})[ .-]?(\d{4})$/;

/**
 * A North American (NANP) number with its area code, normalised to "613-555-0101"; null when it is not
 * one. Area codes and exchanges cannot start with 0 or 1, and N11 codes (411, 911...) are not area codes.
 */
export function normalizePhone(phone: string): string | null {
  const match = NANP_PHONE.exec(phone.trim());
  if (!match) return null;
  const area = match[1] ?? match[2] ?? '';
  const exchange = match[3] ?? '';
  const line = match[4] ?? '';
  if (!/^[2-9]/.test(area) || !/^[2-9]/.test(exchange)) return null;
  if (area[1] === '1' && area[2] === '1') return null;
  return `${area}-${exchange}-${line}`;
}

export function checkPhone(phone: string): RuleCheck<PhoneRuleId>[] {
  return [item('format', normalizePhone(phone) !== null)];
}

export function phoneProblems(phone: string): RuleCode[] {
  if (phone.trim().length === 0) return ['REQUIRED'];
  return normalizePhone(phone) === null ? ['INVALID_PHONE'] : [];
}

/** Extension (optional): digits only, at most 6. */
export function checkPhoneExtension(extension: string): RuleCheck<PhoneExtensionRuleId>[] {
  const trimmed = extension.trim();
  return [
    item('digitsOnly', trimmed.length > 0 && /^[0-9]+$/.test(trimmed)),
    item('length', trimmed.length > 0 && trimmed.length <= PHONE_EXTENSION_MAX_DIGITS),
  ];
}

export function phoneExtensionProblems(extension: string | null | undefined): RuleCode[] {
  const trimmed = (extension ?? '').trim();
  if (trimmed.length === 0) return [];
  const failed = failedIds(checkPhoneExtension(trimmed));
  const codes: RuleCode[] = [];
  if (failed.has('digitsOnly')) codes.push('INVALID_CHARACTERS');
  if (failed.has('length')) codes.push('TOO_LONG');
  return codes;
}

const EMAIL_LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/**
 * A reasonable email address: ASCII local part of at most 64 characters (dots not first, last or doubled),
 * a domain of at least two labels whose last is letters only (or an IDN `xn--` label). Not every address RFC
 * 5322 allows, but every address people actually use.
 */
export function isEmailAddress(email: string): boolean {
  const at = email.lastIndexOf('@');
  if (at <= 0) return false;
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (local.length > EMAIL_LOCAL_MAX_LENGTH || !EMAIL_LOCAL.test(local)) return false;
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) return false;
  const tld = labels[labels.length - 1] ?? '';
  return /^[A-Za-z]{2,63}$/.test(tld) || /^xn--[A-Za-z0-9-]{1,59}$/.test(tld);
}

export function checkEmail(email: string): RuleCheck<EmailRuleId>[] {
  const trimmed = email.trim();
  return [
    item('length', trimmed.length > 0 && charLength(trimmed) <= EMAIL_MAX_LENGTH),
    item('format', isEmailAddress(trimmed)),
  ];
}

export function emailProblems(email: string): RuleCode[] {
  const trimmed = email.trim();
  if (trimmed.length === 0) return ['REQUIRED'];
  if (charLength(trimmed) > EMAIL_MAX_LENGTH) return ['TOO_LONG'];
  return isEmailAddress(trimmed) ? [] : ['INVALID_EMAIL'];
}

/** The confirmation must be the same address; letter case does not matter. */
export function checkEmailConfirmation(
  email: string,
  confirmation: string,
): RuleCheck<EmailConfirmationRuleId>[] {
  const a = email.trim();
  const b = confirmation.trim();
  return [item('matches', b.length > 0 && a.toLowerCase() === b.toLowerCase())];
}

export function emailConfirmationProblems(email: string, confirmation: string): RuleCode[] {
  if (confirmation.trim().length === 0) return ['REQUIRED'];
  return checkEmailConfirmation(email, confirmation)[0]?.passed ? [] : ['MISMATCH'];
}
