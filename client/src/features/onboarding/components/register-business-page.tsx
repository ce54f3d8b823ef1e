import { GcdsHeading } from '@cdssnc/gcds-components-react';

/** Placeholder until the page is built. */
export function RegisterBusinessPage() {
  return <GcdsHeading tag="h1">RegisterBusinessPage</GcdsHeading>;
}
