import 'i18next';
import { type Catalogs, type defaultNamespace } from '../lib/i18n';

// Typed keys: t('landing:title') fails to compile when the key does not exist.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: typeof defaultNamespace;
    resources: Catalogs;
  }
}
