import { GcdsErrorSummary } from '@cdssnc/gcds-components-react';
import { useEffect, useRef } from 'react';
import { focusWhenReady } from '../../lib/focus';
import { type FieldErrors } from '../../lib/user-errors';
import { fieldId } from './field-id';

interface FormErrorSummaryProps {
  errors: FieldErrors;
  /** The form's fields in the order it shows them: the summary lists errors in the same order. */
  fields: readonly string[];
  /**
   * Changes (a counter) each time a submission is refused: focus then moves to the summary, as on
   * Canada.ca forms, so keyboard and screen reader users start from the list of problems.
   */
  focusKey: number;
}

/**
 * Canada.ca error summary at the top of a form: one link per field in error, whose text is the
 * error message beside the field; following a link focuses the field. Wraps GcdsErrorSummary (its
 * heading is already in both languages) with its links given explicitly: its own listening mode only
 * knows GCDS's built-in validators, and the server's user errors matter as much.
 */
export function FormErrorSummary({ errors, fields, focusKey }: FormErrorSummaryProps) {
  const host = useRef<HTMLGcdsErrorSummaryElement>(null);

  const links: Record<string, string> = {};
  for (const field of fields) {
    const message = errors[field];
    if (message) links[`#${fieldId(field)}`] = message;
  }
  const count = Object.keys(links).length;

  useEffect(() => {
    if (focusKey === 0 || count === 0) return;
    // GCDS's own summary focuses this panel after a submission; it can only take focus once shown.
    return focusWhenReady(() => {
      const panel = host.current?.shadowRoot?.querySelector<HTMLElement>('[role="alert"]');
      return panel?.classList.contains('gcds-show') ? panel : null;
    });
    // Only a new refused submission moves focus, not each keystroke that changes the errors.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
  }, [focusKey]);

  return <GcdsErrorSummary ref={host} errorLinks={links} />;
}
