/** A `userErrors` item of a mutation payload. */
export interface UserError {
  readonly field: readonly string[];
  readonly code: string;
  readonly message: string;
}

/** Messages by form field (named after the input's paths: `recovery.answer`). */
export type FieldErrors = Partial<Record<string, string>>;

/**
 * The form field a user error belongs to. Paths are relative to the arguments (`["input",
 * "recovery", "answer"]`), so the argument name goes. An error on no field in particular, or on one
 * the form has no input for, goes to `fallback`: the field the person should look at first.
 */
export function userErrorField(error: UserError, fields: readonly string[], fallback: string): string {
  const [first, ...rest] = error.field;
  const path = (first === 'input' ? rest : error.field).join('.');
  return fields.includes(path) ? path : fallback;
}

/** The first message for each field: one message beside a field is enough. */
export function fieldErrorsOf(
  errors: readonly UserError[],
  fields: readonly string[],
  fallback: string = fields[0] ?? '',
): FieldErrors {
  const byField: FieldErrors = {};
  for (const error of errors) {
    const field = userErrorField(error, fields, fallback);
    byField[field] ??= error.message;
  }
  return byField;
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.values(errors).some(Boolean);
}
