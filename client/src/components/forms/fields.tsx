import {
  GcdsCheckboxes,
  GcdsInput,
  GcdsRadios,
  GcdsSelect,
  GcdsTextarea,
} from '@cdssnc/gcds-components-react';
import { fieldId } from './field-id';
import { keepGroupInputsNonNull } from './gcds-group-inputs';

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

/**
 * What every field gives its GCDS control: the id (on the host too), the name, required, the error slot,
 * the hint, and GCDS's own validation off.
 */
function controlProps({ name, error, hint, required }: BaseFieldProps) {
  return {
    id: fieldId(name),
    name,
    required: required ?? false,
    errorMessage: error ?? '',
    ...(hint ? { hint } : {}),
    validateOn: 'other' as const,
  };
}

interface TextFieldProps extends BaseFieldProps {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'password' | 'email' | 'tel';
  autocomplete?: string;
  inputmode?: 'text' | 'numeric' | 'tel' | 'email';
  size?: number;
}

export function TextField(props: TextFieldProps) {
  const { label, value, onChange, type, autocomplete, inputmode, size } = props;
  const control = controlProps(props);
  return (
    <GcdsInput
      {...control}
      inputId={control.id}
      label={label}
      value={value}
      type={type ?? 'text'}
      {...(autocomplete ? { autocomplete } : {})}
      {...(inputmode ? { inputmode } : {})}
      {...(size ? { size } : {})}
      onGcdsInput={(event) => onChange(event.detail ?? '')}
    />
  );
}

interface ChoiceFieldProps extends BaseFieldProps {
  value: string;
  onChange: (value: string) => void;
  options: ReadonlyArray<{ value: string; label: string; hint?: string }>;
}

export function RadioField(props: ChoiceFieldProps) {
  const { label, value, onChange, options } = props;
  const control = controlProps(props);
  return (
    <GcdsRadios
      ref={keepGroupInputsNonNull}
      {...control}
      legend={label}
      value={value}
      options={options.map((option) => ({
        id: `${control.id}-${option.value.toLowerCase()}`,
        label: option.label,
        value: option.value,
        ...(option.hint ? { hint: option.hint } : {}),
        checked: option.value === value,
      }))}
      onGcdsChange={(event) => onChange(event.detail ?? '')}
    />
  );
}

export function SelectField(
  props: ChoiceFieldProps & {
    /**
     * A first option that cannot be chosen again ("Select an option"). Leave it out where "none" is a
     * choice a person must be able to come back to, and put that choice in `options` with the value ''.
     */
    placeholder?: string;
  },
) {
  const { label, value, onChange, options, placeholder } = props;
  const control = controlProps(props);
  return (
    <GcdsSelect
      {...control}
      selectId={control.id}
      label={label}
      {...(placeholder ? { defaultValue: placeholder } : {})}
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

export function CheckboxField(props: CheckboxFieldProps) {
  const { label, boxLabel, checked, onChange } = props;
  const control = controlProps(props);
  return (
    <GcdsCheckboxes
      ref={keepGroupInputsNonNull}
      {...control}
      legend={label}
      value={checked ? ['yes'] : []}
      options={[{ id: `${control.id}-yes`, label: boxLabel, value: 'yes', checked }]}
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

export function TextAreaField(props: TextAreaFieldProps) {
  const { label, value, onChange, maxLength } = props;
  const control = controlProps(props);
  return (
    <GcdsTextarea
      {...control}
      textareaId={control.id}
      label={label}
      value={value}
      {...(maxLength ? { characterCount: maxLength } : {})}
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
export function ChecklistField(props: ChecklistFieldProps) {
  const { label, options, values, onChange } = props;
  const control = controlProps(props);
  return (
    <GcdsCheckboxes
      ref={keepGroupInputsNonNull}
      {...control}
      legend={label}
      value={[...values]}
      options={options.map((option, index) => ({
        id: `${control.id}-${index}`,
        label: option.label,
        value: option.value,
        checked: values.includes(option.value),
      }))}
      onGcdsChange={(event) => onChange(event.detail)}
    />
  );
}
