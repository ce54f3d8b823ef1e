import { useCallback, useState } from 'react';
import { type FieldErrors } from '../../lib/user-errors';

/**
 * Error state of a form: the messages by field, and a counter that moves focus to the error summary
 * each time a submission is refused (see FormErrorSummary). Messages stay until the next submission,
 * as on Canada.ca forms, so they do not shift under the person while they correct a field.
 */
export function useFormErrors() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [focusKey, setFocusKey] = useState(0);
  const refuse = useCallback((next: FieldErrors) => {
    setErrors(next);
    setFocusKey((key) => key + 1);
  }, []);
  const clear = useCallback(() => setErrors({}), []);
  return { errors, refuse, clear, focusKey };
}
