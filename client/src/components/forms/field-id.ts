/** The element id of a form field, from its input path (`recovery.answer` -> `recovery-answer`). */
export function fieldId(field: string): string {
  return field.replace(/\./g, '-');
}
