import { GcdsHeading } from '@cdssnc/gcds-components-react';

/** Placeholder until the page is built. */
export function OfficerBusinessSearchPage() {
  return <GcdsHeading tag="h1">OfficerBusinessSearchPage</GcdsHeading>;
}
