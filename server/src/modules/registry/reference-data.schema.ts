// The reference-data import file (docs/reference-data.md): its shape and every rule a file must meet before
// anything is written. Cross-field rules run even when a sibling field is malformed (`when`), so one pass
// reports every problem of a file, each at its own JSON path.
import { z } from 'zod';
import {
  ACCOUNT_STATUSES,
  ADDRESS_TYPES,
  BILLING_TYPES,
  BUSINESS_TYPES,
  INVOICE_STATUSES,
  OWNER_ROLES,
  PAYMENT_METHODS,
  PROGRAM_CODES,
  PROGRAM_TYPES,
  PROGRAM_TYPES_BY_CODE,
  SECURITY_TYPES,
  SERVICE_PROVIDER_KINDS,
  TRANSACTION_STATUSES,
  TRANSACTION_TYPES,
  type ProgramCode,
} from './registry.types.js';

export const REFERENCE_DATA_FORMAT_VERSION = 1;

// ISO 3166-1 alpha-2, officially assigned codes.
const COUNTRY_CODES = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW ' +
    'BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI ' +
    'FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN ' +
    'IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME ' +
    'MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF ' +
    'PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV ' +
    'SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE ' +
    'YT ZA ZM ZW'
  ).split(' '),
);

const CANADIAN_PROVINCES = new Set('AB BC MB NB NL NS NT NU ON PE QC SK YT'.split(' '));
const US_STATES = new Set(
  (
    'AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH ' +
    'OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR GU VI AS MP AA AE AP'
  ).split(' '),
);
const CANADIAN_POSTAL_CODE = /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] \d[ABCEGHJ-NPRSTV-Z]\d$/;
const US_ZIP_CODE = /^\d{5}(-\d{4})?$/;
const BUSINESS_NUMBER = /^\d{9}$/;
const ACCOUNT_NUMBER = /^(\d{9})([A-Z]{2})(\d{4})$/;
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/; // eslint-disable-line no-control-regex -- that is the point
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9(][0-9 ().-]{6,23}$/;

/** True for a real calendar date written YYYY-MM-DD (rejects 2026-02-30), years 1900-2199. */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || year > 2199) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

// Registration compares names and addresses exactly, so stray spaces or line breaks in the record would
// make a business impossible to register; NFC makes "é" one character whatever the file's editor wrote.
function text(max: number) {
  return z
    .string()
    .normalize('NFC')
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !CONTROL_CHARACTERS.test(value), 'must not contain line breaks or control characters')
    .refine((value) => value === value.trim(), 'must not start or end with a space');
}

function requiredText(max: number) {
  return text(max).min(1, 'must not be empty');
}

/** Omitted, null and "" all mean "none", stored as "". */
function optionalText(max: number) {
  return text(max)
    .nullish()
    .transform((value) => value ?? '');
}

// A missing field still reads "is required" (from the service's error map); a wrong value lists the choices.
function choicesError(choices: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? undefined : `must be ${choices}`);
}

function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: choicesError(`one of ${values.join(', ')}`) });
}

/** Like optionalText: omitted, null and "" all mean "none", stored as "". */
function optionalOneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z
    .preprocess((value) => (value === '' ? null : value), oneOf(values).nullish())
    .transform((value): T[number] | '' => value ?? '');
}

const calendarDate = z
  .string()
  .refine(isCalendarDate, 'must be a real calendar date written YYYY-MM-DD (e.g. 2026-02-28)');

const cents = z
  .number()
  .refine(Number.isSafeInteger, 'must be a whole number of cents, e.g. 123456 for $1,234.56');

const nonNegativeCents = cents.refine((value) => value >= 0, 'must not be negative');

/**
 * The largest financial security figure a file may set ($10,000,000.00): a sum of a few accounts' figures
 * stays inside the API's 32-bit Int of cents (decision 0044).
 */
export const MAX_SECURITY_CENTS = 1_000_000_000;

const securityCents = nonNegativeCents.refine(
  (value) => value <= MAX_SECURITY_CENTS,
  `must be at most ${MAX_SECURITY_CENTS} cents ($10,000,000.00)`,
);

/**
 * The agency's financial security requirement rule (decision 0044): the security an RM account must hold is
 * `percentOfHighestMonth`% of its highest month's assessed duties and taxes over the last 12 months, rounded
 * up to the cent, and never less than `minimumCents`.
 */
