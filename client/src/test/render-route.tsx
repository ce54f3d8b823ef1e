import { ApolloClient } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { MockLink } from '@apollo/client/testing';
import { render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter } from 'react-router';
// The DOM build, as in main.tsx: it applies `flushSync` navigations synchronously.
import { RouterProvider } from 'react-router/dom';
import { routes } from '../app/router';
import {
  HeaderBusinessDocument,
  PortalInfoDocument,
  SessionDocument,
  UnreadNoticeCountDocument,
  ViewerDocument,
  type SessionQuery,
  type ViewerQuery,
} from '../generated/graphql';
import { createCache } from '../lib/apollo-client';
import { provideApolloForTests } from '../lib/apollo-loader';
import { startApolloRuntime } from '../lib/apollo-runtime';
import { connectionOf } from './fixtures/connection';
import { i18n } from '../lib/i18n';

type Viewer = NonNullable<ViewerQuery['me']>;
type Session = NonNullable<SessionQuery['session']>;

/** A signed-in person as the Viewer query returns them. */
export function viewer(overrides: Partial<Viewer> = {}): Viewer {
  return {
    __typename: 'Viewer',
    id: 'user-1',
    role: 'PERSON',
    credentialKind: 'LOCAL',
    username: 'jdoe2024',
    termsAccepted: true,
    profile: { __typename: 'PersonalProfile', firstName: 'Jane', lastName: 'Doe' },
    ...overrides,
  };
}

export function session(overrides: Partial<Session> = {}, now = Date.now()): Session {
  return {
    __typename: 'SessionInfo',
    csrfToken: 'csrf-1',
    idleExpiresAt: new Date(now + 20 * 60_000).toISOString(),
    absoluteExpiresAt: new Date(now + 8 * 60 * 60_000).toISOString(),
    ...overrides,
  };
}

/** Answers the Viewer query, as often as asked, with whatever `me()` says at the time. */
export function viewerMock(me: () => Viewer | null): MockLink.MockedResponse {
  return {
    request: { query: ViewerDocument },
    result: () => ({ data: { me: me() } }),
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}

export function sessionMock(current: () => Session | null): MockLink.MockedResponse {
  return {
    request: { query: SessionDocument },
    result: () => ({ data: { session: current() } }),
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}

/** Nobody signed in: what the header and the inactivity watcher ask on every page. */
export const signedOut: readonly MockLink.MockedResponse[] = [
  viewerMock(() => null),
  sessionMock(() => null),
];

/** The landing page's query, for tests that end up there (after signing out...). */
const portalInfo: MockLink.MockedResponse = {
  request: { query: PortalInfoDocument },
  result: {
    data: {
      portalInfo: { __typename: 'PortalInfo', agencyPhone: '1-800-461-9999', version: '1' },
      demoPersonas: [],
    },
  },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

/**
 * The header's business line for whoever the Viewer query says is signed in: no business. The
 * header only asks once the Viewer answer is in the cache, and its `me` must be that same person (a
 * `me: null` here would sign them out of every other query), so it is read from the cache.
 */
function noBusinessMock(cache: ReturnType<typeof createCache>): MockLink.MockedResponse {
  return {
    request: { query: HeaderBusinessDocument },
    result: () => {
      const me = cache.readQuery({ query: ViewerDocument })?.me;
      return {
        data: {
          me: me
            ? {
                __typename: 'Viewer',
                id: me.id,
                actingForConnection: connectionOf('Business', []),
                membershipsConnection: connectionOf('Membership', []),
                activeBusiness: null,
              }
            : null,
        },
      };
    },
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}

/** The header's bell, for tests that do not care about notices: nothing unread. */
const noUnreadNotices: MockLink.MockedResponse = {
  request: { query: UnreadNoticeCountDocument },
  result: { data: { unreadNoticeCount: 0 } },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

/**
 * Renders the real route table at `path`, with Apollo answered by `mocks`, then, for what they
 * do not answer, by "nobody signed in" (Viewer, Session), the header's "no business" and the
 * landing page's PortalInfo.
 */
export function renderRoute(path: string, mocks: readonly MockLink.MockedResponse[] = []) {
  const cache = createCache();
  const client = new ApolloClient({
    cache,
    link: new MockLink([...mocks, ...signedOut, noBusinessMock(cache), portalInfo, noUnreadNotices], {
      defaultOptions: { delay: 0 },
    }),
  });
  // The app loads Apollo Client with its first page that needs it; here it is this client, already loaded,
  // and the frame's queries (who is signed in, the landing page's) start over in it (lib/boot-query.ts).
  provideApolloForTests(startApolloRuntime(client));
  // After the client: the router starts the first route's loaders at once, and a page's loader loads Apollo.
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const view = render(
    <I18nextProvider i18n={i18n}>
      <ApolloProvider client={client}>
        <RouterProvider router={router} />
      </ApolloProvider>
    </I18nextProvider>,
  );
  return { router, ...view };
}

/** The level of a GCDS heading, once it has rendered its real heading element in its shadow root. */
export function headingLevel(host: Element): string | undefined {
  return host.shadowRoot?.querySelector('h1, h2, h3, h4, h5, h6')?.tagName.toLowerCase();
}

/** Where a GCDS link or link-button points: its real `<a>` lives in its shadow root. */
export function shadowHref(host: Element | null): string | null | undefined {
  return host?.shadowRoot?.querySelector('a')?.getAttribute('href');
}
