import { GcdsHeading } from '@cdssnc/gcds-components-react';

/** Placeholder until the page is built. */
export function ProgramAccountListPage() {
  return <GcdsHeading tag="h1">ProgramAccountListPage</GcdsHeading>;
}
