import { ApolloProvider } from '@apollo/client/react';
import { type ReactNode, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { ViewerDocument } from '../generated/graphql';
import { type ApolloClient } from '@apollo/client';
import { createApolloClient } from '../lib/apollo-client';
import { i18n } from '../lib/i18n';

/**
 * The client, already asking who is signed in: the frame (the signed-in menu) and the pages behind
 * sign-in all wait for that answer, and asked here it travels while the first page's chunk and words
 * load instead of after them, so that a signed-in page and its menu show together rather than the menu
 * pushing a "Loading" page down (docs/decisions/0036). The frame's own `useViewerQuery` shares this
 * request (Apollo Client deduplicates it) or reads its answer from the cache.
 */
function createClientAskingViewer(): ApolloClient {
  const client = createApolloClient();
  // Errors are the frame's to show, through its own query.
  client.query({ query: ViewerDocument }).catch(() => undefined);
  return client;
}

export function AppProvider({ children }: { children: ReactNode }) {
  // One client for the life of the page; useState keeps it across re-renders and StrictMode.
  const [client] = useState(createClientAskingViewer);
  return (
    <I18nextProvider i18n={i18n}>
      <ApolloProvider client={client}>{children}</ApolloProvider>
    </I18nextProvider>
  );
}
