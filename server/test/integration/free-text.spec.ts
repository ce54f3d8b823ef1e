import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGN_IN } from '../support/identity.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Control characters other than tabs and line breaks are refused in every argument (decision 0021); before,
// NUL and ESC were stored in 14 free-text fields while the registry import refused them.
describe('free text', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('sqlite');
  });
  afterAll(async () => t?.close());

  it("refuses a NUL or an escape in a variable or a literal with 400 BAD_USER_INPUT, in the caller's language", async () => {
    const nul = await t.gql(
      SIGN_IN,
      { input: { username: 'Quelqu\u0000un1', password: 'Xk7pQ2vz!m' } },
      { 'accept-language': 'fr' },
    );
    expect(nul.status).toBe(400);
    expect(nul.body.errors?.[0]?.message).toMatch(/^Retirez les caractères de contrôle/);
    expect(nul.body.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', reason: 'CONTROL_CHARACTERS', variable: ['input', 'username'] },
    });
    const escape = await t.gql(
      'mutation { signIn(input: { username: "Quelqu\\u001bun1", password: "x" }) { userErrors { code } } }',
    );
    expect(escape.status).toBe(400);
    expect(escape.body.errors?.[0]?.message).toMatch(/^Remove the control characters/);
  });

  it('lets tabs and line breaks through to the field rules', async () => {
    const tab = await t.gql(SIGN_IN, { input: { username: 'Quelqu\tun1', password: 'line\nbreak' } });
    expect(tab.status).toBe(200);
    expect(tab.body.data?.signIn).toMatchObject({ userErrors: [{ code: 'INVALID_CREDENTIALS' }] });
  });
});
