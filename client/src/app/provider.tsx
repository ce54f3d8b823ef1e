import { ApolloProvider } from '@apollo/client/react';
import { type ReactNode, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createApolloClient } from '../lib/apollo-client';
import { i18n } from '../lib/i18n';

export function AppProvider({ children }: { children: ReactNode }) {
  // One client for the life of the page; useState keeps it across re-renders and StrictMode.
  const [client] = useState(createApolloClient);
  return (
    <I18nextProvider i18n={i18n}>
      <ApolloProvider client={client}>{children}</ApolloProvider>
    </I18nextProvider>
  );
}
