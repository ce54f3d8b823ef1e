import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { of } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { PortalInfoDocument, SessionDocument } from '../generated/graphql';
import { createSessionActivityLink } from './apollo-client';
import { SessionClock } from './session-clock';

const minute = 60_000;
const start = Date.parse('2026-03-02T14:00:00Z');

describe('session clock', () => {
  it('pushes the deadline back with every answer from the server, a minute on the early side, never past the absolute end', () => {
    let now = start;
    const clock = new SessionClock(() => now);
    expect(clock.deadline()).toBeUndefined();

    clock.noteSession({
      idleExpiresAt: new Date(start + 20 * minute).toISOString(),
      absoluteExpiresAt: new Date(start + 30 * minute).toISOString(),
    });
    expect(clock.deadline()).toBe(start + 20 * minute);

    // The server records activity at most once a minute: this request may not have moved its timeout.
    now = start + 5 * minute;
    clock.noteResponse();
    expect(clock.deadline()).toBe(start + 24 * minute);

    now = start + 15 * minute;
    clock.noteResponse();
    expect(clock.deadline()).toBe(start + 30 * minute);

    clock.noteSession(null);
    expect(clock.deadline()).toBeUndefined();
  });

  it('is fed by the Apollo link: Session answers set the window, other answers are activity', async () => {
    let now = start;
    const clock = new SessionClock(() => now);
    const server = new ApolloLink((operation) =>
      of(
        operation.operationName === 'Session'
          ? {
              data: {
                session: {
                  __typename: 'SessionInfo',
                  csrfToken: 't',
                  idleExpiresAt: new Date(now + 20 * minute).toISOString(),
                  absoluteExpiresAt: new Date(now + 8 * 60 * minute).toISOString(),
                },
              },
            }
          : {
              data: {
                portalInfo: { __typename: 'PortalInfo', agencyPhone: '1', version: '1' },
                demoPersonas: [],
              },
            },
      ),
    );
    const client = new ApolloClient({
      link: ApolloLink.from([createSessionActivityLink(clock), server]),
      cache: new InMemoryCache(),
    });
    let changes = 0;
    clock.subscribe(() => (changes += 1));

    await client.query({ query: SessionDocument });
    expect(clock.deadline()).toBe(start + 20 * minute);

    now = start + 3 * minute;
    await client.query({ query: PortalInfoDocument });
    expect(clock.deadline()).toBe(start + 22 * minute);
    expect(changes).toBe(2);
  });
});
