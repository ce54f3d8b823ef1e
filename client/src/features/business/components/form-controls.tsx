import { GcdsCheckboxes, GcdsTextarea } from '@cdssnc/gcds-components-react';
import { fieldId } from '../../../components/forms/field-id';

/**
 * The business pages' GCDS controls that components/forms/fields.tsx has no wrapper for, made the
 * same way: controlled by React, GCDS's own validators off, the host carrying the field's id so the
 * error summary's links focus it.
 */
interface TextAreaFieldProps {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
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

interface ChecklistFieldProps {
  name: string;
  label: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  values: readonly string[];
  onChange: (values: string[]) => void;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
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
