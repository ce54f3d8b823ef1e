import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BusinessAuditEvent,
  BusinessMembership,
  RegistrationLock,
} from '../../src/modules/businesses/businesses.entities.js';
import { DomainEventRecord } from '../../src/common/events/domain-event.entity.js';
import {
  importReferenceData,
  loadDemoReferenceData,
} from '../../src/modules/registry/reference-data.service.js';
import { RegistryBusiness } from '../../src/modules/registry/registry-business.entity.js';
import {
  ANSWER,
  NORTHERN_LIGHTS,
  TREMBLAY,
  VALIDATE,
  registerBusiness,
  signedInPerson,
  start,
  type RegistrationPayload,
} from '../support/businesses.js';
import { drivers } from '../support/databases.js';
import { type GqlClient } from '../support/gql-client.js';
import { acceptTerms, payload, seedUser, signIn } from '../support/identity.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const ME_BUSINESSES = `{ me { memberships { id role status business { id businessNumber name } programAccounts { id } }
  activeBusiness { id businessNumber name registeredAt
    profile { legalName operatingName soleProprietor addresses { line1 line2 poBoxOrRuralRoute country } }
    programAccounts { accountNumber programCode billingType viewerCanEdit }
    viewerMembership { role person { name email } }
    members { role person { name } }
    pendingAccessRequests { id } }
  businessRegistration { id step } } }`;

describe.each(drivers)('business registration on %s', (driver) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(driver);
    await importReferenceData(t.dataSource, await loadDemoReferenceData());
  });
  afterAll(async () => t?.close());

  const validate = async (
    client: GqlClient,
    registrationId: string,
    overrides: Record<string, unknown> = {},
  ) =>
    payload<RegistrationPayload>(
      await client.gql(VALIDATE, {
        input: {
          registrationId,
          legalName: NORTHERN_LIGHTS.legalName,
          address: NORTHERN_LIGHTS.address,
          ...overrides,
        },
      }),
    );
  const answer = async (client: GqlClient, input: Record<string, unknown>) =>
    payload<RegistrationPayload>(await client.gql(ANSWER, { input }));

  it('checks step 1: formats, attestation, the registry and the profile', async () => {
    const { client } = await signedInPerson(t, 'StepOne2026');
    const bad = payload<RegistrationPayload>(
      await client.gql(
        `mutation($input: StartBusinessRegistrationInput!) { startBusinessRegistration(input: $input) {
          registration { id } userErrors { field code message } } }`,
        { input: { businessNumber: '12345678', programAccountReference: 'RT0001', attest: false } },
      ),
    );
    expect(bad.registration).toBeNull();
    expect(bad.userErrors.map((e) => [e.field.join('.'), e.code])).toEqual([
      ['input.businessNumber', 'INVALID_FORMAT'],
      ['input.programAccountReference', 'INVALID_FORMAT'],
      ['input.attest', 'ATTESTATION_REQUIRED'],
    ]);
    // RT0001 exists for Northern Lights but is not an importer (RM) account; RM0009 does not exist.
    expect((await start(client, '123456789', 'RM0009')).userErrors.map((e) => e.code)).toEqual([
      'NOT_IN_REGISTRY',
    ]);
    expect((await start(client, '999999999')).userErrors.map((e) => e.code)).toEqual(['NOT_IN_REGISTRY']);

    const started = await start(client, NORTHERN_LIGHTS.businessNumber, 'rm0001');
    expect(started.userErrors).toEqual([]);
    const registration = started.registration!;
    expect(registration).toMatchObject({
      businessNumber: '123456789',
      programAccountReference: 'RM0001',
      step: 'IDENTIFY',
      attemptsRemaining: 10,
      business: null,
    });
    expect(registration.attestationName).toBe(
      "I, Marie-Ève O'Connor, attest that I am authorized to act on behalf of the business to conduct business with the agency.",
    );
    expect(registration.questions.map((q) => q.kind)).toEqual([
      'TRANSACTION_TOTAL',
      'LATEST_PAYMENT',
      'STATEMENT_BALANCE',
    ]);
    expect(Object.keys(NORTHERN_LIGHTS.totals)).toContain(registration.questions[0].transactionNumber);

    // The transaction shown is picked once per registration: the viewer sees the same one again.
    const me = await client.gql('{ me { businessRegistration { id questions { transactionNumber } } } }');
    expect(me.body.data?.me).toEqual({
      businessRegistration: {
        id: registration.id,
        questions: registration.questions.map((q) => ({ transactionNumber: q.transactionNumber })),
      },
    });
  });

  it('asks for a personal profile first, and answers in French', async () => {
    await seedUser(t.dataSource, 'NoProfile2026');
    const bare = t.client();
    await signIn(bare, 'NoProfile2026');
    await acceptTerms(bare);
    expect((await start(bare, TREMBLAY.businessNumber)).userErrors.map((e) => e.code)).toEqual([
      'PROFILE_REQUIRED',
    ]);

    const { client } = await signedInPerson(t, 'FrenchOne2026');
    const fr = t.client({ lang: 'fr' });
    fr.setSession(client.session);
    const result = payload<RegistrationPayload>(
      await fr.gql(
        `mutation($input: StartBusinessRegistrationInput!) { startBusinessRegistration(input: $input) {
          registration { attestationName } userErrors { field code message } } }`,
        {
          input: { businessNumber: TREMBLAY.businessNumber, programAccountReference: 'RM0001', attest: true },
        },
      ),
    );
    expect(result.registration?.attestationName).toMatch(/^Je, Marie-Ève O'Connor, atteste /);
  });

  it('compares the legal name and the address exactly, counting failures; format problems do not count', async () => {
    const { client } = await signedInPerson(t, 'StepTwo2026');
    const { registration } = await start(client, NORTHERN_LIGHTS.businessNumber);
    const id = registration!.id;

    const tooLong = await validate(client, id, {
      legalName: 'x'.repeat(176),
      address: { line1: '', country: '' },
    });
    expect(tooLong.userErrors.map((e) => [e.field.join('.'), e.code])).toEqual([
      ['input.legalName', 'TOO_LONG'],
      ['input.address.line1', 'REQUIRED'],
      ['input.address.country', 'REQUIRED'],
    ]);
    expect(tooLong.registration?.attemptsRemaining).toBe(10);

    // A missing period fails, and so does a different case.
    const noPeriod = await validate(client, id, { legalName: 'Northern Lights Imports Inc' });
    expect(noPeriod.userErrors.map((e) => e.code)).toEqual(['BUSINESS_MISMATCH']);
    expect(noPeriod.userErrors[0].message).toContain('Attempts left: 9');
    expect(noPeriod.registration?.attemptsRemaining).toBe(9);
    const upper = await validate(client, id, { legalName: 'NORTHERN LIGHTS IMPORTS INC.' });
    expect(upper.registration?.attemptsRemaining).toBe(8);
    // The address must be one on record as a whole: line 2 of the first with the PO box of the second fails.
    const mixed = await validate(client, id, {
      address: {
        line1: '240 Sparks Street',
        line2: 'Suite 1200',
        poBoxOrRuralRoute: 'PO Box 4521',
        country: 'CA',
      },
    });
    expect(mixed.userErrors.map((e) => e.code)).toEqual(['BUSINESS_MISMATCH']);

    // Surrounding spaces pass; the second address on record passes too.
    const ok = await validate(client, id, {
      legalName: '  Northern Lights Imports Inc. ',
      address: { line1: ' Station B', line2: '', poBoxOrRuralRoute: 'PO Box 4521 ', country: 'CA' },
    });
    expect(ok.userErrors).toEqual([]);
    expect(ok.registration).toMatchObject({ step: 'VALIDATE_BUSINESS', attemptsRemaining: 7 });
    expect((await validate(client, id)).userErrors.map((e) => e.code)).toEqual(['WRONG_STEP']);

    // Amount formats: '$' and ',' are format problems that are not counted, and the message says so.
    const formats = await answer(client, {
      registrationId: id,
      transactionTotal: '$4829.15',
      latestPayment: '12,345.67',
      statementBalance: '',
    });
    expect(formats.userErrors.map((e) => [e.field.join('.'), e.code])).toEqual([
      ['input.transactionTotal', 'AMOUNT_FORMAT'],
      ['input.latestPayment', 'AMOUNT_FORMAT'],
      ['input.statementBalance', 'REQUIRED'],
    ]);
    expect(formats.userErrors[0].message).toContain('$');
    expect(formats.userErrors[0].message).toContain(',');
    expect(formats.registration?.attemptsRemaining).toBe(7);

    const transactionNumber = registration!.questions[0].transactionNumber!;
    const wrong = await answer(client, {
      registrationId: id,
      transactionTotal: NORTHERN_LIGHTS.totals[transactionNumber],
      latestPayment: NORTHERN_LIGHTS.latestPayment,
      statementBalance: '8765.42',
    });
    expect(wrong.userErrors.map((e) => e.code)).toEqual(['ANSWERS_WRONG']);
    expect(wrong.registration?.attemptsRemaining).toBe(6);

    // "12345.670" has three decimals: a format problem. "12345.6" is not the amount.
    const right = await answer(client, {
      registrationId: id,
      transactionTotal: NORTHERN_LIGHTS.totals[transactionNumber],
      latestPayment: NORTHERN_LIGHTS.latestPayment,
      statementBalance: NORTHERN_LIGHTS.statementBalance,
    });
    expect(right.userErrors).toEqual([]);
    expect(right.registration).toMatchObject({
      step: 'COMPLETED',
      business: { businessNumber: '123456789', name: 'Northern Lights' },
    });

    const failures = await t.dataSource
      .getRepository(BusinessAuditEvent)
      .find({ where: { type: 'REGISTRATION_FAILED' }, order: { id: 'ASC' } });
    expect(failures.filter((e) => e.detail?.startsWith('step=VALIDATE_BUSINESS'))).toHaveLength(3);
    expect(failures.filter((e) => e.detail?.startsWith('step=COMPLETED'))).toHaveLength(1);

    const viewer = (await client.gql(ME_BUSINESSES)).body.data?.me as Record<string, unknown>;
    expect(viewer.businessRegistration).toBeNull();
    expect(viewer.memberships).toEqual([
      expect.objectContaining({
        role: 'BUSINESS_ACCOUNT_MANAGER',
        status: 'ACTIVE',
        business: expect.objectContaining({ businessNumber: '123456789' }) as unknown,
        programAccounts: [],
      }),
    ]);
    expect(viewer.activeBusiness).toMatchObject({
      businessNumber: '123456789',
      profile: {
        legalName: 'Northern Lights Imports Inc.',
        operatingName: 'Northern Lights',
        soleProprietor: false,
      },
      programAccounts: [
        {
          accountNumber: '123456789RM0001',
          programCode: 'RM',
          billingType: 'MONTHLY_STATEMENT',
          viewerCanEdit: true,
        },
        { accountNumber: '123456789RT0001', programCode: 'RT', billingType: '', viewerCanEdit: true },
      ],
      viewerMembership: { role: 'BUSINESS_ACCOUNT_MANAGER', person: { name: "Marie-Ève O'Connor" } },
      members: [{ role: 'BUSINESS_ACCOUNT_MANAGER', person: { name: "Marie-Ève O'Connor" } }],
      pendingAccessRequests: [],
    });

    const events = await t.dataSource.getRepository(DomainEventRecord).findBy({ type: 'REGISTERED' });
    expect(events.map((e) => JSON.parse(e.payload) as Record<string, unknown>)).toContainEqual(
      expect.objectContaining({ businessNumber: '123456789', via: 'QUESTIONS' }),
    );

    // Registered once: the next person is told to ask the BAM.
    const { client: other } = await signedInPerson(t, 'Latecomer2026');
    const again = await start(other, NORTHERN_LIGHTS.businessNumber);
    expect(again.userErrors.map((e) => e.code)).toEqual(['ALREADY_REGISTERED']);
    expect(again.userErrors[0].message).toContain('Business Account Manager');
  });

  it('registers a sole proprietor with 2 questions under their legal name', async () => {
    const { client, userId } = await signedInPerson(t, 'Tremblay2026', {
      firstName: 'Marie-Ève',
      lastName: 'Tremblay',
    });
    const started = await start(client, TREMBLAY.businessNumber);
    expect(started.registration?.questions.map((q) => q.kind)).toEqual([
      'TRANSACTION_TOTAL',
      'LATEST_PAYMENT',
    ]);
    const done = await registerBusiness(client, TREMBLAY);
    expect(done.business).toMatchObject({ businessNumber: '234567891', name: 'Épicerie fine Tremblay' });
    const memberships = await t.dataSource.getRepository(BusinessMembership).findBy({ userId });
    expect(memberships.map((m) => m.role)).toEqual(['BUSINESS_ACCOUNT_MANAGER']);
  });

  it('locks a business after 10 failed attempts by several people, on the 10th', async () => {
    const bn = '567890124';
    const people = [await signedInPerson(t, 'LockerOne2026'), await signedInPerson(t, 'LockerTwo2026')];
    const registrations = await Promise.all(
      people.map(async ({ client }) => (await start(client, bn)).registration!),
    );
    const results: RegistrationPayload[] = [];
    for (let i = 0; i < 10; i++) {
      const who = i % 2;
      results.push(
        await validate(people[who].client, registrations[who].id, { legalName: `Wrong name ${i}` }),
      );
    }
    expect(results.slice(0, 9).map((r) => r.registration?.attemptsRemaining)).toEqual([
      9, 8, 7, 6, 5, 4, 3, 2, 1,
    ]);
    expect(results[8].userErrors.map((e) => e.code)).toEqual(['BUSINESS_MISMATCH']);
    expect(results[9].userErrors.map((e) => e.code)).toEqual(['REGISTRATION_LOCKED']);
    expect(results[9].registration?.attemptsRemaining).toBe(0);

    // Locked: even the right answers and a new start are refused, and nothing more is counted.
    const rightButLocked = await validate(people[0].client, registrations[0].id, {
      legalName: 'Les Importations Côté-Lévesque Inc.',
      address: { line1: '4200 boulevard René-Lévesque Est', line2: 'Bureau 310', country: 'CA' },
    });
    expect(rightButLocked.userErrors.map((e) => e.code)).toEqual(['REGISTRATION_LOCKED']);
    expect((await start(people[1].client, bn)).userErrors.map((e) => e.code)).toEqual([
      'REGISTRATION_LOCKED',
    ]);
    const registry = await t.dataSource
      .getRepository(RegistryBusiness)
      .findOneByOrFail({ businessNumber: bn });
    const lock = await t.dataSource
      .getRepository(RegistrationLock)
      .findOneByOrFail({ registryBusinessId: registry.id });
    expect(lock.failedAttempts).toBe(10);
    expect(lock.lockedAt).not.toBeNull();
    const trail = await t.dataSource
      .getRepository(BusinessAuditEvent)
      .findBy({ registryBusinessId: registry.id, type: 'REGISTRATION_LOCKED' });
    expect(trail).toHaveLength(1);
    const published = await t.dataSource
      .getRepository(DomainEventRecord)
      .findBy({ type: 'REGISTRATION_LOCKED' });
    expect(published.map((e) => JSON.parse(e.payload) as unknown)).toEqual([
      { registryBusinessId: registry.id },
    ]);
  });

  it('counts concurrent failures from several people exactly, and says so in French', async () => {
    const bn = '345678902';
    const people = [
      await signedInPerson(t, 'RaceOne2026'),
      await signedInPerson(t, 'RaceTwo2026'),
      await signedInPerson(t, 'RaceThree2026'),
    ];
    const ids = await Promise.all(
      people.map(async ({ client }) => (await start(client, bn)).registration!.id),
    );
    await Promise.all(
      [0, 1, 2, 0, 1, 2].map((who, i) => validate(people[who].client, ids[who], { legalName: `Wrong ${i}` })),
    );
    const registry = await t.dataSource
      .getRepository(RegistryBusiness)
      .findOneByOrFail({ businessNumber: bn });
    const lock = await t.dataSource
      .getRepository(RegistrationLock)
      .findOneByOrFail({ registryBusinessId: registry.id });
    expect(lock).toMatchObject({ failedAttempts: 6, lockedAt: null });

    const fr = t.client({ lang: 'fr' });
    fr.setSession(people[0].client.session);
    const format = payload<RegistrationPayload>(
      await fr.gql(VALIDATE, {
        input: { registrationId: ids[0], legalName: 'Wrong again', address: { line1: 'x', country: 'CA' } },
      }),
    );
    expect(format.userErrors[0].message).toBe(
      'Le nom de la personne morale ou l’adresse ne correspond pas exactement au dossier de l’entreprise (ponctuation comprise). Tentatives restantes : 3.',
    );
  });

  it('compares at most 10 of 30 concurrent wrong attempts and refuses the rest as locked', async () => {
    const bn = '729136333';
    const people = [
      await signedInPerson(t, 'GuessOne2026'),
      await signedInPerson(t, 'GuessTwo2026'),
      await signedInPerson(t, 'GuessThree2026'),
    ];
    const ids = await Promise.all(
      people.map(async ({ client }) => (await start(client, bn)).registration!.id),
    );
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        validate(people[i % 3].client, ids[i % 3], { legalName: `Guess ${i}` }),
      ),
    );
    const answers: Record<string, number> = {};
    for (const code of results.flatMap((r) => r.userErrors.map((e) => e.code)))
      answers[code] = (answers[code] ?? 0) + 1;
    expect(answers).toEqual({ BUSINESS_MISMATCH: 9, REGISTRATION_LOCKED: 21 });
    const registry = await t.dataSource
      .getRepository(RegistryBusiness)
      .findOneByOrFail({ businessNumber: bn });
    // Each REGISTRATION_FAILED is one comparison made.
    const failed = await t.dataSource
      .getRepository(BusinessAuditEvent)
      .countBy({ registryBusinessId: registry.id, type: 'REGISTRATION_FAILED' });
    expect(failed).toBe(10);
    const lock = await t.dataSource
      .getRepository(RegistrationLock)
      .findOneByOrFail({ registryBusinessId: registry.id });
    expect(lock.failedAttempts).toBe(10);
    expect(lock.lockedAt).not.toBeNull();
  });

  it('does not let a person use another person’s registration, and requires a signed-in session', async () => {
    const { client } = await signedInPerson(t, 'OwnerOnly2026');
    const { registration } = await start(client, '678901235');
    const { client: other } = await signedInPerson(t, 'Intruder2026');
    const result = await validate(other, registration!.id);
    expect(result.registration).toBeNull();
    expect(result.userErrors.map((e) => [e.field.join('.'), e.code])).toEqual([
      ['input.registrationId', 'REGISTRATION_NOT_FOUND'],
    ]);
    const anonymous = await t.gql(
      'mutation { startBusinessRegistration(input: { businessNumber: "123456789", programAccountReference: "RM0001", attest: true }) { registration { id } } }',
    );
    expect(anonymous.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
