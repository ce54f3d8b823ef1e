import { GcdsHeading } from '@cdssnc/gcds-components-react';

/** Placeholder until the page is built. */
export function FirstSetupPage() {
  return <GcdsHeading tag="h1">FirstSetupPage</GcdsHeading>;
}
