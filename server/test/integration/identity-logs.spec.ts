import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../support/databases.js';
import {
  CHANGE_PASSWORD,
  PASSWORD,
  RECOVERY,
  RESET,
  acceptTerms,
  codes,
  register,
  signIn,
} from '../support/identity.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe.each(drivers)('secrets never reach the logs on %s', (driver) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(driver, { env: { LOG_LEVEL: 'trace' } });
  });
  afterAll(async () => t?.close());

  it('logs no password, recovery answer, token or cookie through registration, sign-in, change and reset', async () => {
    const secrets = new Set<string>([
      PASSWORD,
      RECOVERY.answer,
      RECOVERY.memorablePerson,
      'Wrong9Secret',
      'Nv8tRw3q!k',
      'Rz7Quokka!',
    ]);
    const browser = t.client({ ip: '203.0.113.99' });
    await register(browser, 'Discret2026');
    secrets.add(browser.session!);
    secrets.add((await browser.csrf())!);
    await acceptTerms(browser);
    expect(codes(await signIn(t.client(), 'Discret2026', 'Wrong9Secret'))).toEqual(['INVALID_CREDENTIALS']);
    expect(
      codes(
        await browser.gql(CHANGE_PASSWORD, {
          input: {
            currentPassword: PASSWORD,
            newPassword: 'Nv8tRw3q!k',
            newPasswordConfirmation: 'Nv8tRw3q!k',
          },
        }),
      ),
    ).toEqual([]);
    const other = t.client();
    expect(codes(await signIn(other, 'Discret2026', 'Nv8tRw3q!k'))).toEqual([]);
    secrets.add(other.session!);
    const reset = await t.client().gql(RESET, {
      input: {
        username: 'Discret2026',
        answer: RECOVERY.answer,
        memorablePerson: RECOVERY.memorablePerson,
        memorableDate: RECOVERY.memorableDate,
        newPassword: 'Rz7Quokka!',
        newPasswordConfirmation: 'Rz7Quokka!',
      },
    });
    expect(codes(reset)).toEqual([]);
    // A cookie that opens nothing, and a forged CSRF token.
    const stale = t.client();
    stale.setSession('Z'.repeat(43));
    secrets.add('Z'.repeat(43));
    await stale.gql('{ me { id } }');
    await other.gql('mutation { signOut { signedOut } }', undefined, { csrf: 'forged-csrf-token-value' });
    secrets.add('forged-csrf-token-value');

    // Request lines are written when each response finishes: let the last ones land.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const text = JSON.stringify(t.logs);
    expect(t.logs.filter((line) => line.msg === 'request').length).toBeGreaterThanOrEqual(9);
    for (const secret of secrets) expect(text, 'a secret was logged').not.toContain(secret);
    expect(text.toLowerCase()).not.toContain('pistache');
  });
});
