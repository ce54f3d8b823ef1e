import { GcdsTextarea } from '@cdssnc/gcds-components-react';
import { fieldId } from '../../../components/forms/field-id';

interface TextareaFieldProps {
  name: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  required?: boolean;
  /** GCDS counts down the characters left as the person types. */
  maxLength: number;
  value: string;
  onChange: (value: string) => void;
}

/** A GCDS textarea controlled by React and validated by the form, like the fields of components/forms. */
export function TextareaField({
  name,
  label,
  hint,
  error,
  required,
  maxLength,
  value,
  onChange,
}: TextareaFieldProps) {
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
      characterCount={maxLength}
      validateOn="other"
      onGcdsInput={(event) => onChange(event.detail ?? '')}
    />
  );
}
