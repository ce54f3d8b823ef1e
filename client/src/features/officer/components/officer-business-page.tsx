import { GcdsHeading } from '@cdssnc/gcds-components-react';

/** Placeholder until the page is built. */
export function OfficerBusinessPage() {
  return <GcdsHeading tag="h1">OfficerBusinessPage</GcdsHeading>;
}