const securityRequirementSchema = z.strictObject({
  percentOfHighestMonth: z
    .number()
    .refine(Number.isInteger, 'must be a whole percent, e.g. 50')
    .refine((value) => value >= 1 && value <= 100, 'must be from 1 to 100'),
  minimumCents: securityCents,
});

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Runs a cross-field rule whenever the value is an object, even if some of its fields are malformed. */
const whenObject = { when: (payload: { value: unknown }) => isRecord(payload.value) };

function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Adds a "duplicate" issue at every repeat of a key among the items of a list. */
function reportDuplicates(
  ctx: z.RefinementCtx,
  items: unknown[],
  key: (item: Record<string, unknown>) => string | undefined,
  path: (index: number) => PropertyKey[],
  describe: (value: string, firstIndex: number) => string,
): void {
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    if (!isRecord(item)) return;
    const value = key(item);
    if (value === undefined) return;
    const first = seen.get(value);
    if (first === undefined) seen.set(value, index);
    else ctx.addIssue({ code: 'custom', path: path(index), message: describe(value, first) });
  });
}

const addressSchema = z
  .strictObject({
    type: oneOf(ADDRESS_TYPES),
    line1: requiredText(100),
    line2: optionalText(100),
    poBox: optionalText(40),
    city: optionalText(60),
    provinceState: optionalText(50),
    postalCode: optionalText(12),
    country: z
      .string()
      .refine(
        (value) => COUNTRY_CODES.has(value),
        'must be an ISO 3166-1 alpha-2 country code such as CA or US',
      ),
  })
  .superRefine((address, ctx) => {
    const province = asString(address.provinceState) || undefined;
    const postalCode = asString(address.postalCode) || undefined;
    if (address.country === 'CA') {
      if (province && !CANADIAN_PROVINCES.has(province)) {
        ctx.addIssue({
          code: 'custom',
          path: ['provinceState'],
          message: 'must be a province or territory code such as ON or QC',
        });
      }
      if (postalCode && !CANADIAN_POSTAL_CODE.test(postalCode)) {
        ctx.addIssue({
          code: 'custom',
          path: ['postalCode'],
          message: 'must be a Canadian postal code such as K1A 0B1',
        });
      }
    } else if (address.country === 'US') {
      if (province && !US_STATES.has(province)) {
        ctx.addIssue({
          code: 'custom',
          path: ['provinceState'],
          message: 'must be a state code such as NY or WA',
        });
      }
      if (postalCode && !US_ZIP_CODE.test(postalCode)) {
        ctx.addIssue({
          code: 'custom',
          path: ['postalCode'],
          message: 'must be a ZIP code such as 14201 or 14201-1234',
        });
      }
    }
  }, whenObject);

const contactSchema = z
  .strictObject({
    name: requiredText(175),
    title: optionalText(100),
    phone: optionalText(25).refine(
      (value) => value === '' || PHONE.test(value),
      'must be a phone number such as 613-555-0142',
    ),
    phoneExtension: optionalText(10).refine((value) => /^\d*$/.test(value), 'must be digits only'),
    email: optionalText(254).refine((value) => value === '' || EMAIL.test(value), 'must be an email address'),
  })
  .superRefine((contact, ctx) => {
    if (!asString(contact.phone) && !asString(contact.email)) {
      ctx.addIssue({
        code: 'custom',
        path: ['phone'],
        message: 'a contact needs a phone number or an email address',
      });
    }
  }, whenObject);

const ownerSchema = z.strictObject({
  name: requiredText(175),
  role: oneOf(OWNER_ROLES),
});

const subProgramSchema = z.strictObject({
  code: z.string().regex(/^[A-Z0-9]{2,10}$/, 'must be 2 to 10 capital letters or digits, e.g. RPP'),
  name: requiredText(175),
});

const transactionSchema = z.strictObject({
  transactionNumber: z.string().regex(/^\d{14}$/, 'must be 14 digits'),
  date: calendarDate,
  type: oneOf(TRANSACTION_TYPES),
  description: requiredText(200),
  // The description in French, for French pages (issue 14, defect 7); "" when the agency gave none.
  descriptionFr: optionalText(200),
  amountCents: cents,
  // Registration asks for this total, and its answer allows digits and a decimal point only.
  dutiesAndTaxesCents: nonNegativeCents,
  status: oneOf(TRANSACTION_STATUSES),
});

const paymentSchema = z.strictObject({
  reference: z
    .string()
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/,
      'must be 1 to 40 letters, digits or hyphens, starting with a letter or digit',
    ),
  date: calendarDate,
  amountCents: cents.refine((value) => value > 0, 'must be more than zero'),
  method: optionalOneOf(PAYMENT_METHODS),
});

