import { GcdsHeading } from '@cdssnc/gcds-components-react';

/** Placeholder until the page is built. */
export function RequestAccessPage() {
  return <GcdsHeading tag="h1">RequestAccessPage</GcdsHeading>;
}
