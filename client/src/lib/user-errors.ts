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

/**
 * Splits a mutation's user errors: those about a field of the form go beside it (the first message per
 * field), anything else (the request no longer there, the last manager…) is the outcome of the action.
 * `rename` maps an input path to the form's field id when they differ.
 */
export function splitUserErrors(
  userErrors: readonly UserError[],
  fields: readonly string[],
  rename: Record<string, string> = {},
): { byField: FieldErrors; other: string[] } {
  const byField: FieldErrors = {};
  const other: string[] = [];
  for (const userError of userErrors) {
    const [first, ...rest] = userError.field;
    const raw = (first === 'input' ? rest : userError.field).join('.');
    const path = rename[raw] ?? raw;
    if (fields.includes(path)) byField[path] ??= userError.message;
    else other.push(userError.message);
  }
  return { byField, other };
}