const statementSchema = z
  .strictObject({
    statementDate: calendarDate,
    periodStart: calendarDate,
    periodEnd: calendarDate,
    balanceCents: cents,
    amountDueCents: nonNegativeCents,
    dueDate: calendarDate,
  })
  .superRefine((statement, ctx) => {
    // ISO dates compare correctly as strings; malformed ones were reported on their own field already.
    const dates = [
      statement.periodStart,
      statement.periodEnd,
      statement.statementDate,
      statement.dueDate,
    ].map((d) => (typeof d === 'string' && isCalendarDate(d) ? d : undefined));
    const [start, end, issued, due] = dates;
    if (start && end && start > end) {
      ctx.addIssue({
        code: 'custom',
        path: ['periodEnd'],
        message: `must not be before periodStart ${start}`,
      });
    }
    if (end && issued && end > issued) {
      ctx.addIssue({
        code: 'custom',
        path: ['statementDate'],
        message: `must not be before periodEnd ${end}`,
      });
    }
    if (issued && due && issued > due) {
      ctx.addIssue({
        code: 'custom',
        path: ['dueDate'],
        message: `must not be before statementDate ${issued}`,
      });
    }
  }, whenObject);

const invoiceSchema = z
  .strictObject({
    invoiceNumber: z
      .string()
      .regex(
        /^[A-Z0-9][A-Z0-9-]{0,19}$/,
        'must be 1 to 20 capital letters, digits or hyphens, e.g. INV-2026-00042',
      ),
    date: calendarDate,
    description: requiredText(200),
    descriptionFr: optionalText(200),
    amountCents: cents.refine((value) => value > 0, 'must be more than zero'),
    dueDate: calendarDate,
    status: oneOf(INVOICE_STATUSES),
  })
  .superRefine((invoice, ctx) => {
    const [date, due] = [invoice.date, invoice.dueDate].map((d) =>
      typeof d === 'string' && isCalendarDate(d) ? d : undefined,
    );
    if (date && due && date > due) {
      ctx.addIssue({ code: 'custom', path: ['dueDate'], message: `must not be before date ${date}` });
    }
  }, whenObject);

const financialSecuritySchema = z
  .strictObject({
    type: oneOf(SECURITY_TYPES),
    amountCents: cents.refine((value) => value > 0, 'must be more than zero'),
    provider: requiredText(175),
    reference: optionalText(40),
    effectiveDate: calendarDate,
    // Omitted when the security does not expire.
    expiryDate: z
      .string()
      .nullish()
      .transform((value) => value ?? '')
      .refine(
        (value) => value === '' || isCalendarDate(value),
        'must be a real calendar date written YYYY-MM-DD',
      ),
  })
  .superRefine((security, ctx) => {
    const effective = asString(security.effectiveDate);
    const expiry = asString(security.expiryDate);
    if (effective && expiry && isCalendarDate(effective) && isCalendarDate(expiry) && expiry <= effective) {
      ctx.addIssue({
        code: 'custom',
        path: ['expiryDate'],
        message: `must be after effectiveDate ${effective}`,
      });
    }
  }, whenObject);

