import { GcdsHeading } from '@cdssnc/gcds-components-react';

/** Placeholder until the page is built. */
export function ManageEmployeesPage() {
  return <GcdsHeading tag="h1">ManageEmployeesPage</GcdsHeading>;
}
