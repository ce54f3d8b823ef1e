import { type ApolloClient } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { type ComponentType } from 'react';
import { PortalInfoDocument, ViewerDocument } from '../generated/graphql';
import { createApolloClient } from './apollo-client';
import { portalInfoQuery, viewerQuery } from './boot-query';

export interface ApolloRuntime {
  client: ApolloClient;
  /** The component under the app's Apollo Client: what a page, the menu or the demo panel renders through. */
  withApollo<P extends object>(component: ComponentType<P>): ComponentType<P>;
}

/** The client of the last start: one for the life of the page in the app, one per render in the client specs. */
let current: ApolloClient | undefined;

/**
 * The component under the app's Apollo Client. The client is read when the component renders, not when it is
 * wrapped: a wrapped component lives as long as the page (the signed-in menu, each route's page) while the
 * client specs start a new client for every render.
 */
function withApollo<P extends object>(Component: ComponentType<P>): ComponentType<P> {
  function WithApollo(props: P) {
    if (!current) throw new Error('Apollo Client is used before startApolloRuntime');
    return (
      <ApolloProvider client={current}>
        <Component {...props} />
      </ApolloProvider>
    );
  }
  WithApollo.displayName = `WithApollo(${Component.displayName ?? Component.name})`;
  return WithApollo;
}

/**
 * The app's Apollo Client, made once Apollo's chunk is loaded (apollo-loader.ts): the first page's queries,
 * already answered by `fetch`, go into its cache and are watched there from now on (boot-query.ts). A test
 * passes its own client, which starts them over (`seed: false`).
 */
export function startApolloRuntime(given?: ApolloClient): ApolloRuntime {
  const client = given ?? createApolloClient();
  const seed = given === undefined;
  current = client;
  viewerQuery.follow(client, ViewerDocument, { seed });
  portalInfoQuery.follow(client, PortalInfoDocument, { seed });
  return { client, withApollo };
}
