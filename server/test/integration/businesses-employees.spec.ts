import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../src/common/database/transactions.js';
import { DomainEventRecord } from '../../src/common/events/domain-event.entity.js';
import { registerBusiness as registerInDatabase } from '../../src/modules/businesses/registration.service.js';
import {
  importReferenceData,
  loadDemoReferenceData,
} from '../../src/modules/registry/reference-data.service.js';
import { RegistryProgramAccount } from '../../src/modules/registry/program-account.entity.js';
import { RegistryBusiness } from '../../src/modules/registry/registry-business.entity.js';
import { NORTHERN_LIGHTS, registerBusiness, signedInPerson } from '../support/businesses.js';
import { drivers } from '../support/databases.js';
import { type GqlClient } from '../support/gql-client.js';
import {
  payload,
  seedUser,
  signIn,
  acceptTerms,
  expectForbidden,
  PROFILE,
  SAVE_PROFILE,
} from '../support/identity.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const ERRORS = 'userErrors { field code message }';
const REQUEST_FIELDS = `id status reason grantedRole decisionReason decidedAt business { businessNumber name }
  requester { name } decidedBy { name }`;
const PREVIEW = 'query($bn: String!) { employerPreview(businessNumber: $bn) { businessNumber name } }';
const REQUEST = `mutation($input: RequestEmployerAccessInput!) { requestEmployerAccess(input: $input) {
  accessRequest { ${REQUEST_FIELDS} } ${ERRORS} } }`;
const CANCEL = `mutation($id: ID!) { cancelAccessRequest(requestId: $id) { accessRequest { id status } ${ERRORS} } }`;
const DECIDE = `mutation($input: DecideAccessRequestInput!) { decideAccessRequest(input: $input) {
  accessRequest { ${REQUEST_FIELDS} } ${ERRORS} } }`;
const CHANGE = `mutation($input: ChangeMembershipInput!) { changeMembership(input: $input) {
  membership { id role status programAccounts { accountNumber } } ${ERRORS} } }`;
const REVOKE = `mutation($id: ID!) { revokeMembership(membershipId: $id) { membership { id status } ${ERRORS} } }`;
const SWITCH = `mutation($id: ID!) { switchBusiness(businessId: $id) { business { id businessNumber } ${ERRORS} } }`;
const PROGRAM_CONTACTS = `mutation($input: UpdateProgramAccountContactsInput!) {
  updateProgramAccountContacts(input: $input) { programAccount { id contacts { name title phone email } } ${ERRORS} } }`;
const SETTINGS = `mutation($input: UpdateBusinessSettingsInput!) { updateBusinessSettings(input: $input) {
  business { profile { businessActivity contacts { name title phone email } } } ${ERRORS} } }`;
const BUSINESS = `query($id: ID!) { business(id: $id) { id name
  programAccounts { id accountNumber viewerCanEdit }
  pendingAccessRequests { id requester { name } }
  members { id role status person { name } programAccounts { accountNumber } }
  viewerMembership { role } } }`;
const MINE = `{ me { memberships { id role business { id businessNumber } programAccounts { accountNumber } }
  activeBusiness { id businessNumber } accessRequests { id status business { businessNumber } } } }`;

type Errors = Array<{ field: string[]; code: string; message: string }>;
interface RequestView {
  id: string;
  status: string;
  grantedRole: string | null;
  decisionReason: string | null;
  requester: { name: string };
  decidedBy: { name: string } | null;
}
interface BusinessView {
  id: string;
  programAccounts: Array<{ id: string; accountNumber: string; viewerCanEdit: boolean }>;
  pendingAccessRequests: Array<{ id: string; requester: { name: string } }>;
  members: Array<{ id: string; role: string; status: string; person: { name: string } }>;
  viewerMembership: { role: string };
}

