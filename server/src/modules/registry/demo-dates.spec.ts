import { describe, expect, it } from 'vitest';
import { addMonths, demoMonthsBehind, shiftDemoDates } from './demo-dates.js';
import { loadDemoReferenceData, validateReferenceData } from './reference-data.service.js';

// The demo file moved forward to the day the demo is built (demo-dates.ts).

describe('addMonths', () => {
  it('keeps the day, clamps past the end of the month, and keeps a last day the last day', () => {
    expect(addMonths('2026-11-19', 1)).toBe('2026-12-19');
    expect(addMonths('2026-10-31', 1)).toBe('2026-11-30');
    expect(addMonths('2026-09-30', 1)).toBe('2026-10-31');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2027-01-29', 37)).toBe('2030-02-28');
    expect(addMonths('2026-08-01', 53)).toBe('2031-01-01');
  });
});

describe('shiftDemoDates', () => {
  it('leaves the file as written up to a month after its newest transaction, and never moves it back', async () => {
    const demo = await loadDemoReferenceData();
    for (const today of ['2025-01-01', '2026-11-20', '2026-12-18'])
      expect(shiftDemoDates(demo, today), today).toBe(demo);
  });

  it('moves every date by whole months, the newest transaction within the last month, still a valid file', async () => {
    const demo = await loadDemoReferenceData();
    for (const [today, months] of [
      ['2026-12-19', 1],
      ['2030-10-18', 46],
      ['2031-03-02', 51],
      ['2040-02-29', 159],
    ] as const) {
      expect(demoMonthsBehind(demo, today), today).toBe(months);
      const moved = shiftDemoDates(demo, today);
      const dates = moved.businesses.flatMap((b) =>
        b.programAccounts.flatMap((a) => a.transactions.map((t) => t.date)),
      );
      const newest = dates.sort().at(-1)!;
      expect(newest <= today && newest > addMonths(today, -1), today).toBe(true);
      const account = moved.businesses[0].programAccounts[0];
      expect(account.statements[0].periodStart, today).toBe(
        addMonths(demo.businesses[0].programAccounts[0].statements[0].periodStart, months),
      );
      expect(validateReferenceData(JSON.parse(JSON.stringify(moved))).ok, today).toBe(true);
    }
  });
});
