// A reader of a server-sent events stream (GET /api/events/stream) over fetch, as a browser's EventSource
// would read it: each event's name and parsed data, comments (heartbeats) counted.

export interface StreamEvent {
  event: string;
  data: unknown;
}

export interface EventStream {
  status: number;
  events: StreamEvent[];
  comments: number;
  /** Resolves with the first event named `name` after the `from`-th (default: any not yet taken). */
  next(name: string, timeoutMs?: number): Promise<StreamEvent>;
  /** Whether the server ended the stream. */
  ended: Promise<void>;
  close(): void;
}

export async function openEventStream(url: string, headers: Record<string, string>): Promise<EventStream> {
  const controller = new AbortController();
  const res = await fetch(`${url}/api/events/stream`, {
    headers: { accept: 'text/event-stream', ...headers },
    signal: controller.signal,
  });
  const events: StreamEvent[] = [];
  let taken = 0;
  let comments = 0;
  const waiters: Array<() => void> = [];
  const stream: EventStream = {
    status: res.status,
    events,
    get comments() {
      return comments;
    },
    async next(name, timeoutMs = 2_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const index = events.findIndex((e, i) => i >= taken && e.event === name);
        if (index >= 0) {
          taken = index + 1;
          return events[index];
        }
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no "${name}" event in ${timeoutMs} ms: ${JSON.stringify(events)}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    },
    ended: Promise.resolve(),
    close: () => controller.abort(),
  };
  if (res.status !== 200 || !res.body) {
    await res.body?.cancel();
    return stream;
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  stream.ended = (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let cut;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          if (block.startsWith(':')) comments += 1;
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data !== undefined) events.push({ event, data: JSON.parse(data) as unknown });
          for (const wake of waiters.splice(0)) wake();
        }
      }
    } catch {
      // Aborted by close().
    }
  })();
  return stream;
}
