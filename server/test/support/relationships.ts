import { expect } from 'vitest';
import { inTransaction } from '../../src/common/database/transactions.js';
import { grantMembership } from '../../src/modules/businesses/access-requests.service.js';
import { registerBusiness as registerInDatabase } from '../../src/modules/businesses/registration.service.js';
import { BusinessRole } from '../../src/modules/businesses/businesses.types.js';
import { RegistryProgramAccount } from '../../src/modules/registry/program-account.entity.js';
import { RegistryBusiness } from '../../src/modules/registry/registry-business.entity.js';
import { signedInPerson } from './businesses.js';
import { type GqlClient } from './gql-client.js';
import { acceptTerms, payload, signIn } from './identity.js';
import { type TestApp } from './test-app.js';

// GraphQL documents and setup helpers for the relationships and client-groups tests.

export const ERRORS = 'userErrors { field code message }';
export const RELATIONSHIP_FIELDS = `id type status message requestedAt expiresAt decidedAt decisionReason endedAt
  provider { id businessNumber name } client { id businessNumber name }
  programAccounts { id accountNumber }
  timeline { type detail occurredAt actor { id name } }`;
export const REQUEST = `mutation($input: RequestRelationshipInput!) { requestRelationship(input: $input) {
  relationship { ${RELATIONSHIP_FIELDS} } ${ERRORS} } }`;
export const REQUEST_MANY = `mutation($input: RequestRelationshipsInput!) { requestRelationships(input: $input) {
  results { businessNumber relationship { id status client { businessNumber } } ${ERRORS} } ${ERRORS} } }`;
export const DECIDE = `mutation($input: DecideRelationshipInput!) { decideRelationship(input: $input) {
  relationship { ${RELATIONSHIP_FIELDS} } ${ERRORS} } }`;
export const CANCEL = `mutation($id: ID!) { cancelRelationship(relationshipId: $id) {
  relationship { ${RELATIONSHIP_FIELDS} } ${ERRORS} } }`;
export const END = `mutation($id: ID!) { endRelationship(relationshipId: $id) {
  relationship { ${RELATIONSHIP_FIELDS} } ${ERRORS} } }`;

const listQuery = (field: string, withStatus: boolean) => `query($id: ID!, ${
  withStatus ? '$status: RelationshipStatus, ' : ''
}$first: Int, $after: String) {
  business(id: $id) { ${field}(${withStatus ? 'status: $status, ' : ''}first: $first, after: $after) {
    edges { cursor node { id status type requestedAt provider { businessNumber } client { businessNumber }
      programAccounts { accountNumber } } }
    pageInfo { hasNextPage endCursor } totalCount } } }`;
export const SENT = listQuery('sentRelationships', true);
export const RECEIVED = listQuery('receivedRelationships', true);
export const ACTIVE = listQuery('activeRelationships', false);