const programAccountSchema = z
  .strictObject({
    accountNumber: z
      .string()
      .regex(
        ACCOUNT_NUMBER,
        'must be the 9-digit business number, a 2-letter program code and 4 digits, e.g. 123456789RM0001',
      ),
    programType: oneOf(PROGRAM_TYPES),
    name: requiredText(175),
    status: oneOf(ACCOUNT_STATUSES).default('ACTIVE'),
    billingType: optionalOneOf(BILLING_TYPES),
    addresses: z.array(addressSchema).min(1, 'must list at least one address'),
    contacts: z.array(contactSchema).default([]),
    owners: z.array(ownerSchema).default([]),
    subPrograms: z.array(subProgramSchema).default([]),
    transactions: z.array(transactionSchema).default([]),
    payments: z.array(paymentSchema).default([]),
    statements: z.array(statementSchema).default([]),
    invoices: z.array(invoiceSchema).default([]),
    financialSecurity: financialSecuritySchema.nullish().transform((value) => value ?? null),
    // The security the agency requires of this account, overriding its rule; omitted or null: the rule.
    requiredSecurityCents: securityCents.nullish().transform((value) => value ?? null),
  })
  .superRefine((account, ctx) => {
    const match = ACCOUNT_NUMBER.exec(asString(account.accountNumber) ?? '');
    if (match) {
      const [, , code, reference] = match;
      if (!(PROGRAM_CODES as readonly string[]).includes(code)) {
        ctx.addIssue({
          code: 'custom',
          path: ['accountNumber'],
          message: `has program code ${code}, which must be one of ${PROGRAM_CODES.join(', ')}`,
        });
      } else {
        checkProgramRules(ctx, account, code as ProgramCode);
      }
      if (reference === '0000') {
        ctx.addIssue({
          code: 'custom',
          path: ['accountNumber'],
          message: 'reference number 0000 does not exist; they start at 0001',
        });
      }
    }
    reportDuplicates(
      ctx,
      asArray(account.subPrograms),
      (s) => asString(s.code),
      (i) => ['subPrograms', i, 'code'],
      (v, first) => `duplicates sub-program ${v} of subPrograms[${first}]`,
    );
    reportDuplicates(
      ctx,
      asArray(account.transactions),
      (t) => asString(t.transactionNumber),
      (i) => ['transactions', i, 'transactionNumber'],
      (v, first) => `duplicates transaction ${v} of transactions[${first}]`,
    );
    reportDuplicates(
      ctx,
      asArray(account.payments),
      (p) => asString(p.reference),
      (i) => ['payments', i, 'reference'],
      (v, first) => `duplicates payment reference ${v} of payments[${first}]`,
    );
    reportDuplicates(
      ctx,
      asArray(account.statements),
      (s) => asString(s.statementDate),
      (i) => ['statements', i, 'statementDate'],
      (v, first) => `duplicates the statement of ${v} of statements[${first}]`,
    );
    reportDuplicates(
      ctx,
      asArray(account.invoices),
      (i) => asString(i.invoiceNumber),
      (i) => ['invoices', i, 'invoiceNumber'],
      (v, first) => `duplicates invoice ${v} of invoices[${first}]`,
    );
  }, whenObject);

function checkProgramRules(ctx: z.RefinementCtx, account: Record<string, unknown>, code: ProgramCode): void {
  const programType = asString(account.programType);
  const allowed = PROGRAM_TYPES_BY_CODE[code];
  if (
    programType &&
    (PROGRAM_TYPES as readonly string[]).includes(programType) &&
    !allowed.includes(programType as never)
  ) {
    ctx.addIssue({
      code: 'custom',
      path: ['programType'],
      message: `must be one of ${allowed.join(', ')} for a ${code} account`,
    });
  }
  const billingType = asString(account.billingType);
  if (code === 'RM') {
    if (!billingType) {
      ctx.addIssue({
        code: 'custom',
        path: ['billingType'],
        message: `is required for an RM account (${BILLING_TYPES.join(' or ')})`,
      });
    }
  } else {
    if (billingType) {
      ctx.addIssue({ code: 'custom', path: ['billingType'], message: 'is for RM accounts only' });
    }
    if (account.financialSecurity) {
      ctx.addIssue({
        code: 'custom',
        path: ['financialSecurity'],
        message: 'financial security is held for RM accounts only',
      });
    }
    if (account.requiredSecurityCents !== undefined && account.requiredSecurityCents !== null) {
      ctx.addIssue({
        code: 'custom',
        path: ['requiredSecurityCents'],
        message: 'financial security is required of RM accounts only',
      });
    }
    for (const list of ['transactions', 'payments', 'statements', 'invoices'] as const) {
      if (asArray(account[list]).length > 0) {
        ctx.addIssue({
          code: 'custom',
          path: [list],
          message: 'financial records are held for RM accounts only',
        });
      }
    }
  }
  if (billingType === 'DAILY_NOTICE' && asArray(account.statements).length > 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['statements'],
      message:
        'must be empty for a DAILY_NOTICE account; only MONTHLY_STATEMENT accounts get statements of account',
    });
  }
}

