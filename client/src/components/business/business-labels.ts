import { type TFunction } from 'i18next';
import { type Language } from '../../lib/language';

/** "RM0001" from "123456789RM0001": the program identifier and reference, without the BN9. */
export function programReference(accountNumber: string, businessNumber: string): string {
  return accountNumber.startsWith(businessNumber)
    ? accountNumber.slice(businessNumber.length)
    : accountNumber;
}

/**
 * A registry code in words (`programTypes.IMPORTER` -> "Importer"); an empty code is "not
 * applicable" and a code the portal has no words for yet shows as is rather than as a key.
 */
export function codeLabel(
  t: TFunction<'business'>,
  group: CodeGroup,
  code: string | null | undefined,
): string {
  if (!code) return t('values.notApplicable');
  const labels = t(group, { returnObjects: true }) as Record<string, string>;
  return labels[code] ?? code;
}

export type CodeGroup =
  | 'roles'
  | 'businessTypes'
  | 'serviceProviderKinds'
  | 'addressTypes'
  | 'programTypes'
  | 'billingTypes'
  | 'accountStatuses'
  | 'ownerRoles';

/** "Canada" / "États-Unis" from an ISO 3166-1 alpha-2 code. */
export function countryName(code: string, language: Language): string {
  try {
    return new Intl.DisplayNames([`${language}-CA`], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export const businessRoles = [
  'BUSINESS_ACCOUNT_MANAGER',
  'PROGRAM_ACCOUNT_MANAGER',
  'EDITOR',
  'READER',
] as const;
