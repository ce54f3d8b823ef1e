import { commonPasswordsLoaded, forgetCommonPasswords, setCommonPasswords } from '@rules/credential-rules';
import { useEffect } from 'react';

let loading: Promise<void> | undefined;

/**
 * Fetches the common-password list (about 5,000 lines of data) in a chunk of its own and gives it to the
 * shared rules. Only a page with a new password needs it; until it arrives the browser's check lets a
 * common password through, and the server refuses it beside the same field.
 */
export function loadCommonPasswords(): Promise<void> {
  loading ??= import('../../../../server/reference-data/common-passwords.txt?raw').then(
    ({ default: text }) => setCommonPasswords(text),
    () => {
      // Offline for a moment: the next password field asks again.
      loading = undefined;
    },
  );
  return loading;
}

/**
 * The list as before it was fetched (tests): the specs of one worker share this module and the rules'
 * (src/test/setup.ts), and a file that checks the list is fetched on first use must not see another file's.
 */
export function forgetCommonPasswordsForTests(): void {
  loading = undefined;
  forgetCommonPasswords();
}

/** Starts fetching the list when a new-password field shows. */
export function useCommonPasswords(): void {
  useEffect(() => {
    if (!commonPasswordsLoaded()) void loadCommonPasswords();
  }, []);
}
