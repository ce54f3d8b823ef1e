import { CombinedGraphQLErrors } from '@apollo/client/errors';

/** The GraphQL error with this `extensions.code` among those a query or mutation threw, if any. */
export function thrownError(error: unknown, code: string): { message: string } | undefined {
  if (!CombinedGraphQLErrors.is(error)) return undefined;
  return error.errors.find((e) => e.extensions?.code === code);
}
