import { expect } from 'vitest';
import { type GqlClient } from './gql-client.js';
import { type GqlBody, type TestApp } from './test-app.js';

// GraphQL documents and helpers for the broker API tests (tokens, limits, reports).

export const TOKEN_FIELDS =
  'id name prefix scope clientGroupIds createdAt expiresAt revokedAt lastUsedAt active';
export const CREATE_TOKEN = `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) {
  token { ${TOKEN_FIELDS} } secret userErrors { field code message } } }`;
export const REVOKE_TOKEN = `mutation($id: ID!) { revokeApiToken(tokenId: $id) {
  token { ${TOKEN_FIELDS} } userErrors { field code message } } }`;
export const TOKENS = `query($id: ID!, $first: Int, $after: String) { business(id: $id) {
  apiTokens(first: $first, after: $after) { edges { cursor node { ${TOKEN_FIELDS} } } pageInfo { hasNextPage endCursor } totalCount } } }`;

export interface TokenView {
  id: string;
  name: string;
  prefix: string;
  scope: 'READ' | 'READ_WRITE';
  clientGroupIds: string[];
  lastUsedAt: string | null;
  revokedAt: string | null;
  active: boolean;
}
export interface CreatedToken {
  token: TokenView | null;
  secret: string | null;
  userErrors: Array<{ field: string[]; code: string; message: string }>;
}

export async function createToken(
  client: GqlClient,
  input: {
    businessId: string;
    name?: string;
    scope?: 'READ' | 'READ_WRITE';
    expiresInDays?: number;
    clientGroupIds?: string[];
  },
): Promise<CreatedToken> {
  const result = await client.gql(CREATE_TOKEN, {
    input: { name: 'Broker system', scope: 'READ', expiresInDays: 30, ...input },
  });
  expect(result.body.errors, JSON.stringify(result.body.errors)).toBeUndefined();
  return result.body.data!.createApiToken as CreatedToken;
}

/** A created token's secret (fails the test on user errors). */
export async function tokenSecret(
  client: GqlClient,
  input: Parameters<typeof createToken>[1],
): Promise<{ secret: string; token: TokenView }> {
  const created = await createToken(client, input);
  expect(created.userErrors).toEqual([]);
  return { secret: created.secret!, token: created.token! };
}

/** POST /graphql with `Authorization: Bearer`, no cookie and no CSRF token, as a broker system would. */
export async function bearer(
  t: TestApp,
  secret: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: GqlBody & { extensions?: Record<string, unknown> }; headers: Headers }> {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}`, ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as GqlBody, headers: res.headers };
}
