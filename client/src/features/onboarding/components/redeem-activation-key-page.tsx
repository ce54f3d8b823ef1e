import { GcdsHeading } from '@cdssnc/gcds-components-react';

/** Placeholder until the page is built. */
export function RedeemActivationKeyPage() {
  return <GcdsHeading tag="h1">RedeemActivationKeyPage</GcdsHeading>;
}
