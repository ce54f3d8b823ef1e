import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActivationKey } from '../../src/modules/businesses/businesses.entities.js';
import {
  importReferenceData,
  loadDemoReferenceData,
} from '../../src/modules/registry/reference-data.service.js';
import { PersonRole } from '../../src/modules/users/user.types.js';
import { VALIDATE, signedInPerson, start, type RegistrationPayload } from '../support/businesses.js';
import { drivers } from '../support/databases.js';
import { type GqlClient } from '../support/gql-client.js';
import { acceptTerms, payload, seedUser, signIn } from '../support/identity.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const ERRORS = 'userErrors { field code message }';
const SEARCH =
  'query($q: String!) { officerBusinessSearch(query: $q) { businessNumber legalName business { id } } }';
const VIEW = `query($bn: String!) { officerBusiness(businessNumber: $bn) { businessNumber legalName
  business { id businessNumber name } registrationFailedAttempts registrationLocked
  activationKeys { id contactName issuedAt expiresAt usedAt }
  auditTrail(first: 100) { id type occurredAt actor { id name } detail details { name value } } } }`;
const ISSUE = `mutation($input: IssueActivationKeyInput!) { issueActivationKey(input: $input) {
  activationKey { key businessNumber contactName expiresAt } ${ERRORS} } }`;
const REDEEM = `mutation($key: String!) { redeemActivationKey(key: $key) { business { id businessNumber name
  viewerMembership { role } members { role person { name } } } ${ERRORS} } }`;
const UNLOCK = `mutation($bn: String!) { unlockBusinessRegistration(businessNumber: $bn) {
  view { registrationLocked registrationFailedAttempts } ${ERRORS} } }`;

interface View {
  businessNumber: string;
  business: { id: string; businessNumber: string; name: string } | null;
  registrationFailedAttempts: number;
  registrationLocked: boolean;
  activationKeys: Array<{ id: string; contactName: string; usedAt: string | null }>;
  auditTrail: Array<{
    type: string;
    actor: { id: string } | null;
    detail: string | null;
    details: Array<{ name: string; value: string }>;
  }>;
}

