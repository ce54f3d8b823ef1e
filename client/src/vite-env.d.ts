/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** YYYY-MM-DD, set by vite.config.ts at build time; shown as the pages' "Date modified". */
  readonly VITE_DATE_MODIFIED: string;
}
