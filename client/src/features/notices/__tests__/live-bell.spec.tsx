import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NoticesListDocument, UnreadNoticeCountDocument } from '../../../generated/graphql';
import { renderRoute } from '../../../test/render-route';
import { always, headerMock, signedIn } from '../../../test/fixtures/business-fixtures';
import { FakeEventSource } from '../../../test/fake-event-source';
import { liveBellRetryMs, liveBellUrl } from '../components/use-live-bell';

// The live bell (docs/notices.md "Live bell"): the count pushed by the server's event stream replaces the
// polled one; a stream the server refused is opened again after a pause. jsdom has no EventSource: a
// stand-in for the browser's (test/fake-event-source.ts) lets the test play the server's part.

const header = headerMock({ id: 'b-1', businessNumber: '123456789', name: 'Northern Lights', accounts: [] });

describe('live bell', { timeout: 20_000 }, () => {
  beforeEach(() => {
    FakeEventSource.opened = [];
    vi.stubGlobal('EventSource', FakeEventSource);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('shows the count the stream pushes, in each language, and opens the stream again after a refusal', async () => {
    renderRoute('/fr/notices', [
      ...signedIn,
      header,
      always(UnreadNoticeCountDocument, () => ({ unreadNoticeCount: 2 })),
      always(NoticesListDocument, () => ({
        notices: {
          __typename: 'NoticeConnection',
          edges: [],
          pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
          totalCount: 0,
        },
      })),
    ]);
    expect(await screen.findByText('Avis, 2 non lus')).toBeInTheDocument();
    await waitFor(() => expect(FakeEventSource.opened).toHaveLength(1));
    const stream = FakeEventSource.opened[0];
    expect(stream.url).toBe(liveBellUrl);
    expect(stream.init).toEqual({ withCredentials: true });
    act(() => {
      stream.open();
      stream.emit('unread', { count: 7 });
    });
    expect(await screen.findByText('Avis, 7 non lus')).toBeInTheDocument();

    // Refused (401, 429): opened again after the first pause, and the new stream's count shows.
    act(() => stream.refuse());
    await waitFor(() => expect(FakeEventSource.opened).toHaveLength(2), { timeout: liveBellRetryMs + 2_000 });
    act(() => {
      FakeEventSource.opened[1].open();
      FakeEventSource.opened[1].emit('unread', { count: 0 });
    });
    expect(await screen.findByText('Avis')).toBeInTheDocument();
  });
});
