import { type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { i18n } from '../lib/i18n';

/**
 * The app's providers. Apollo Client is not one of them: it comes in its own chunk with the first page that
 * needs it, and each such page renders under it (lib/apollo-runtime.tsx, docs/decisions/0061).
 */
export function AppProvider({ children }: { children: ReactNode }) {
  return <I18nextProvider i18n={i18n}>{children}</I18nextProvider>;
}