describe.each(drivers)('employer access, roles and settings on %s', (driver) => {
  let t: TestApp;
  let bam: GqlClient;
  let businessId: string;
  let rm: string;
  let rt: string;

  beforeAll(async () => {
    t = await startTestApp(driver);
    await importReferenceData(t.dataSource, await loadDemoReferenceData());
    bam = (await signedInPerson(t, 'TheBam2026', { firstName: 'Alexandra', lastName: 'Whitfield' })).client;
    const done = await registerBusiness(bam, NORTHERN_LIGHTS);
    businessId = done.business!.id;
    const view = await business(bam);
    rm = view!.programAccounts.find((a) => a.accountNumber.endsWith('RM0001'))!.id;
    rt = view!.programAccounts.find((a) => a.accountNumber.endsWith('RT0001'))!.id;
  });
  afterAll(async () => t?.close());

  /** The business as `client` sees it; the fields `@access` refused are null, and listed in `denied`. */
  async function business(client: GqlClient, id = businessId): Promise<BusinessView | null> {
    const result = await client.gql(BUSINESS, { id });
    for (const error of result.body.errors ?? [])
      expect(error.extensions?.code, JSON.stringify(error)).toBe('FORBIDDEN');
    lastDenied = (result.body.errors ?? []).map((e) => e.path!.join('.')).sort();
    return result.body.data?.business as BusinessView | null;
  }
  let lastDenied: string[] = [];
  const request = async (
    client: GqlClient,
    reason = 'I handle the imports.',
    bn = NORTHERN_LIGHTS.businessNumber,
  ) =>
    payload<{ accessRequest: RequestView | null; userErrors: Errors }>(
      await client.gql(REQUEST, { input: { businessNumber: bn, reason } }),
    );
  const decide = async (client: GqlClient, input: Record<string, unknown>) =>
    payload<{ accessRequest: RequestView | null; userErrors: Errors }>(await client.gql(DECIDE, { input }));
  const fieldCodes = (errors: Errors) => errors.map((e) => [e.field.join('.'), e.code]);

  /** A new employee whose request the BAM approved with `role` on `accounts`. */
  async function employee(username: string, role: string, accounts: string[], firstName = 'Emp') {
    const person = await signedInPerson(t, username, { firstName, lastName: username.replace(/\d+/g, '') });
    const asked = await request(person.client);
    const approved = await decide(bam, {
      requestId: asked.accessRequest!.id,
      approve: true,
      role,
      programAccountIds: accounts,
    });
    expect(approved.userErrors).toEqual([]);
    return person;
  }

  it('previews a portal-registered employer by BN, name only, throttled per person', async () => {
    const { client } = await signedInPerson(t, 'Previewer2026');
    expect((await client.gql(PREVIEW, { bn: '123456789' })).body.data?.employerPreview).toEqual({
      businessNumber: '123456789',
      name: 'Northern Lights',
    });
    // In the registry but not on the portal, or not a BN: null.
    expect((await client.gql(PREVIEW, { bn: '345678902' })).body.data?.employerPreview).toBeNull();
    expect((await client.gql(PREVIEW, { bn: 'abc' })).body.data?.employerPreview).toBeNull();
    expect((await t.gql(PREVIEW, { bn: '123456789' })).body.errors?.[0].extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    for (let i = 3; i < t.config.identity.addressLookupLimit; i++)
      await client.gql(PREVIEW, { bn: '123456789' });
    const throttled = await client.gql(PREVIEW, { bn: '123456789' });
    expect(throttled.body.errors?.[0].extensions).toMatchObject({ code: 'THROTTLED' });
    expect(throttled.body.errors?.[0].extensions?.retryAt).toBeTypeOf('string');
  });

  it('takes one pending request per person and business, with a reason, and lets the requester cancel it', async () => {
    const { client } = await signedInPerson(t, 'Requester2026');
    expect(fieldCodes((await request(client, '  ')).userErrors)).toEqual([['input.reason', 'REQUIRED']]);
    expect(fieldCodes((await request(client, 'x'.repeat(501))).userErrors)).toEqual([
      ['input.reason', 'TOO_LONG'],
    ]);
    expect(fieldCodes((await request(client, 'ok', '345678902')).userErrors)).toEqual([
      ['input.businessNumber', 'BUSINESS_NOT_REGISTERED'],
    ]);
    const first = await request(client);
    expect(first.accessRequest).toMatchObject({
      status: 'PENDING',
      requester: { name: `${PROFILE.firstName} ${PROFILE.lastName}` },
    });
    expect(fieldCodes((await request(client)).userErrors)).toEqual([
      ['input.businessNumber', 'REQUEST_PENDING'],
    ]);
    expect(fieldCodes((await request(bam)).userErrors)).toEqual([['input.businessNumber', 'ALREADY_MEMBER']]);

    const mine = (await client.gql(MINE)).body.data?.me as {
      accessRequests: Array<{ id: string; status: string }>;
    };
    expect(mine.accessRequests).toEqual([
      expect.objectContaining({ id: first.accessRequest!.id, status: 'PENDING' }),
    ]);
    expect((await business(bam))!.pendingAccessRequests.map((r) => r.id)).toContain(first.accessRequest!.id);

    const { client: other } = await signedInPerson(t, 'Stranger2026');
    const notMine = payload<{ userErrors: Errors }>(await other.gql(CANCEL, { id: first.accessRequest!.id }));
    expect(fieldCodes(notMine.userErrors)).toEqual([['requestId', 'REQUEST_NOT_FOUND']]);
    const cancelled = payload<{ accessRequest: { status: string } }>(
      await client.gql(CANCEL, { id: first.accessRequest!.id }),
    );
    expect(cancelled.accessRequest.status).toBe('CANCELLED');
    const again = payload<{ userErrors: Errors }>(await client.gql(CANCEL, { id: first.accessRequest!.id }));
    expect(fieldCodes(again.userErrors)).toEqual([['requestId', 'REQUEST_NOT_PENDING']]);
    expect((await business(bam))!.pendingAccessRequests.map((r) => r.id)).not.toContain(
      first.accessRequest!.id,
    );
  });

  it('keeps one pending request when the same person asks several times at once, and takes a new one once settled', async () => {
    const { client } = await signedInPerson(t, 'Hasty2026');
    const answers = await Promise.all(Array.from({ length: 6 }, () => request(client)));
    const accepted = answers.filter((answer) => answer.accessRequest);
    expect(accepted).toHaveLength(1);
    for (const answer of answers.filter((a) => !a.accessRequest))
      expect(fieldCodes(answer.userErrors)).toEqual([['input.businessNumber', 'REQUEST_PENDING']]);
    const mine = (await client.gql(MINE)).body.data?.me as { accessRequests: Array<{ status: string }> };
    expect(mine.accessRequests.filter((r) => r.status === 'PENDING')).toHaveLength(1);

    // Settled (cancelled here), the pair is free again: the person may ask anew.
    await client.gql(CANCEL, { id: accepted[0].accessRequest!.id });
    expect((await request(client)).accessRequest).toMatchObject({ status: 'PENDING' });
  });

  it('lets the BAM approve with a role and program accounts, or reject with a reason', async () => {
    const { client } = await signedInPerson(t, 'Approved2026');
    const asked = (await request(client)).accessRequest!;
    // Not a member: refused by @access, exactly as for a request that does not exist.
    const approveAsReader = { approve: true, role: 'READER', programAccountIds: [rm] };
    expectForbidden(
      await client.gql(DECIDE, { input: { requestId: asked.id, ...approveAsReader } }),
      'ACCESS_MANAGEMENT',
    );
    expectForbidden(
      await bam.gql(DECIDE, {
        input: { requestId: '00000000-0000-0000-0000-000000000000', ...approveAsReader },
      }),
      'ACCESS_MANAGEMENT',
    );
    expect(fieldCodes((await decide(bam, { requestId: asked.id, approve: true })).userErrors)).toEqual([
      ['input.role', 'REQUIRED'],
    ]);
    expect(
      fieldCodes((await decide(bam, { requestId: asked.id, approve: true, role: 'EDITOR' })).userErrors),
    ).toEqual([['input.programAccountIds', 'REQUIRED']]);
    const otherRegistry = await t.dataSource
      .getRepository(RegistryBusiness)
      .findOneByOrFail({ businessNumber: '345678902' });
    const foreign = await t.dataSource
      .getRepository(RegistryProgramAccount)
      .findBy({ businessId: otherRegistry.id });
    expect(
      fieldCodes(
        (
          await decide(bam, {
            requestId: asked.id,
            approve: true,
            role: 'EDITOR',
            programAccountIds: [foreign[0].id],
          })
        ).userErrors,
      ),
    ).toEqual([['input.programAccountIds', 'UNKNOWN_PROGRAM_ACCOUNT']]);

    const approved = await decide(bam, {
      requestId: asked.id,
      approve: true,
      role: 'EDITOR',
      programAccountIds: [rm],
    });
    expect(approved.userErrors).toEqual([]);
    expect(approved.accessRequest).toMatchObject({
      status: 'APPROVED',
      grantedRole: 'EDITOR',
      decidedBy: { name: 'Alexandra Whitfield' },
    });

    const mine = (await client.gql(MINE)).body.data?.me as {
      memberships: unknown[];
      activeBusiness: { id: string };
    };
    expect(mine.memberships).toEqual([
      expect.objectContaining({ role: 'EDITOR', programAccounts: [{ accountNumber: '123456789RM0001' }] }),
    ]);
    expect(mine.activeBusiness.id).toBe(businessId);
    const seen = (await business(client))!;
    expect(seen.programAccounts).toEqual([{ id: rm, accountNumber: '123456789RM0001', viewerCanEdit: true }]);
    // An editor has no access management: both lists are refused by @access.
    expect(seen.members).toBeNull();
    expect(seen.pendingAccessRequests).toBeNull();
    expect(lastDenied).toEqual(['business.members', 'business.pendingAccessRequests']);
    expect(seen.viewerMembership.role).toBe('EDITOR');

    const { client: rejectedPerson } = await signedInPerson(t, 'Rejected2026');
    const second = (await request(rejectedPerson)).accessRequest!;
    expect(fieldCodes((await decide(bam, { requestId: second.id, approve: false })).userErrors)).toEqual([
      ['input.reason', 'REQUIRED'],
    ]);
    const rejected = await decide(bam, { requestId: second.id, approve: false, reason: 'Not one of ours.' });
    expect(rejected.accessRequest).toMatchObject({ status: 'REJECTED', decisionReason: 'Not one of ours.' });
    expect(await business(rejectedPerson)).toBeNull();
    expect(
      fieldCodes((await decide(bam, { requestId: second.id, approve: false, reason: 'again' })).userErrors),
    ).toEqual([['input.requestId', 'REQUEST_NOT_PENDING']]);

    const types = (await t.dataSource.getRepository(DomainEventRecord).find()).map((e) => e.type);
    expect(types).toEqual(
      expect.arrayContaining(['ACCESS_REQUESTED', 'ACCESS_APPROVED', 'ACCESS_REJECTED', 'ACCESS_CANCELLED']),
    );
  });

  it('lets a program account manager decide only within their own scope, never the BAM role', async () => {
    const pam = (await employee('PamOne2026', 'PROGRAM_ACCOUNT_MANAGER', [rt])).client;
    const reader = (await employee('ReaderOne2026', 'READER', [rm])).client;
    const { client } = await signedInPerson(t, 'PamAsked2026');
    const asked = (await request(client)).accessRequest!;
    expect((await business(pam))!.pendingAccessRequests.map((r) => r.id)).toContain(asked.id);
    // A reader has no access management at all: the list is refused, and so is a decision.
    expectForbidden(
      await reader.gql(`query($id: ID!) { business(id: $id) { pendingAccessRequests { id } } }`, {
        id: businessId,
      }),
      'ACCESS_MANAGEMENT',
      'business.pendingAccessRequests',
    );
    expectForbidden(
      await reader.gql(DECIDE, {
        input: { requestId: asked.id, approve: true, role: 'READER', programAccountIds: [rm] },
      }),
      'ACCESS_MANAGEMENT',
    );
    expect(
      fieldCodes(
        (await decide(pam, { requestId: asked.id, approve: true, role: 'READER', programAccountIds: [rm] }))
          .userErrors,
      ),
    ).toEqual([['input.programAccountIds', 'OUT_OF_SCOPE']]);
    expect(
      fieldCodes(
        (await decide(pam, { requestId: asked.id, approve: true, role: 'BUSINESS_ACCOUNT_MANAGER' }))
          .userErrors,
      ),
    ).toEqual([['input.role', 'NOT_ALLOWED']]);
    const ok = await decide(pam, {
      requestId: asked.id,
      approve: true,
      role: 'READER',
      programAccountIds: [rt],
    });
    expect(ok.userErrors).toEqual([]);
    const seen = (await business(client))!;
    expect(seen.programAccounts).toEqual([
      { id: rt, accountNumber: '123456789RT0001', viewerCanEdit: false },
    ]);
  });

  it('changes and revokes roles, keeping at least one active BAM', async () => {
    const bamMembership = (await business(bam))!.members.find(
      (m) => m.person.name === 'Alexandra Whitfield',
    )!;
    const change = async (client: GqlClient, input: Record<string, unknown>) =>
      payload<{
        membership: { role: string; status: string; programAccounts: unknown[] } | null;
        userErrors: Errors;
      }>(await client.gql(CHANGE, { input }));
    expect(
      fieldCodes(
        (await change(bam, { membershipId: bamMembership.id, role: 'READER', programAccountIds: [rm] }))
          .userErrors,
      ),
    ).toEqual([['input.role', 'LAST_BAM']]);
    const lastRevoke = payload<{ userErrors: Errors }>(await bam.gql(REVOKE, { id: bamMembership.id }));
    expect(fieldCodes(lastRevoke.userErrors)).toEqual([['membershipId', 'LAST_BAM']]);
    expect(lastRevoke.userErrors[0].message).toContain('Business Account Manager');

    const person = await employee('Promoted2026', 'READER', [rm]);
    const membershipId = (await business(bam))!.members.find((m) => m.person.name === 'Emp Promoted')!.id;
    // Only a BAM changes roles: a reader is refused by @access.
    expectForbidden(
      await person.client.gql(CHANGE, { input: { membershipId, role: 'EDITOR', programAccountIds: [rm] } }),
      'ACCESS_MANAGEMENT',
    );
    const edited = await change(bam, { membershipId, role: 'EDITOR', programAccountIds: [rm, rt] });
    expect(edited.membership).toMatchObject({
      role: 'EDITOR',
      programAccounts: [{ accountNumber: '123456789RM0001' }, { accountNumber: '123456789RT0001' }],
    });
    const promoted = await change(bam, { membershipId, role: 'BUSINESS_ACCOUNT_MANAGER' });
    expect(promoted.membership).toMatchObject({ role: 'BUSINESS_ACCOUNT_MANAGER', programAccounts: [] });
    expect((await business(person.client))!.programAccounts).toHaveLength(2);

    // With two BAMs, the new one may revoke the first; then the first sees nothing.
    const revoked = payload<{ membership: { status: string } }>(
      await person.client.gql(REVOKE, { id: bamMembership.id }),
    );
    expect(revoked.membership.status).toBe('REVOKED');
    expect(await business(bam)).toBeNull();
    expect(((await bam.gql(MINE)).body.data?.me as { memberships: unknown[] }).memberships).toEqual([]);
    // And restore the first BAM for the other tests.
    const restored = await change(person.client, {
      membershipId: bamMembership.id,
      role: 'BUSINESS_ACCOUNT_MANAGER',
    });
    expect(fieldCodes(restored.userErrors)).toEqual([['input.membershipId', 'MEMBERSHIP_NOT_FOUND']]);
    const again = (await request(bam)).accessRequest!;
    expect(
      (await decide(person.client, { requestId: again.id, approve: true, role: 'BUSINESS_ACCOUNT_MANAGER' }))
        .userErrors,
    ).toEqual([]);
    expect((await business(bam))!.viewerMembership.role).toBe('BUSINESS_ACCOUNT_MANAGER');
  });

  it('lets a BAM, and a PAM or an editor within scope, set a program account’s contacts; not a reader', async () => {
    const contacts = [
      { name: ' Priya  Natarajan ', title: 'Customs lead', phone: '613-555-0199', email: null },
    ];
    const set = async (client: GqlClient, programAccountId: string, list: unknown[] = contacts) =>
      client.gql(PROGRAM_CONTACTS, { input: { programAccountId, contacts: list } });
    // Until then, the registry's contacts.
    const before = payload<{ contacts: Array<{ name: string }> }>(
      await bam.gql(`query($id: ID!) { programAccount(id: $id) { contacts { name } } }`, { id: rm }),
    );
    expect(before.contacts.length).toBeGreaterThan(0);

    const byBam = payload<{ programAccount: { contacts: unknown[] }; userErrors: Errors }>(
      await set(bam, rm),
    );
    expect(byBam).toEqual({
      programAccount: {
        id: rm,
        contacts: [{ name: 'Priya Natarajan', title: 'Customs lead', phone: '613-555-0199', email: null }],
      },
      userErrors: [],
    });
    const editor = (await employee('CtEditor2026', 'EDITOR', [rm])).client;
    expect(payload<{ userErrors: Errors }>(await set(editor, rm, [])).userErrors).toEqual([]);
    // Out of the editor's scope, and a reader anywhere: refused by @access, nothing changed.
    expectForbidden(await set(editor, rt), 'PROGRAM_PROFILE');
    const reader = (await employee('CtReader2026', 'READER', [rm])).client;
    expectForbidden(await set(reader, rm), 'PROGRAM_PROFILE');
    // Limits: 21 contacts refused as a whole; a contact without a name is refused at its index.
    const many = Array.from({ length: 21 }, (_, i) => ({ name: `C${i}` }));
    expect(fieldCodes(payload<{ userErrors: Errors }>(await set(bam, rm, many)).userErrors)).toEqual([
      ['input.contacts', 'TOO_MANY'],
    ]);
    expect(
      fieldCodes(payload<{ userErrors: Errors }>(await set(bam, rm, [{ name: ' ' }])).userErrors),
    ).toEqual([['input.contacts.0', 'INVALID']]);
    const after = payload<{ contacts: unknown[] }>(
      await bam.gql(`query($id: ID!) { programAccount(id: $id) { contacts { name } } }`, { id: rm }),
    );
    expect(after.contacts).toEqual([]);
  });

  it('updates the business settings (BAM only)', async () => {
    const input = {
      businessId,
      businessActivity: 'Import of winter clothing',
      contacts: [
        {
          name: 'Alexandra Whitfield',
          title: 'President',
          phone: '613-555-0142',
          email: 'a@northern.example',
        },
      ],
    };
    const updated = payload<{ business: { profile: Record<string, unknown> }; userErrors: Errors }>(
      await bam.gql(SETTINGS, { input }),
    );
    expect(updated.userErrors).toEqual([]);
    expect(updated.business.profile).toEqual({
      businessActivity: input.businessActivity,
      contacts: input.contacts,
    });
    const bad = payload<{ userErrors: Errors }>(
      await bam.gql(SETTINGS, {
        input: { ...input, businessActivity: 'x'.repeat(501), contacts: [{ name: ' ', email: 'nope' }] },
      }),
    );
    expect(fieldCodes(bad.userErrors)).toEqual([
      ['input.businessActivity', 'TOO_LONG'],
      ['input.contacts.0', 'INVALID'],
    ]);
    // At most 20 contacts: 20 are taken, 21 are refused as a whole with their own message.
    const contact = (n: number) => ({ name: `Contact ${n}`, title: null, phone: null, email: null });
    const twenty = payload<{ business: { profile: { contacts: unknown[] } }; userErrors: Errors }>(
      await bam.gql(SETTINGS, {
        input: { ...input, contacts: Array.from({ length: 20 }, (_, i) => contact(i)) },
      }),
    );
    expect(twenty.userErrors).toEqual([]);
    expect(twenty.business.profile.contacts).toHaveLength(20);
    const tooMany = payload<{ userErrors: Errors }>(
      await bam.gql(SETTINGS, {
        input: { ...input, contacts: Array.from({ length: 21 }, (_, i) => contact(i)) },
      }),
    );
    expect(fieldCodes(tooMany.userErrors)).toEqual([['input.contacts', 'TOO_MANY']]);
    expect(tooMany.userErrors[0].message).toBe('A business can have at most 20 contacts.');
    const reader = (await employee('SetReader2026', 'READER', [rm])).client;
    expectForbidden(await reader.gql(SETTINGS, { input }), 'BUSINESS_PROFILE');
  });

  it('switches the active business, and loads memberships in a fixed number of queries', async () => {
    const user = await seedUser(t.dataSource, 'ManyHats2026');
    const client = t.client();
    await signIn(client, 'ManyHats2026');
    await acceptTerms(client);
    payload(await client.gql(SAVE_PROFILE, { input: PROFILE }));
    const registryIds = (
      await t.dataSource.getRepository(RegistryBusiness).find({ order: { businessNumber: 'DESC' }, take: 6 })
    ).map((b) => b.id);

    // Membership.person, .business and .programAccounts go through per-request DataLoaders: one query per
    // kind, whatever the number of memberships.
    const query = `{ me { memberships { id role person { name email } business { id businessNumber name }
      programAccounts { id accountNumber } } } }`;
    const countQueries = async () => {
      let count = 0;
      const logger = t.dataSource.logger;
      const original = logger.logQuery.bind(logger);
      // The session's own queries (load, and its activity touch at most once a minute) are not the point.
      logger.logQuery = (...args) => {
        if (!/user_session|START TRANSACTION|COMMIT|BEGIN/i.test(args[0])) count += 1;
        original(...args);
      };
      try {
        const result = await client.gql(query);
        expect(result.body.errors).toBeUndefined();
        return {
          count,
          memberships: (result.body.data?.me as { memberships: unknown[] }).memberships.length,
        };
      } finally {
        logger.logQuery = original;
      }
    };
    const now = new Date();
    const registerFor = (ids: string[]) =>
      inTransaction(t.dataSource, async (manager) => {
        for (const id of ids) await registerInDatabase(manager, id, user.id, now, 'QUESTIONS');
      });
    const viewerBusinessId = async () => {
      const result = await client.gql('{ viewerBusiness { id } }');
      expect(result.body.errors).toBeUndefined();
      return (result.body.data?.viewerBusiness as { id: string } | null)?.id ?? null;
    };
    // No business yet: nothing to act for.
    expect(await viewerBusinessId()).toBeNull();
    await registerFor(registryIds.slice(0, 2));
    await client.gql(query);
    const two = await countQueries();
    await registerFor(registryIds.slice(2));
    const six = await countQueries();
    expect(two.memberships).toBe(2);
    expect(six.memberships).toBe(6);
    expect(six.count).toBe(two.count);

    const mine = (await client.gql(MINE)).body.data?.me as {
      memberships: Array<{ business: { id: string } }>;
      activeBusiness: { id: string };
    };
    expect(mine.activeBusiness.id).toBe(mine.memberships[0].business.id);
    // viewerBusiness answers as me.activeBusiness in a browser session, before any switch too (it was
    // null until switchBusiness, though its description promised the first business).
    expect(await viewerBusinessId()).toBe(mine.memberships[0].business.id);
    const target = mine.memberships[3].business.id;
    const switched = payload<{ business: { id: string } }>(await client.gql(SWITCH, { id: target }));
    expect(switched.business.id).toBe(target);
    expect(
      ((await client.gql(MINE)).body.data?.me as { activeBusiness: { id: string } }).activeBusiness.id,
    ).toBe(target);
    expect(await viewerBusinessId()).toBe(target);
    const refused = payload<{ userErrors: Errors }>(await client.gql(SWITCH, { id: businessId }));
    expect(fieldCodes(refused.userErrors)).toEqual([['businessId', 'BUSINESS_NOT_FOUND']]);
  });
});
