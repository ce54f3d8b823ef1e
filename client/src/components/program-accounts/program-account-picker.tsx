import { SelectField } from '../forms/fields';

/** A program account as `viewerAccess.programAccounts` lists it. */
export interface PickableAccount {
  readonly id: string;
  readonly accountNumber: string;
  readonly name: string;
}

export function accountLabel(account: PickableAccount): string {
  return `${account.accountNumber} ${account.name}`.trim();
}

/**
 * Choose one of the program accounts of a business. The labels come with the list the page already
 * asked for (`viewerAccess.programAccounts`, one query): `Business.programAccounts` is denied to a
 * provider under program management, who may still view the profile of each account in scope.
 */
export function ProgramAccountPicker(props: {
  accounts: readonly PickableAccount[];
  value: string;
  onChange: (value: string) => void;
  label: string;
  /** The empty first option; none by default (a page that always shows an account). */
  placeholder?: string;
  required?: boolean;
  error?: string | undefined;
}) {
  return (
    <SelectField
      name="programAccountId"
      label={props.label}
      placeholder={props.placeholder ?? ''}
      required={props.required ?? false}
      value={props.value}
      error={props.error}
      options={props.accounts.map((account) => ({ value: account.id, label: accountLabel(account) }))}
      onChange={props.onChange}
    />
  );
}
