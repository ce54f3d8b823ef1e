import { expect } from 'vitest';

/** Registers a GCKey with one GraphQL request, as a broker's system would. */
export async function registerThroughApi(baseUrl: string, username: string, password: string): Promise<void> {
  const questions = (await graphql(baseUrl, '{ recoveryQuestions { id } }')) as {
    recoveryQuestions: Array<{ id: string }>;
  };
  const result = (await graphql(
    baseUrl,
    'mutation ($input: RegisterLocalCredentialInput!) { registerLocalCredential(input: $input) { userErrors { code } } }',
    {
      input: {
        acceptTerms: true,
        username,
        password,
        passwordConfirmation: password,
        recovery: {
          questionId: questions.recoveryQuestions[0]?.id,
          answer: 'Trois Rivieres',
          memorablePerson: 'Grandma Rose',
          memorableDate: '1987-06-15',
        },
      },
    },
  )) as { registerLocalCredential: { userErrors: unknown[] } };
  expect(result.registerLocalCredential.userErrors).toEqual([]);
}

export async function graphql(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<unknown> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data;
}