describe.each(drivers)('officer console and activation keys on %s', (driver) => {
  let t: TestApp;
  let officer: GqlClient;
  let officerId: string;

  beforeAll(async () => {
    t = await startTestApp(driver);
    await importReferenceData(t.dataSource, await loadDemoReferenceData());
    officerId = (await seedUser(t.dataSource, 'Officer2026', PersonRole.OFFICER)).id;
    officer = t.client();
    await signIn(officer, 'Officer2026');
    await acceptTerms(officer);
  });
  afterAll(async () => t?.close());

  const view = async (bn: string) => (await officer.gql(VIEW, { bn })).body.data?.officerBusiness as View;
  const issue = async (businessNumber: string, contactName = 'Alexandra Whitfield') =>
    payload<{
      activationKey: { key: string; expiresAt: string } | null;
      userErrors: Array<{ field: string[]; code: string }>;
    }>(await officer.gql(ISSUE, { input: { businessNumber, contactName } }));

  it('is for officers only', async () => {
    const { client } = await signedInPerson(t, 'NotOfficer2026');
    const search = await client.gql(SEARCH, { q: '123' });
    expect(search.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const issued = await client.gql(ISSUE, { input: { businessNumber: '123456789', contactName: 'X' } });
    expect(issued.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anonymous = await t.gql(SEARCH, { q: '123' });
    expect(anonymous.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('searches the registry by BN prefix or name, at most 20', async () => {
    const byNumber = (await officer.gql(SEARCH, { q: '12345' })).body.data?.officerBusinessSearch as View[];
    expect(byNumber.map((b) => b.businessNumber)).toContain('123456789');
    expect(byNumber.every((b) => b.businessNumber.startsWith('12345'))).toBe(true);
    const byName = (await officer.gql(SEARCH, { q: 'northern LIGHTS' })).body.data
      ?.officerBusinessSearch as View[];
    expect(byName.map((b) => b.businessNumber)).toEqual(['123456789']);
    const wildcard = (await officer.gql(SEARCH, { q: '%' })).body.data?.officerBusinessSearch as View[];
    expect(wildcard).toEqual([]);
    const many = (await officer.gql(SEARCH, { q: 'e' })).body.data?.officerBusinessSearch as View[];
    expect(many).toHaveLength(20);
  });

  it('issues one-time keys valid 14 days, stored hashed, that make the person a BAM', async () => {
    const bad = await issue('12345', '  ');
    expect(bad.userErrors.map((e) => [e.field.join('.'), e.code])).toEqual([
      ['input.businessNumber', 'INVALID_FORMAT'],
      ['input.contactName', 'REQUIRED'],
    ]);
    expect((await issue('999999999')).userErrors.map((e) => e.code)).toEqual(['REGISTRY_BUSINESS_NOT_FOUND']);

    const before = t.clock.now().getTime();
    const issued = await issue('345678902', 'Jean Tremblay');
    expect(issued.userErrors).toEqual([]);
    const key = issued.activationKey!.key;
    expect(key).toMatch(/^([0-9A-F]{4}-){7}[0-9A-F]{4}$/);
    const expiresIn = new Date(issued.activationKey!.expiresAt).getTime() - before;
    expect(expiresIn).toBeGreaterThanOrEqual(14 * 24 * 3600_000 - 1000);
    expect(expiresIn).toBeLessThanOrEqual(14 * 24 * 3600_000 + 5000);
    const stored = await t.dataSource.getRepository(ActivationKey).find();
    expect(JSON.stringify(stored)).not.toContain(key.replace(/-/g, ''));
    expect(stored.map((row) => row.keyHash)).toContain(
      createHash('sha256').update(key.replace(/-/g, '')).digest('hex'),
    );

    const { client } = await signedInPerson(t, 'KeyHolder2026');
    expect(
      payload<{ userErrors: Array<{ code: string }> }>(
        await client.gql(REDEEM, { key: 'ABCD-0000' }),
      ).userErrors.map((e) => e.code),
    ).toEqual(['ACTIVATION_KEY_UNKNOWN']);
    // Typed loosely (lower case, spaces): still the key.
    const redeemed = payload<{ business: Record<string, unknown>; userErrors: unknown[] }>(
      await client.gql(REDEEM, { key: ` ${key.toLowerCase().replace(/-/g, ' ')} ` }),
    );
    expect(redeemed.userErrors).toEqual([]);
    expect(redeemed.business).toMatchObject({
      businessNumber: '345678902',
      viewerMembership: { role: 'BUSINESS_ACCOUNT_MANAGER' },
    });
    const again = payload<{ userErrors: Array<{ code: string }> }>(await client.gql(REDEEM, { key }));
    expect(again.userErrors.map((e) => e.code)).toEqual(['ACTIVATION_KEY_USED']);

    // A second key for the registered business makes a second BAM.
    const second = (await issue('345678902', 'Paul Second')).activationKey!.key;
    const { client: other } = await signedInPerson(t, 'SecondBam2026', {
      firstName: 'Paul',
      lastName: 'Second',
    });
    const secondResult = payload<{ business: { members: Array<{ role: string }> }; userErrors: unknown[] }>(
      await other.gql(REDEEM, { key: second }),
    );
    expect(secondResult.userErrors).toEqual([]);
    expect(secondResult.business.members.map((m) => m.role)).toEqual([
      'BUSINESS_ACCOUNT_MANAGER',
      'BUSINESS_ACCOUNT_MANAGER',
    ]);

    // Expired keys are refused.
    const expiring = (await issue('456789013')).activationKey!.key;
    await t.dataSource
      .getRepository(ActivationKey)
      .update(
        { keyHash: createHash('sha256').update(expiring.replace(/-/g, '')).digest('hex') },
        { expiresAt: new Date(Date.now() - 1000) },
      );
    const expired = payload<{ userErrors: Array<{ code: string }> }>(
      await client.gql(REDEEM, { key: expiring }),
    );
    expect(expired.userErrors.map((e) => e.code)).toEqual(['ACTIVATION_KEY_EXPIRED']);

    const registered = await view('345678902');
    expect(registered.business).toMatchObject({ businessNumber: '345678902' });
    expect(registered.activationKeys).toHaveLength(2);
    expect(registered.activationKeys.filter((k) => k.usedAt !== null)).toHaveLength(2);
    // The connection that replaces the list: the same keys, newest first.
    const keys = await officer.gql(
      `query($bn: String!) { officerBusiness(businessNumber: $bn) {
        activationKeysConnection(first: 1) { edges { node { id } } pageInfo { hasNextPage } totalCount } } }`,
      { bn: '345678902' },
    );
    expect(keys.body.data?.officerBusiness).toEqual({
      activationKeysConnection: {
        edges: [{ node: { id: registered.activationKeys[0].id } }],
        pageInfo: { hasNextPage: true },
        totalCount: 2,
      },
    });
    expect(registered.auditTrail.map((e) => e.type)).toEqual([
      'ACTIVATION_KEY_REDEEMED',
      'ACTIVATION_KEY_ISSUED',
      'ACTIVATION_KEY_REDEEMED',
      'REGISTERED',
      'ACTIVATION_KEY_ISSUED',
    ]);
    expect(registered.auditTrail[4].actor?.id).toBe(officerId);
    // Named facts for the app to label (defect 6): the contact's name whole, spaces and all.
    expect(registered.auditTrail[4].details).toEqual([
      { name: 'contact', value: expect.stringMatching(/ /) as string },
    ]);
    expect(registered.auditTrail[3].details).toEqual([{ name: 'via', value: 'ACTIVATION_KEY' }]);
    // The connection that replaces the list: the same events, newest first, two at a time to the end.
    const TRAIL = `query($bn: String!, $after: String) { officerBusiness(businessNumber: $bn) {
      auditTrailConnection(first: 2, after: $after) { edges { node { type } } pageInfo { hasNextPage endCursor } totalCount } } }`;
    type TrailPage = {
      edges: Array<{ node: { type: string } }>;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      totalCount: number;
    };
    const types: string[] = [];
    let after: string | null = null;
    for (let pages = 1; ; pages += 1) {
      const answer = await officer.gql(TRAIL, { bn: '345678902', after });
      const trail = (answer.body.data?.officerBusiness as { auditTrailConnection: TrailPage })
        .auditTrailConnection;
      types.push(...trail.edges.map((edge) => edge.node.type));
      expect(trail.totalCount).toBe(registered.auditTrail.length);
      if (!trail.pageInfo.hasNextPage) break;
      expect(pages).toBeLessThan(10);
      after = trail.pageInfo.endCursor;
    }
    expect(types).toEqual(registered.auditTrail.map((e) => e.type));
    const over = await officer.gql(TRAIL.replace('first: 2', 'first: 101'), { bn: '345678902' });
    expect(over.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'first',
      max: 100,
    });
  });

  it('lets only one of two concurrent redemptions of a key succeed', async () => {
    const key = (await issue('567890124', 'Two Hands')).activationKey!.key;
    const first = await signedInPerson(t, 'RaceKeyOne2026');
    const second = await signedInPerson(t, 'RaceKeyTwo2026');
    const results = await Promise.all(
      [first.client, second.client].map(async (client) =>
        payload<{ business: { id: string } | null; userErrors: Array<{ code: string }> }>(
          await client.gql(REDEEM, { key }),
        ),
      ),
    );
    expect(results.filter((r) => r.business !== null)).toHaveLength(1);
    expect(results.flatMap((r) => r.userErrors.map((e) => e.code))).toEqual(['ACTIVATION_KEY_USED']);
    const registered = await view('567890124');
    expect(registered.auditTrail.filter((e) => e.type === 'REGISTERED')).toHaveLength(1);
  });

  it('unlocks a locked registration', async () => {
    const bn = '678901235';
    const { client } = await signedInPerson(t, 'Locked2026');
    const { registration } = await start(client, bn);
    for (let i = 0; i < 10; i++)
      await client.gql(VALIDATE, {
        input: {
          registrationId: registration!.id,
          legalName: 'Wrong',
          address: { line1: 'x', country: 'CA' },
        },
      });
    expect(await view(bn)).toMatchObject({ registrationLocked: true, registrationFailedAttempts: 10 });

    const unlocked = payload<{ view: Record<string, unknown>; userErrors: unknown[] }>(
      await officer.gql(UNLOCK, { bn }),
    );
    expect(unlocked).toEqual({
      view: { registrationLocked: false, registrationFailedAttempts: 0 },
      userErrors: [],
    });
    const trail = (await view(bn)).auditTrail;
    // Officers have no personal profile: the trail names them by their username.
    expect(trail[0]).toMatchObject({
      type: 'REGISTRATION_UNLOCKED',
      actor: { id: officerId, name: 'Officer2026' },
    });
    expect(trail.filter((e) => e.type === 'REGISTRATION_FAILED')).toHaveLength(10);

    const retry = payload<RegistrationPayload>(
      await client.gql(VALIDATE, {
        input: {
          registrationId: registration!.id,
          legalName: "O'Brien & Sons Trading Ltd.",
          address: { line1: '88 Hollis Street', country: 'CA' },
        },
      }),
    );
    expect(retry.userErrors).toEqual([]);
    expect(retry.registration).toMatchObject({ step: 'VALIDATE_BUSINESS', attemptsRemaining: 10 });
    const unknown = payload<{ userErrors: Array<{ code: string }> }>(
      await officer.gql(UNLOCK, { bn: '999999999' }),
    );
    expect(unknown.userErrors.map((e) => e.code)).toEqual(['REGISTRY_BUSINESS_NOT_FOUND']);
  });
});
