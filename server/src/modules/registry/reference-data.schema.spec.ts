import { describe, expect, it } from 'vitest';
import { isCalendarDate } from './reference-data.schema.js';
import { validateReferenceData, type ReferenceDataProblem } from './reference-data.service.js';

// The smallest file that meets every rule: one corporation with one monthly-statement RM account.
function validFile() {
  return {
    formatVersion: 1,
    businesses: [
      {
        businessNumber: '123456789',
        legalName: 'Northern Lights Imports Inc.',
        businessType: 'CORPORATION',
        soleProprietor: false,
        serviceProvider: false,
        addresses: [{ type: 'PHYSICAL', line1: '240 Sparks Street', country: 'CA' }],
        programAccounts: [
          {
            accountNumber: '123456789RM0001',
            programType: 'IMPORTER',
            name: 'Northern Lights Imports',
            billingType: 'MONTHLY_STATEMENT',
            addresses: [{ type: 'PHYSICAL', line1: '240 Sparks Street', country: 'CA' }],
            transactions: [
              {
                transactionNumber: '13409539086039',
                date: '2026-11-17',
                type: 'CAD',
                description: 'Commercial accounting declaration',
                amountCents: 482915,
                dutiesAndTaxesCents: 482915,
                status: 'POSTED',
              },
            ],
            payments: [{ reference: 'PAD-1', date: '2026-11-18', amountCents: 1234567 }],
            statements: [
              {
                statementDate: '2026-11-03',
                periodStart: '2026-10-01',
                periodEnd: '2026-10-31',
                balanceCents: 876543,
                amountDueCents: 876543,
                dueDate: '2026-11-18',
              },
            ],
          },
        ],
      },
    ],
  };
}

type File = ReturnType<typeof validFile>;

function problemsOf(mutate: (file: File) => void): ReferenceDataProblem[] {
  const file = validFile();
  mutate(file);
  const result = validateReferenceData(file);
  return result.ok ? [] : result.problems;
}

const business = (file: File) => file.businesses[0];
const account = (file: File) => business(file).programAccounts[0];