const businessSchema = z
  .strictObject({
    businessNumber: z.string().regex(BUSINESS_NUMBER, 'must be exactly 9 digits'),
    legalName: requiredText(175),
    operatingName: optionalText(175),
    businessType: oneOf(BUSINESS_TYPES),
    soleProprietor: z.boolean(),
    serviceProvider: z.boolean(),
    serviceProviderKind: optionalOneOf(SERVICE_PROVIDER_KINDS),
    addresses: z.array(addressSchema).min(1, 'must list at least one address'),
    programAccounts: z.array(programAccountSchema).default([]),
  })
  .superRefine((business, ctx) => {
    const businessType = asString(business.businessType);
    if (typeof business.soleProprietor === 'boolean' && businessType) {
      if (business.soleProprietor !== (businessType === 'SOLE_PROPRIETORSHIP')) {
        ctx.addIssue({
          code: 'custom',
          path: ['soleProprietor'],
          message: 'must be true exactly when businessType is SOLE_PROPRIETORSHIP',
        });
      }
    }
    const kind = asString(business.serviceProviderKind) || undefined;
    if (business.serviceProvider === true && !kind) {
      ctx.addIssue({
        code: 'custom',
        path: ['serviceProviderKind'],
        message: 'is required for a service provider',
      });
    }
    if (business.serviceProvider === false && kind) {
      ctx.addIssue({
        code: 'custom',
        path: ['serviceProviderKind'],
        message: 'must be absent when serviceProvider is false',
      });
    }
    const businessNumber = asString(business.businessNumber);
    const accounts = asArray(business.programAccounts);
    accounts.forEach((account, index) => {
      if (!isRecord(account)) return;
      const accountNumber = asString(account.accountNumber);
      if (
        businessNumber &&
        BUSINESS_NUMBER.test(businessNumber) &&
        accountNumber &&
        !accountNumber.startsWith(businessNumber)
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['programAccounts', index, 'accountNumber'],
          message: `must start with the business number ${businessNumber}`,
        });
      }
      const programType = asString(account.programType);
      if ((programType === 'CUSTOMS_BROKER' || programType === 'TRADE_CONSULTANT') && programType !== kind) {
        ctx.addIssue({
          code: 'custom',
          path: ['programAccounts', index, 'programType'],
          message: `${programType} accounts belong to service providers of that kind (serviceProviderKind ${programType})`,
        });
      }
    });
    if (kind && !accounts.some((account) => isRecord(account) && account.programType === kind)) {
      ctx.addIssue({
        code: 'custom',
        path: ['programAccounts'],
        message: `a ${kind} service provider needs an RM account with programType ${kind}`,
      });
    }
  }, whenObject);

/**
 * One line of the agency's payment file: a claim's repayment paid (docs/reference-data.md). Applied line by
 * line by the claims module after the registry's records; the same line again changes nothing.
 */
const repaymentPaymentSchema = z.strictObject({
  caseNumber: z.string().regex(/^7\d{9}$/, 'must be a claim case number: 10 digits starting with 7'),
  amountCents: cents.refine((value) => value > 0, 'must be more than zero'),
  paidOn: calendarDate,
  method: oneOf(['DIRECT_DEPOSIT', 'CHEQUE']),
});

export const referenceDataSchema = z
  .strictObject({
    formatVersion: z.literal(REFERENCE_DATA_FORMAT_VERSION, {
      error: choicesError(`${REFERENCE_DATA_FORMAT_VERSION}`),
    }),
    // Omitted: the rule on record stays as it is; null: the agency has no rule any more.
    securityRequirement: securityRequirementSchema.nullish(),
    businesses: z.array(businessSchema),
    repaymentPayments: z.array(repaymentPaymentSchema).optional(),
  })
  .superRefine((file, ctx) => {
    const businesses = asArray(file.businesses);
    reportDuplicates(
      ctx,
      businesses,
      (b) => asString(b.businessNumber),
      (i) => ['businesses', i, 'businessNumber'],
      (v, first) => `duplicates business number ${v} of businesses[${first}]`,
    );
    reportDuplicates(
      ctx,
      asArray(file.repaymentPayments),
      (line) => asString(line.caseNumber),
      (i) => ['repaymentPayments', i, 'caseNumber'],
      (v, first) => `duplicates the payment of case ${v} of repaymentPayments[${first}]`,
    );
    // Account numbers start with their BN, so a repeat across businesses also shows as a duplicate BN; within
    // one business it is only caught here.
    const accountPaths = new Map<string, string>();
    businesses.forEach((business, b) => {
      if (!isRecord(business)) return;
      asArray(business.programAccounts).forEach((account, a) => {
        if (!isRecord(account)) return;
        const accountNumber = asString(account.accountNumber);
        if (!accountNumber) return;
        const first = accountPaths.get(accountNumber);
        if (first === undefined) accountPaths.set(accountNumber, `businesses[${b}].programAccounts[${a}]`);
        else {
          ctx.addIssue({
            code: 'custom',
            path: ['businesses', b, 'programAccounts', a, 'accountNumber'],
            message: `duplicates account number ${accountNumber} of ${first}`,
          });
        }
      });
    });
  }, whenObject);

/** A valid import file, as the importer receives it: optional texts are '' and list defaults applied. */
export type ReferenceData = z.output<typeof referenceDataSchema>;
export type ReferenceBusiness = ReferenceData['businesses'][number];
export type ReferenceProgramAccount = ReferenceBusiness['programAccounts'][number];
export type ReferenceAddress = ReferenceBusiness['addresses'][number];
