import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completePartnerSignIn } from '../../src/modules/sessions/partner-session.js';
import { User } from '../../src/modules/users/user.entity.js';
import { drivers } from '../support/databases.js';
import {
  CHANGE_PASSWORD,
  CHANGE_RECOVERY,
  ME,
  PASSWORD,
  PROFILE,
  RECOVERY,
  REGISTER,
  RESPOND_TO_TERMS,
  REVOKE,
  SAVE_PROFILE,
  USERNAME_AVAILABLE,
  acceptTerms,
  codes,
  payload,
  register,
  registration,
  seedUser,
  signIn,
  userErrors,
  type Viewer,
} from '../support/identity.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe.each(drivers)('registration, terms, profile and credential changes on %s', (driver) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(driver, {
      routes: ({ dataSource, config }) => {
        // Stands in for the sign-in partner's callback: the same completeSignIn the OIDC routes call.
        const router = express.Router();
        const complete = completePartnerSignIn(dataSource, config);
        router.get('/test/partner/:subject', async (req, res) => {
          try {
            await complete(req, res, { issuer: 'https://partner.example', subject: req.params.subject });
            res.status(204).end();
          } catch (error) {
            res
              .status(403)
              .json({ reason: (error as { extensions?: { reason?: string } }).extensions?.reason });
          }
        });
        return [router];
      },
    });
  });
  afterAll(async () => t?.close());

  it('registers, signs in, asks the terms, then takes the profile', async () => {
    const browser = t.client({ ip: '203.0.113.10' });
    const viewer = await register(browser, 'MarieT2024');
    expect(viewer).toMatchObject({
      role: 'PERSON',
      credentialKind: 'LOCAL',
      username: 'MarieT2024',
      previousSignInAt: null,
      termsAccepted: false,
    });
    expect(browser.session).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const me = await browser.gql(ME);
    expect(me.body.data?.me).toMatchObject({ id: viewer.id, profile: null, termsAccepted: false });

    // Until the terms of use are accepted in this session, the portal's own mutations are refused.
    const early = await browser.gql(SAVE_PROFILE, { input: PROFILE });
    expect(early.body.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'TERMS_NOT_ACCEPTED',
    });
    expect(early.body.errors?.[0]?.message).toBe('Accept the terms of use to continue.');

    await acceptTerms(browser);
    const saved = await browser.gql(SAVE_PROFILE, { input: PROFILE });
    expect(payload(saved)).toEqual({
      profile: {
        firstName: 'Marie-Ève',
        lastName: "O'Connor",
        phone: '613-555-0101',
        phoneExtension: '42',
        email: 'marie@example.ca',
        receiveNoticeEmails: true,
        preferredLanguage: 'FR',
      },
      userErrors: [],
    });
    const after = await browser.gql(ME);
    const meAfter = after.body.data?.me as {
      profile: unknown;
      recentSecurityEvents: Array<{ type: string; ipAddress: string }>;
    };
    expect(meAfter.profile).toMatchObject({ phone: '613-555-0101' });
    expect(meAfter.recentSecurityEvents.map((e) => e.type)).toEqual(['PROFILE_CHANGED', 'SIGN_IN_SUCCEEDED']);
    expect(meAfter.recentSecurityEvents[0]?.ipAddress).toBe('203.0.113.10');
  });

  it('refuses every broken rule at once, at its field, in the caller’s language', async () => {
    const input = registration('jean_luc12345678', {
      acceptTerms: false,
      password: 'jean123',
      passwordConfirmation: 'jean1234',
      recovery: {
        ...RECOVERY,
        questionId: 'nope',
        answer: 'ab',
        memorableDate: '2999-01-01',
        memorableDateHint: 'hé!',
      },
    });
    const en = await t.client().gql(REGISTER, { input });
    expect(payload(en)).toMatchObject({ viewer: null });
    expect(userErrors(en).map((e) => [e.field.join('.'), e.code])).toEqual([
      ['input.acceptTerms', 'TERMS_NOT_ACCEPTED'],
      ['input.username', 'INVALID_CHARACTERS'],
      ['input.username', 'TOO_MANY_DIGITS'],
      ['input.password', 'TOO_SHORT'],
      ['input.password', 'MISSING_UPPERCASE'],
      ['input.password', 'SHARES_USERNAME'],
      ['input.passwordConfirmation', 'MISMATCH'],
      ['input.recovery.questionId', 'REQUIRED'],
      ['input.recovery.answer', 'TOO_SHORT'],
      ['input.recovery.memorableDate', 'FUTURE_DATE'],
      ['input.recovery.memorableDateHint', 'INVALID_CHARACTERS'],
    ]);
    expect(userErrors(en)[3]?.message).toBe('Your password must have at least 8 characters.');
    const fr = await t.client({ lang: 'fr' }).gql(REGISTER, { input });
    expect(userErrors(fr)[3]?.message).toBe('Votre mot de passe doit compter au moins 8 caractères.');
    expect(userErrors(fr)[1]?.message).toBe(
      "Votre nom d'utilisateur ne peut contenir que des lettres (A à Z, sans accents) et des chiffres.",
    );
    const common = await t.client().gql(REGISTER, {
      input: registration('commonpw01', { password: 'Summer2025', passwordConfirmation: 'Summer2025' }),
    });
    expect(codes(common)).toEqual(['COMMON_PASSWORD']);
    expect(await t.dataSource.getRepository(User).countBy({ usernameKey: 'jean_luc12345678' })).toBe(0);
  });

  it('keeps usernames unique whatever their letter case, and says whether one is available', async () => {
    const first = t.client({ ip: '203.0.113.11' });
    await register(first, 'Bertrand99');
    const again = await t.client({ ip: '203.0.113.11' }).gql(REGISTER, { input: registration('bertrand99') });
    expect(userErrors(again)).toEqual([
      {
        field: ['input', 'username'],
        code: 'USERNAME_TAKEN',
        message: 'This username is not available. Choose another one.',
      },
    ]);
    const anyone = t.client({ ip: '203.0.113.12' });
    const available = async (username: string) =>
      (await anyone.gql(USERNAME_AVAILABLE, { username })).body.data?.usernameAvailable;
    expect(await available('BERTRAND99')).toBe(false);
    expect(await available('Bertrand100')).toBe(true);
    expect(await available('bad name')).toBe(false);
  });

  it('answers profile problems at their fields, in English and in French', async () => {
    const browser = t.client({ ip: '203.0.113.13' });
    await seedUser(t.dataSource, 'Profileur1');
    await signIn(browser, 'Profileur1');
    await acceptTerms(browser);
    const input = {
      ...PROFILE,
      firstName: '',
      lastName: 'R2D2',
      phone: '013-555-0101',
      phoneExtension: '1234567',
      email: 'marie@example',
      emailConfirmation: 'other@example.ca',
      acceptNoticeTerms: false,
    };
    const en = await browser.gql(SAVE_PROFILE, { input });
    expect(payload(en)).toMatchObject({ profile: null });
    expect(userErrors(en)).toEqual([
      { field: ['input', 'firstName'], code: 'REQUIRED', message: 'Enter your first name.' },
      {
        field: ['input', 'lastName'],
        code: 'INVALID_CHARACTERS',
        message: 'Your last name can only have letters, spaces, apostrophes, hyphens and periods.',
      },
      {
        field: ['input', 'phone'],
        code: 'INVALID_PHONE',
        message: 'Enter a North American telephone number with its area code, for example 613-555-0101.',
      },
      {
        field: ['input', 'phoneExtension'],
        code: 'TOO_LONG',
        message: 'The extension can have at most 6 digits.',
      },
      {
        field: ['input', 'email'],
        code: 'INVALID_EMAIL',
        message: 'Enter an email address in the format name@example.com.',
      },
      {
        field: ['input', 'emailConfirmation'],
        code: 'MISMATCH',
        message: 'The two email addresses are not the same.',
      },
      {
        field: ['input', 'acceptNoticeTerms'],
        code: 'TERMS_NOT_ACCEPTED',
        message: 'You must accept the terms of notice emails to continue.',
      },
    ]);
    const fr = await browser.gql(SAVE_PROFILE, { input }, { headers: { 'accept-language': 'fr-CA' } });
    expect(userErrors(fr).map((e) => e.message)).toEqual([
      'Entrez votre prénom.',
      "Votre nom de famille ne peut contenir que des lettres, des espaces, des apostrophes, des traits d'union et des points.",
      'Entrez un numéro de téléphone nord-américain avec son indicatif régional, par exemple 613-555-0101.',
      'Le poste peut compter au plus 6 chiffres.',
      'Entrez une adresse courriel au format nom@exemple.com.',
      'Les deux adresses courriel ne sont pas identiques.',
      'Vous devez accepter les conditions des avis par courriel pour continuer.',
    ]);
    const me = await browser.gql(ME);
    expect((me.body.data?.me as { profile: unknown }).profile).toBeNull();
  });

  it('changes the password and the recovery questions after checking the current password', async () => {
    const browser = t.client({ ip: '203.0.113.14' });
    await seedUser(t.dataSource, 'Changeur22');
    await signIn(browser, 'Changeur22');
    const other = t.client({ ip: '203.0.113.14' });
    expect(codes(await signIn(other, 'Changeur22'))).toEqual([]);
    // No acceptTerms: these are credential functions of the welcome page, which comes before the portal's
    // terms of use (seed 003 §2.1).

    const wrong = await browser.gql(CHANGE_PASSWORD, {
      input: { currentPassword: 'Nope1234x', newPassword: 'Nv8tRw3q', newPasswordConfirmation: 'Nv8tRw3q' },
    });
    expect(userErrors(wrong)).toEqual([
      {
        field: ['input', 'currentPassword'],
        code: 'WRONG_PASSWORD',
        message: 'Your current password is not correct.',
      },
    ]);
    const weak = await browser.gql(CHANGE_PASSWORD, {
      input: { currentPassword: PASSWORD, newPassword: 'Chang3ur!', newPasswordConfirmation: 'Chang3ur!' },
    });
    expect(codes(weak)).toEqual(['SHARES_USERNAME']);
    const changed = await browser.gql(CHANGE_PASSWORD, {
      input: { currentPassword: PASSWORD, newPassword: 'Nv8tRw3q', newPasswordConfirmation: 'Nv8tRw3q' },
    });
    expect(codes(changed)).toEqual([]);
    // The other browser's session ended; this one goes on.
    expect((await other.gql(ME)).body.data?.me).toBeNull();
    expect((await browser.gql(ME)).body.data?.me).not.toBeNull();
    expect(codes(await signIn(t.client({ ip: '203.0.113.14' }), 'Changeur22'))).toEqual([
      'INVALID_CREDENTIALS',
    ]);
    expect(codes(await signIn(t.client({ ip: '203.0.113.14' }), 'changeur22', 'Nv8tRw3q'))).toEqual([]);

    const recovery = await browser.gql(CHANGE_RECOVERY, {
      input: {
        currentPassword: 'Nv8tRw3q',
        recovery: { ...RECOVERY, questionId: 'first-car', answer: 'Lada', memorableDateHint: null },
      },
    });
    expect(codes(recovery)).toEqual([]);
    const events = (
      (await browser.gql(ME)).body.data?.me as { recentSecurityEvents: Array<{ type: string }> }
    ).recentSecurityEvents;
    expect(events.map((e) => e.type).slice(0, 4)).toEqual([
      'RECOVERY_CHANGED',
      'SIGN_IN_SUCCEEDED',
      'SIGN_IN_FAILED',
      'PASSWORD_CHANGED',
    ]);
  });

  it('revokes a credential for good: sessions end, it cannot sign in nor be registered again', async () => {
    const browser = t.client({ ip: '203.0.113.15' });
    await seedUser(t.dataSource, 'Revoquee7');
    await signIn(browser, 'Revoquee7');
    const second = t.client({ ip: '203.0.113.15' });
    await signIn(second, 'Revoquee7');

    const missing = await browser.gql(REVOKE, { input: {} });
    expect(codes(missing)).toEqual(['REQUIRED']);
    const revoked = await browser.gql(REVOKE, { input: { currentPassword: PASSWORD } });
    expect(payload(revoked)).toEqual({ signedOut: true, userErrors: [] });
    expect(browser.session).toBeUndefined();
    expect((await second.gql(ME)).body.data?.me).toBeNull();

    const again = await signIn(t.client({ ip: '203.0.113.15' }), 'Revoquee7');
    expect(userErrors(again)).toEqual([
      {
        field: [],
        code: 'CREDENTIAL_REVOKED',
        message: 'This credential was revoked and can no longer be used.',
      },
    ]);
    // With a wrong password, a revoked username looks like any other.
    expect(codes(await signIn(t.client({ ip: '203.0.113.15' }), 'Revoquee7', 'Wrong1234'))).toEqual([
      'INVALID_CREDENTIALS',
    ]);
    expect(
      codes(await t.client({ ip: '203.0.113.15' }).gql(REGISTER, { input: registration('REVOQUEE7') })),
    ).toEqual(['USERNAME_TAKEN']);
  });

  it('answers UNAUTHENTICATED without a session and clears a cookie that opens none', async () => {
    const stranger = t.client();
    expect((await stranger.gql(ME)).body.data?.me).toBeNull();
    const terms = await stranger.gql(RESPOND_TO_TERMS, { accept: true });
    expect(terms.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    stranger.setSession('A'.repeat(43));
    const stale = await stranger.gql(ME);
    expect(stale.body.data?.me).toBeNull();
    expect(stale.setCookies.some((c) => c.startsWith('passerelle_session=;') && /Max-Age=0/i.test(c))).toBe(
      true,
    );
  });

  it('opens sessions for sign-in partner identities through the shared path (completePartnerSignIn)', async () => {
    const res = await fetch(`${t.url}/test/partner/subject-123`, {
      headers: { 'x-forwarded-for': '198.51.100.7' },
    });
    expect(res.status).toBe(204);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('passerelle_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    const browser = t.client({ ip: '198.51.100.7' });
    browser.setSession(cookie.split(';')[0].split('=')[1]);
    const me = (await browser.gql(ME)).body.data?.me as Viewer & {
      recentSecurityEvents: Array<{ type: string }>;
    };
    expect(me).toMatchObject({
      credentialKind: 'PARTNER',
      username: null,
      role: 'PERSON',
      termsAccepted: false,
    });
    expect(me.recentSecurityEvents.map((e) => e.type)).toEqual(['SIGN_IN_SUCCEEDED']);

    // The same identity is the same person; a partner credential has no password to change.
    const again = await fetch(`${t.url}/test/partner/subject-123`);
    expect(again.status).toBe(204);
    expect(await t.dataSource.getRepository(User).countBy({ partnerSubject: 'subject-123' })).toBe(1);
    await acceptTerms(browser);
    const change = await browser.gql(CHANGE_PASSWORD, {
      input: { currentPassword: 'x', newPassword: 'Nv8tRw3q', newPasswordConfirmation: 'Nv8tRw3q' },
    });
    expect(codes(change)).toEqual(['NOT_LOCAL_CREDENTIAL']);

    // Revoked without a password; the identity can never open a session again.
    expect(payload(await browser.gql(REVOKE, { input: {} }))).toEqual({ signedOut: true, userErrors: [] });
    const refused = await fetch(`${t.url}/test/partner/subject-123`);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ reason: 'CREDENTIAL_REVOKED' });
  });
});
