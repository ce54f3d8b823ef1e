import { useState } from 'react';
import { type FieldErrors, hasErrors, splitUserErrors, type UserError } from '../../lib/user-errors';
import { useFormErrors } from './use-form-errors';

interface MutationFormOptions {
  /** The form's field ids: a user error on one of them goes beside it, any other above the form. */
  fields: readonly string[];
  /** Input paths whose field id in the form differs. */
  rename?: Record<string, string>;
  /**
   * For forms that place every user error beside a field (credential rules by kind, or the field to look
   * at first): maps the payload's errors itself, and nothing goes above the form.
   */
  mapErrors?: (userErrors: readonly UserError[]) => FieldErrors;
  /**
   * Shown above the form (`failure`) when the request itself fails (network, server error). Without it
   * the form shows its own notice from `unsent`.
   */
  failedMessage?: string;
  /** Puts `failedMessage` beside this field (and its summary) instead of above the form. */
  failedAt?: string;
  /**
   * A user error on no field of the form goes beside this field when no other error has a field (the
   * request as a whole refused: the field to look at first); above the form otherwise.
   */
  otherAt?: string;
}

interface Submission<P> {
  /** The browser's own checks; any message stops the submission before it is sent. */
  local?: FieldErrors;
  /** Sends the mutation and gives its payload (a per-feature `use-<verb>-<noun>` hook does the sending). */
  send: () => Promise<P | null | undefined>;
  /** Whether the payload says it was done (its object is there), rather than refused. */
  succeeded: (payload: P) => boolean;
  onSuccess: (payload: P) => void | Promise<void>;
}

/**
 * The submit flow every mutation form repeated: local checks, pending state, the payload's `userErrors`
 * beside their fields (decision 0009) or above the form, a failed request above the form.
 */
export function useMutationForm({
  fields,
  rename,
  mapErrors,
  failedMessage,
  failedAt,
  otherAt,
}: MutationFormOptions) {
  const { errors, refuse, clear, focusKey } = useFormErrors();
  const [failure, setFailure] = useState<string>();
  const [unsent, setUnsent] = useState(false);
  const [pending, setPending] = useState(false);

  const failed = () => {
    setUnsent(true);
    if (failedAt && failedMessage) refuse({ [failedAt]: failedMessage });
    else setFailure(failedMessage);
  };

  const submit = async <P extends { readonly userErrors: readonly UserError[] }>({
    local,
    send,
    succeeded,
    onSuccess,
  }: Submission<P>): Promise<void> => {
    setFailure(undefined);
    setUnsent(false);
    if (local && hasErrors(local)) return refuse(local);
    setPending(true);
    try {
      const payload = await send();
      if (payload && succeeded(payload)) {
        await onSuccess(payload);
        return;
      }
      const userErrors = payload?.userErrors ?? [];
      if (mapErrors) return refuse(mapErrors(userErrors));
      // Refused with no reason given: the same as a request that failed.
      if (userErrors.length === 0) return failed();
      const { byField, other } = splitUserErrors(userErrors, fields, rename);
      if (other.length && otherAt && !hasErrors(byField)) byField[otherAt] = other.join(' ');
      else if (other.length) setFailure(other.join(' '));
      if (hasErrors(byField)) refuse(byField);
    } catch {
      failed();
    } finally {
      setPending(false);
    }
  };

  return { errors, focusKey, refuse, clear, failure, unsent, pending, submit };
}
