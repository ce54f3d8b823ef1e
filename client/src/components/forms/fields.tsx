import {
  GcdsCheckboxes,
  GcdsInput,
  GcdsRadios,
  GcdsSelect,
  GcdsTextarea,
} from '@cdssnc/gcds-components-react';
import { fieldId } from './field-id';

/**
 * GC Design System form controls, controlled by React and validated by the form: GCDS's own
 * validators are off (`validateOn="other"`) because the rules are the portal's, shared with the
 * server, and the server's user errors come back into the same `error` slot. The host carries the
 * field's id too, so the error summary's links (`#field`) can focus it (GCDS delegates focus).
 */
interface BaseFieldProps {
  /** The input path the server uses for this field (`recovery.answer`). */
  name: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
}

interface TextFieldProps extends BaseFieldProps {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'password' | 'email' | 'tel';
  autocomplete?: string;
  inputmode?: 'text' | 'numeric' | 'tel' | 'email';
  size?: number;
}

export function TextField({ name, label, error, hint, required, value, onChange, ...input }: TextFieldProps) {
  const id = fieldId(name);
  return (
    <GcdsInput
      id={id}
      inputId={id}
      name={name}
      label={label}
      value={value}
      required={required ?? false}
      errorMessage={error ?? ''}
      {...(hint ? { hint } : {})}
      validateOn="other"
      type={input.type ?? 'text'}
      {...(input.autocomplete ? { autocomplete: input.autocomplete } : {})}
      {...(input.inputmode ? { inputmode: input.inputmode } : {})}
      {...(input.size ? { size: input.size } : {})}
      onGcdsInput={(event) => onChange(event.detail ?? '')}
    />
  );
}

interface ChoiceFieldProps extends BaseFieldProps {
  value: string;
  onChange: (value: string) => void;
  options: ReadonlyArray<{ value: string; label: string; hint?: string }>;
}

export function RadioField({
  name,
  label,
  error,
  hint,
  required,
  value,
  onChange,
  options,
}: ChoiceFieldProps) {
  const id = fieldId(name);
  return (
    <GcdsRadios
      id={id}
      name={name}
      legend={label}
      required={required ?? false}
      errorMessage={error ?? ''}
      {...(hint ? { hint } : {})}
      validateOn="other"
      value={value}
      options={options.map((option) => ({
        id: `${id}-${option.value.toLowerCase()}`,
        label: option.label,
        value: option.value,
        ...(option.hint ? { hint: option.hint } : {}),
        checked: option.value === value,
      }))}
      onGcdsChange={(event) => onChange(event.detail ?? '')}
    />
  );
}

export function SelectField({
  name,
  label,
  error,
  hint,
  required,
  value,
  onChange,
  options,
  placeholder,
}: ChoiceFieldProps & {
  /**
   * A first option that cannot be chosen again ("Select an option"). Leave it out where "none" is a
   * choice a person must be able to come back to, and put that choice in `options` with the value ''.
   */
  placeholder?: string;
}) {
  const id = fieldId(name);
  return (
    <GcdsSelect
      id={id}
      selectId={id}
      name={name}
      label={label}
      {...(placeholder ? { defaultValue: placeholder } : {})}
      required={required ?? false}
      errorMessage={error ?? ''}
      {...(hint ? { hint } : {})}
      validateOn="other"
      value={value}
      onGcdsChange={(event) => onChange(event.detail ?? '')}
    >
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </GcdsSelect>
  );
}

interface CheckboxFieldProps extends BaseFieldProps {
  /** The text beside the box; `label` is the group's legend. */
  boxLabel: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

export function CheckboxField({
  name,
  label,
  error,
  hint,
  required,
  boxLabel,
  checked,
  onChange,
}: CheckboxFieldProps) {
  const id = fieldId(name);
  return (
    <GcdsCheckboxes
      id={id}
      name={name}
      legend={label}
      required={required ?? false}
      errorMessage={error ?? ''}
      {...(hint ? { hint } : {})}
      validateOn="other"
      value={checked ? ['yes'] : []}
      options={[{ id: `${id}-yes`, label: boxLabel, value: 'yes', checked }]}
      onGcdsChange={(event) => onChange(event.detail.includes('yes'))}
    />
  );
}

interface TextAreaFieldProps extends BaseFieldProps {
  value: string;
  onChange: (value: string) => void;
  /** Shows GCDS's "characters left" counter. */
  maxLength?: number;
}

export function TextAreaField({
  name,
  label,
  value,
  onChange,
  error,
  hint,
  required,
  maxLength,
}: TextAreaFieldProps) {
  const id = fieldId(name);
  return (
    <GcdsTextarea
      id={id}
      textareaId={id}
      name={name}
      label={label}
      value={value}
      required={required ?? false}
      errorMessage={error ?? ''}
      {...(hint ? { hint } : {})}
      {...(maxLength ? { characterCount: maxLength } : {})}
      validateOn="other"
      onGcdsInput={(event) => onChange(event.detail ?? '')}
    />
  );
}

interface ChecklistFieldProps extends BaseFieldProps {
  options: ReadonlyArray<{ value: string; label: string }>;
  values: readonly string[];
  onChange: (values: string[]) => void;
}

/** A group of checkboxes (several answers), under one legend. */
export function ChecklistField({
  name,
  label,
  options,
  values,
  onChange,
  error,
  hint,
  required,
}: ChecklistFieldProps) {
  const id = fieldId(name);
  return (
    <GcdsCheckboxes
      id={id}
      name={name}
      legend={label}
      required={required ?? false}
      errorMessage={error ?? ''}
      {...(hint ? { hint } : {})}
      validateOn="other"
      value={[...values]}
      options={options.map((option, index) => ({
        id: `${id}-${index}`,
        label: option.label,
        value: option.value,
        checked: values.includes(option.value),
      }))}
      onGcdsChange={(event) => onChange(event.detail)}
    />
  );
}
