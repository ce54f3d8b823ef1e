import { GcdsHeading } from '@cdssnc/gcds-components-react';

/** Placeholder until the page is built. */
export function BusinessProfilePage() {
  return <GcdsHeading tag="h1">BusinessProfilePage</GcdsHeading>;
}