describe('reference data schema', () => {
  it('accepts the minimal valid file and fills the defaults', () => {
    const result = validateReferenceData(validFile());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const parsed = result.data.businesses[0];
    expect(parsed.operatingName).toBe('');
    expect(parsed.serviceProviderKind).toBe('');
    expect(parsed.addresses[0]).toMatchObject({ line2: '', poBox: '', city: '', postalCode: '' });
    expect(parsed.programAccounts[0]).toMatchObject({ status: 'ACTIVE', contacts: [], owners: [] });
    expect(parsed.programAccounts[0].payments[0].method).toBe('');
  });

  it.each([
    ['12345678', false],
    ['123456789', true],
    ['1234567890', false],
    ['12345678a', false],
  ])('business number %s valid: %s', (bn, valid) => {
    const problems = problemsOf((f) => {
      business(f).businessNumber = bn;
      account(f).accountNumber = `${bn}RM0001`;
    });
    const bnProblems = problems.filter((p) => p.path === '$.businesses[0].businessNumber');
    expect(bnProblems).toEqual(
      valid ? [] : [{ path: '$.businesses[0].businessNumber', message: 'must be exactly 9 digits' }],
    );
  });

  it('requires the account number to start with the business number', () => {
    const problems = problemsOf((f) => (account(f).accountNumber = '987654321RM0001'));
    expect(problems).toEqual([
      {
        path: '$.businesses[0].programAccounts[0].accountNumber',
        message: 'must start with the business number 123456789',
      },
    ]);
  });

  it.each(['123456789RM001', '123456789rm0001', '123456789RM00012', 'RM0001'])(
    'rejects the malformed account number %s',
    (accountNumber) => {
      const problems = problemsOf((f) => (account(f).accountNumber = accountNumber));
      expect(problems.map((p) => p.path)).toContain('$.businesses[0].programAccounts[0].accountNumber');
    },
  );

  it('rejects an unknown program code and the reference 0000', () => {
    expect(problemsOf((f) => (account(f).accountNumber = '123456789XX0001'))[0]?.message).toMatch(
      /program code XX, which must be one of RM, RT, RP, RC/,
    );
    expect(problemsOf((f) => (account(f).accountNumber = '123456789RM0000'))[0]?.message).toMatch(/0000/);
  });

  it('accepts a legal name of 175 characters and rejects 176', () => {
    expect(problemsOf((f) => (business(f).legalName = 'A'.repeat(175)))).toEqual([]);
    expect(problemsOf((f) => (business(f).legalName = 'A'.repeat(176)))).toEqual([
      { path: '$.businesses[0].legalName', message: 'must be at most 175 characters' },
    ]);
  });

  it('counts accented letters once, whatever their Unicode form, and keeps them as NFC', () => {
    const decomposed = 'Les Importations Co\u0302te\u0301-Le\u0301vesque Inc.';
    const file = validFile();
    business(file).legalName = decomposed;
    const result = validateReferenceData(file);
    expect(result.ok && result.data.businesses[0].legalName).toBe('Les Importations Côté-Lévesque Inc.');
    expect(problemsOf((f) => (business(f).legalName = 'é'.normalize('NFD').repeat(175)))).toEqual([]);
  });

  it('rejects names with surrounding spaces, line breaks or nothing at all', () => {
    expect(problemsOf((f) => (business(f).legalName = ' Northern Lights'))[0]?.message).toBe(
      'must not start or end with a space',
    );
    expect(problemsOf((f) => (business(f).legalName = 'Northern\nLights'))[0]?.message).toBe(
      'must not contain line breaks or control characters',
    );
    expect(problemsOf((f) => (business(f).legalName = ''))[0]?.message).toBe('must not be empty');
  });

  it.each(['2026-02-30', '2026-13-01', '2025-02-29', '26-11-17', '2026-11-17T00:00:00Z', '2026/11/17'])(
    'rejects the date %s',
    (date) => {
      expect(isCalendarDate(date)).toBe(false);
      expect(problemsOf((f) => (account(f).transactions[0].date = date))).toEqual([
        {
          path: '$.businesses[0].programAccounts[0].transactions[0].date',
          message: 'must be a real calendar date written YYYY-MM-DD (e.g. 2026-02-28)',
        },
      ]);
    },
  );

  it('accepts leap days', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(isCalendarDate('1900-02-29')).toBe(false);
  });

  it.each([
    [12.5, 'must be a whole number of cents, e.g. 123456 for $1,234.56'],
    ['1234.56', 'must be a number'],
    [2 ** 53, 'must be a whole number of cents, e.g. 123456 for $1,234.56'],
  ])('rejects the amount %s', (amount, message) => {
    const problems = problemsOf((f) => {
      (account(f).transactions[0] as { amountCents: unknown }).amountCents = amount;
    });
    expect(problems).toEqual([
      { path: '$.businesses[0].programAccounts[0].transactions[0].amountCents', message },
    ]);
  });

  it('carries a French description beside the description, optional, 200 characters at most (issue 14, defect 7)', () => {
    const withFrench = validFile();
    Object.assign(account(withFrench).transactions[0], {
      descriptionFr: 'Déclaration en détail commerciale',
    });
    const parsed = validateReferenceData(withFrench);
    expect(parsed.ok && parsed.data.businesses[0]?.programAccounts[0]?.transactions[0]?.descriptionFr).toBe(
      'Déclaration en détail commerciale',
    );
    const without = validateReferenceData(validFile());
    expect(without.ok && without.data.businesses[0]?.programAccounts[0]?.transactions[0]?.descriptionFr).toBe(
      '',
    );
    expect(
      problemsOf((f) => Object.assign(account(f).transactions[0], { descriptionFr: 'é'.repeat(200) })),
    ).toEqual([]);
    expect(
      problemsOf((f) => Object.assign(account(f).transactions[0], { descriptionFr: 'é'.repeat(201) })),
    ).toEqual([
      {
        path: '$.businesses[0].programAccounts[0].transactions[0].descriptionFr',
        message: 'must be at most 200 characters',
      },
    ]);
  });

  it('allows negative transaction amounts (credits) but not negative duties and taxes or empty payments', () => {
    expect(problemsOf((f) => (account(f).transactions[0].amountCents = -1000))).toEqual([]);
    expect(problemsOf((f) => (account(f).transactions[0].dutiesAndTaxesCents = -1))[0]).toEqual({
      path: '$.businesses[0].programAccounts[0].transactions[0].dutiesAndTaxesCents',
      message: 'must not be negative',
    });
    expect(problemsOf((f) => (account(f).payments[0].amountCents = 0))[0]?.message).toBe(
      'must be more than zero',
    );
  });

  it('checks country codes, provinces and postal codes', () => {
    const problems = problemsOf((f) => {
      Object.assign(business(f).addresses[0], { country: 'CAN' });
      business(f).addresses.push(
        Object.assign(
          { type: 'MAILING', line1: 'Station B', country: 'CA' },
          { provinceState: 'QB', postalCode: 'K1A0B1' },
        ),
        Object.assign(
          { type: 'MAILING', line1: '300 Delaware Avenue', country: 'US' },
          { postalCode: '1420' },
        ),
      );
    });
    expect(problems).toEqual([
      {
        path: '$.businesses[0].addresses[0].country',
        message: 'must be an ISO 3166-1 alpha-2 country code such as CA or US',
      },
      {
        path: '$.businesses[0].addresses[1].provinceState',
        message: 'must be a province or territory code such as ON or QC',
      },
      {
        path: '$.businesses[0].addresses[1].postalCode',
        message: 'must be a Canadian postal code such as K1A 0B1',
      },
      {
        path: '$.businesses[0].addresses[2].postalCode',
        message: 'must be a ZIP code such as 14201 or 14201-1234',
      },
    ]);
  });

  it('reports missing fields, wrong types and unknown fields at their own path', () => {
    const problems = problemsOf((f) => {
      delete (business(f) as Partial<ReturnType<typeof business>>).legalName;
      (business(f) as { soleProprietor: unknown }).soleProprietor = 'no';
      (business(f) as Record<string, unknown>).legalname = 'typo';
      (business(f) as { businessType: string }).businessType = 'LLC';
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: '$.businesses[0].legalName', message: 'is required' },
        { path: '$.businesses[0].soleProprietor', message: 'must be true or false' },
        { path: '$.businesses[0].legalname', message: 'is not a known field' },
        {
          path: '$.businesses[0].businessType',
          message:
            'must be one of CORPORATION, SOLE_PROPRIETORSHIP, PARTNERSHIP, TRUST, NON_PROFIT, COOPERATIVE, GOVERNMENT',
        },
      ]),
    );
  });

  it('reports duplicates of every natural key within the file', () => {
    const problems = problemsOf((f) => {
      const a = account(f);
      a.transactions.push({ ...a.transactions[0] });
      a.payments.push({ ...a.payments[0], date: '2026-11-19' });
      a.statements.push({ ...a.statements[0] });
      f.businesses.push(structuredClone(business(f)));
    });
    expect(problems.map((p) => p.path)).toEqual(
      expect.arrayContaining([
        '$.businesses[0].programAccounts[0].transactions[1].transactionNumber',
        '$.businesses[0].programAccounts[0].payments[1].reference',
        '$.businesses[0].programAccounts[0].statements[1].statementDate',
        '$.businesses[1].businessNumber',
        '$.businesses[1].programAccounts[0].accountNumber',
      ]),
    );
    expect(problems.find((p) => p.path === '$.businesses[1].businessNumber')?.message).toBe(
      'duplicates business number 123456789 of businesses[0]',
    );
  });

  it('keeps the sole-proprietor and service-provider flags consistent', () => {
    expect(problemsOf((f) => (business(f).soleProprietor = true))).toEqual([
      {
        path: '$.businesses[0].soleProprietor',
        message: 'must be true exactly when businessType is SOLE_PROPRIETORSHIP',
      },
    ]);
    expect(problemsOf((f) => (business(f).serviceProvider = true))).toEqual([
      { path: '$.businesses[0].serviceProviderKind', message: 'is required for a service provider' },
    ]);
    // A customs broker's RM account says so, and only a customs broker may hold such an account.
    expect(
      problemsOf((f) =>
        Object.assign(business(f), { serviceProvider: true, serviceProviderKind: 'CUSTOMS_BROKER' }),
      ),
    ).toEqual([
      {
        path: '$.businesses[0].programAccounts',
        message: 'a CUSTOMS_BROKER service provider needs an RM account with programType CUSTOMS_BROKER',
      },
    ]);
    expect(problemsOf((f) => (account(f).programType = 'CUSTOMS_BROKER'))[0]?.path).toBe(
      '$.businesses[0].programAccounts[0].programType',
    );
  });

  it('ties billing types and financial records to RM accounts', () => {
    expect(problemsOf((f) => (account(f).billingType = 'DAILY_NOTICE'))).toEqual([
      {
        path: '$.businesses[0].programAccounts[0].statements',
        message:
          'must be empty for a DAILY_NOTICE account; only MONTHLY_STATEMENT accounts get statements of account',
      },
    ]);
    const gst = problemsOf((f) => Object.assign(account(f), { accountNumber: '123456789RT0001' }));
    expect(gst.map((p) => p.path)).toEqual([
      '$.businesses[0].programAccounts[0].programType',
      '$.businesses[0].programAccounts[0].billingType',
      '$.businesses[0].programAccounts[0].transactions',
      '$.businesses[0].programAccounts[0].payments',
      '$.businesses[0].programAccounts[0].statements',
    ]);
    expect(
      problemsOf((f) => delete (account(f) as { billingType?: string }).billingType)[0]?.message,
    ).toMatch(/is required for an RM account/);
  });

  it('orders statement dates', () => {
    const problems = problemsOf((f) =>
      Object.assign(account(f).statements[0], { periodEnd: '2026-11-05', dueDate: '2026-11-01' }),
    );
    expect(problems).toEqual([
      {
        path: '$.businesses[0].programAccounts[0].statements[0].statementDate',
        message: 'must not be before periodEnd 2026-11-05',
      },
      {
        path: '$.businesses[0].programAccounts[0].statements[0].dueDate',
        message: 'must not be before statementDate 2026-11-03',
      },
    ]);
  });

  it('needs a phone number or an email for each contact', () => {
    const problems = problemsOf(
      (f) => ((account(f) as Record<string, unknown>).contacts = [{ name: 'Alexandra Whitfield' }]),
    );
    expect(problems).toEqual([
      {
        path: '$.businesses[0].programAccounts[0].contacts[0].phone',
        message: 'a contact needs a phone number or an email address',
      },
    ]);
  });

  it('rejects a wrong format version and a non-object file', () => {
    expect(problemsOf((f) => (f.formatVersion = 2))).toEqual([
      { path: '$.formatVersion', message: 'must be 1' },
    ]);
    expect(validateReferenceData([])).toEqual({
      ok: false,
      problems: [{ path: '$', message: 'must be an object' }],
    });
  });
});
