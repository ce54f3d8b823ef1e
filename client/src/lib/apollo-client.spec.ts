import { afterEach, describe, expect, it, vi } from 'vitest';
import { PortalInfoDocument } from '../generated/graphql';
import { createApolloClient } from './apollo-client';

function stubFetch() {
  const fetch = vi.fn((_input: RequestInfo | URL, _init?: RequestInit) =>
    Promise.resolve(
      new Response(
        JSON.stringify({
          data: {
            portalInfo: { __typename: 'PortalInfo', agencyPhone: '1-800-461-9999', version: '1' },
            demoPersonas: [],
          },
        }),
        { headers: { 'Content-Type': 'application/json' } },
      ),
    ),
  );
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('Apollo client', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    window.history.replaceState(null, '', '/');
  });

  it.each(['en', 'fr'])(
    'posts to /graphql with the URL language (%s) as Accept-Language',
    async (language) => {
      window.history.replaceState(null, '', `/${language}/some/page`);
      const fetch = stubFetch();

      await createApolloClient().query({ query: PortalInfoDocument });

      expect(fetch).toHaveBeenCalledOnce();
      const [uri, init] = fetch.mock.calls[0] ?? [];
      expect(uri).toBe('/graphql');
      expect(init?.credentials).toBe('same-origin');
      expect(new Headers(init?.headers).get('Accept-Language')).toBe(language);
    },
  );
});
