import { type ApolloRuntime } from './apollo-runtime';

let runtime: Promise<ApolloRuntime> | undefined;

/**
 * Apollo Client in a chunk of its own, loaded once by whatever needs it first: a page's route (router.tsx),
 * the signed-in menu, the demo panel. A visitor's first page never loads it: its two queries go by `fetch`
 * (boot-query.ts, docs/decisions/0061). A failed load is tried again on the next call.
 */
export function loadApollo(): Promise<ApolloRuntime> {
  runtime ??= import('./apollo-runtime')
    .then(({ startApolloRuntime }) => startApolloRuntime())
    .catch((error: unknown) => {
      runtime = undefined;
      throw error;
    });
  return runtime;
}

/** The client specs' own client stands for the app's (test/render-route.tsx). */
export function provideApolloForTests(given: ApolloRuntime | undefined): void {
  runtime = given && Promise.resolve(given);
}
