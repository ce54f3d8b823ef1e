/**
 * One-time messages shown on the page a person lands on after an action elsewhere ("You have signed
 * out."). They travel in the router's location state, so a reload or a shared link does not repeat
 * them.
 */
export const flashKeys = [
  'signedOut',
  'signedOutEverywhere',
  'sessionEnded',
  'termsDeclined',
  'credentialRevoked',
  'passwordChanged',
  'recoveryChanged',
  'profileSaved',
] as const;
export type FlashKey = (typeof flashKeys)[number];

export interface FlashState {
  flash: FlashKey;
}

export function flashState(flash: FlashKey): FlashState {
  return { flash };
}

export function flashOf(state: unknown): FlashKey | undefined {
  const flash = (state as Partial<FlashState> | null)?.flash;
  return (flashKeys as readonly unknown[]).includes(flash) ? flash : undefined;
}
