import { GcdsHeading } from '@cdssnc/gcds-components-react';

/** Placeholder until the page is built. */
export function ProgramAccountPage() {
  return <GcdsHeading tag="h1">ProgramAccountPage</GcdsHeading>;
}
