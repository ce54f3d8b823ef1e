import { useApolloClient } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { UnreadNoticeCountDocument } from '../../../generated/graphql';

/** The server-sent events stream of the caller's unread count and new notices (docs/notices.md "Live bell"). */
export const liveBellUrl = '/api/events/stream';

/** The first pause before opening the stream again after it failed; doubled on each failure in a row. */
export const liveBellRetryMs = 2_000;
/** The longest pause between tries. */
export const liveBellRetryMaxMs = 60_000;

/**
 * The queries a notice of each type makes stale: a message from the agency shows in the open thread, the
 * messages list and the header's count, a new letter in the correspondence (decision 0038), a claim's or
 * repayment's change on the claim, the lists and the indicators. Only the queries
 * on screen are read again.
 */
export const liveQueriesOfNotice: Readonly<Record<string, readonly string[]>> = {
  MESSAGE_FROM_AGENCY: ['MessageThread', 'MessageThreads', 'MessagingBusiness', 'OfficerInbox'],
  LETTER_ISSUED: ['Letters', 'Letter'],
  CLAIM_STATUS_CHANGED: ['ClaimDetail', 'ClaimsList', 'HomeIndicators'],
  REPAYMENT_STATUS_CHANGED: ['ClaimDetail', 'AccountRepayments', 'HomeIndicators'],
};

/**
 * Keeps the bell's count current from the live stream: each `unread` event is written into the Apollo cache
 * where the bell's query reads it, and each `notice` event lets the notices list load afresh. Answers
 * whether the stream is open, so that the bell polls only while it is not (the stream's own reconnects are
 * the browser's; when the server refused it, say 401 or 429, or the browser gave up, it is opened again after
 * a pause growing to a minute). Without EventSource (an old browser, a test) the bell simply polls.
 */
export function useLiveBell(): boolean {
  const client = useApolloClient();
  const [live, setLive] = useState(false);
  useEffect(() => {
    if (typeof EventSource === 'undefined') return undefined;
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let stopped = false;
    const open = () => {
      source = new EventSource(liveBellUrl, { withCredentials: true });
      source.onopen = () => {
        failures = 0;
        setLive(true);
      };
      source.addEventListener('unread', (event) => {
        const { count } = JSON.parse((event as MessageEvent<string>).data) as { count: number };
        client.cache.writeQuery({ query: UnreadNoticeCountDocument, data: { unreadNoticeCount: count } });
      });
      source.addEventListener('notice', (event) => {
        client.cache.evict({ id: 'ROOT_QUERY', fieldName: 'notices' });
        client.cache.gc();
        const { type } = JSON.parse((event as MessageEvent<string>).data) as { type?: string };
        const stale = new Set(liveQueriesOfNotice[type ?? ''] ?? []);
        if (stale.size)
          void client
            .refetchQueries({
              include: 'active',
              onQueryUpdated: (observable) => stale.has(observable.queryName ?? ''),
            })
            .catch(() => undefined);
      });
      source.onerror = () => {
        setLive(false);
        // CONNECTING: the browser reconnects by itself (the server ended the stream, or the network blinked).
        if (!source || source.readyState !== EventSource.CLOSED || stopped) return;
        source.close();
        failures += 1;
        const pause = Math.min(liveBellRetryMaxMs, liveBellRetryMs * 2 ** (failures - 1));
        timer = setTimeout(open, pause);
      };
    };
    open();
    return () => {
      stopped = true;
      clearTimeout(timer);
      source?.close();
    };
  }, [client]);
  return live;
}