export type Errors = Array<{ field: string[]; code: string; message: string }>;
export interface RelationshipView {
  id: string;
  type: string | null;
  status: string;
  message: string | null;
  requestedAt: string;
  expiresAt: string;
  decidedAt: string | null;
  decisionReason: string | null;
  endedAt: string | null;
  provider: { id: string; businessNumber: string; name: string };
  client: { id: string; businessNumber: string; name: string };
  programAccounts: Array<{ id: string; accountNumber: string }>;
  timeline: Array<{
    type: string;
    detail: string | null;
    occurredAt: string;
    actor: { id: string; name: string } | null;
  }>;
}
export interface RelationshipPayloadView {
  relationship: RelationshipView | null;
  userErrors: Errors;
}
export interface ConnectionView {
  edges: Array<{
    cursor: string;
    node: {
      id: string;
      status: string;
      type: string | null;
      requestedAt: string;
      provider: { businessNumber: string };
      client: { businessNumber: string };
      programAccounts: Array<{ accountNumber: string }>;
    };
  }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

export const fieldCodes = (errors: Errors) => errors.map((e) => [e.field.join('.'), e.code]);

export const BN = {
  MAPLE: '345678902',
  HARBOUR: '456789013',
  NORTHERN: '123456789',
  COTE: '567890124',
  TREMBLAY: '234567891',
};

export async function registryBusinessId(t: TestApp, businessNumber: string): Promise<string> {
  return (await t.dataSource.getRepository(RegistryBusiness).findOneByOrFail({ businessNumber })).id;
}

/** Registers the registry business straight in the database, `userId` its BAM; answers the portal business id. */
export async function registerDirectly(t: TestApp, businessNumber: string, userId: string): Promise<string> {
  const registryId = await registryBusinessId(t, businessNumber);
  const business = await inTransaction(t.dataSource, (manager) =>
    registerInDatabase(manager, registryId, userId, new Date(), 'QUESTIONS'),
  );
  return business.id;
}

/** The registry program account ids of a business, by suffix (RM0001...). */
export async function accountsOf(t: TestApp, businessNumber: string): Promise<Record<string, string>> {
  const registryId = await registryBusinessId(t, businessNumber);
  const rows = await t.dataSource.getRepository(RegistryProgramAccount).findBy({ businessId: registryId });
  return Object.fromEntries(rows.map((row) => [row.accountNumber.slice(9), row.id]));
}

export interface Person {
  client: GqlClient;
  userId: string;
  username: string;
}

export async function person(
  t: TestApp,
  username: string,
  firstName: string,
  lastName: string,
): Promise<Person> {
  const { client, userId } = await signedInPerson(t, username, { firstName, lastName });
  return { client, userId, username };
}

/** A new person with `role` (and program accounts) in a business, straight in the database. */
export async function member(
  t: TestApp,
  businessId: string,
  grantedBy: string,
  username: string,
  role: BusinessRole,
  accountIds: string[] = [],
): Promise<Person> {
  const someone = await person(t, username, username.replace(/\d+/g, ''), 'Employee');
  await inTransaction(t.dataSource, (manager) =>
    grantMembership(manager, businessId, someone.userId, role, accountIds, grantedBy, new Date()),
  );
  return someone;
}

/** Signs the person in again (sessions end when the clock moves days ahead). */
export async function signInAgain(t: TestApp, someone: Person, lang?: 'en' | 'fr'): Promise<Person> {
  const client = t.client(lang ? { lang } : {});
  await signIn(client, someone.username);
  await acceptTerms(client);
  return { ...someone, client };
}

export async function requestOne(
  client: GqlClient,
  providerBusinessId: string,
  clientBusinessNumber: string,
  message: string | null = null,
): Promise<RelationshipPayloadView> {
  return payload<RelationshipPayloadView>(
    await client.gql(REQUEST, { input: { providerBusinessId, clientBusinessNumber, message } }),
  );
}

export async function decide(
  client: GqlClient,
  input: Record<string, unknown>,
): Promise<RelationshipPayloadView> {
  return payload<RelationshipPayloadView>(await client.gql(DECIDE, { input }));
}

export async function cancel(client: GqlClient, id: string): Promise<RelationshipPayloadView> {
  return payload<RelationshipPayloadView>(await client.gql(CANCEL, { id }));
}

export async function end(client: GqlClient, id: string): Promise<RelationshipPayloadView> {
  return payload<RelationshipPayloadView>(await client.gql(END, { id }));
}

/** A relationship requested by the provider's BAM and accepted by the client's BAM; answers its id. */
export async function establish(
  provider: Person,
  providerBusinessId: string,
  client: Person,
  clientBusinessNumber: string,
  type: 'BUSINESS_MANAGEMENT' | 'PROGRAM_MANAGEMENT' = 'BUSINESS_MANAGEMENT',
  programAccountIds: string[] = [],
): Promise<string> {
  const asked = await requestOne(provider.client, providerBusinessId, clientBusinessNumber);
  expect(asked.userErrors).toEqual([]);
  const accepted = await decide(client.client, {
    relationshipId: asked.relationship!.id,
    approve: true,
    type,
    programAccountIds,
  });
  expect(accepted.userErrors).toEqual([]);
  return asked.relationship!.id;
}

export async function list(
  client: GqlClient,
  query: string,
  variables: Record<string, unknown>,
): Promise<{ connection: ConnectionView | null; errors: Array<{ extensions?: Record<string, unknown> }> }> {
  const result = await client.gql(query, variables);
  const business = result.body.data?.business as Record<string, ConnectionView> | null | undefined;
  return {
    connection: business ? Object.values(business)[0] : null,
    errors: result.body.errors ?? [],
  };
}

/** Every page of a list, `first` at a time; checks the cursors on the way. */
export async function allPages(
  client: GqlClient,
  query: string,
  variables: Record<string, unknown>,
  first: number,
): Promise<{ ids: string[]; pages: number; totalCount: number; requestedAt: string[] }> {
  const ids: string[] = [];
  const requestedAt: string[] = [];
  let after: string | null = null;
  let pages = 0;
  let totalCount: number;
  for (;;) {
    const { connection, errors } = await list(client, query, { ...variables, first, after });
    expect(errors).toEqual([]);
    pages += 1;
    totalCount = connection!.totalCount;
    ids.push(...connection!.edges.map((edge) => edge.node.id));
    requestedAt.push(...connection!.edges.map((edge) => edge.node.requestedAt));
    expect(connection!.edges.length).toBeLessThanOrEqual(first);
    if (!connection!.pageInfo.hasNextPage) break;
    expect(connection!.edges).toHaveLength(first);
    expect(connection!.pageInfo.endCursor).toBe(connection!.edges.at(-1)!.cursor);
    after = connection!.pageInfo.endCursor;
  }
  return { ids, pages, totalCount, requestedAt };
}
