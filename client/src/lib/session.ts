import { useApolloClient } from '@apollo/client/react';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { SessionDocument } from '../generated/graphql';
import { type FlashKey, flashState } from './flash';
import { useLanguage } from './use-language';

/**
 * After a sign-in or a registration: the cookie now names a new session, so nothing cached from
 * before may be shown, and the next mutation needs the new session's CSRF token.
 */
export function useStartSession(): () => Promise<void> {
  const client = useApolloClient();
  return useCallback(async () => {
    // resetStore refetches the queries of the page being left, under a cookie that just changed; one of
    // them failing is not a failed sign-in (the session is open), and the session query below is what
    // counts. Rejecting here sent a signed-in person to "could not send" under load (a CI flake).
    await client.resetStore().catch(() => undefined);
    await client.query({ query: SessionDocument, fetchPolicy: 'network-only' });
  }, [client]);
}

/**
 * After the session ended (signed out, revoked, expired, terms declined): leave for a public page
 * first, so the signed-in page does not redirect to the sign-in page on its way out, then forget
 * everything cached for the person.
 */
export function useLeaveSession(): (to: 'landing' | 'sign-in', flash: FlashKey) => Promise<void> {
  const client = useApolloClient();
  const navigate = useNavigate();
  const language = useLanguage();
  return useCallback(
    async (to, flash) => {
      const path = to === 'landing' ? `/${language}` : `/${language}/sign-in/gckey`;
      // flushSync: the signed-in page must be gone (not merely scheduled to go) before the reset
      // below empties the cache, or its guard would see nobody signed in and go to the sign-in page.
      await navigate(path, { state: flashState(flash), flushSync: true });
      // Queries of the page just left can be cut short by the reset: not a failure of leaving.
      await client.resetStore().catch(() => undefined);
    },
    [client, navigate, language],
  );
}
