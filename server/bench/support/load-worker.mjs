// The bench's load generator (bench/support/compare.ts), in a worker thread: the HTTP client's own work (fetch,
// JSON parsing) runs beside the server's event loop instead of on it, as a broker's system would run on its
// own machine. Each message is one batch: `n` POSTs of `bodies` (in turn) to `url`, `concurrency` at a time;
// each answer must contain every string of `mustInclude`; the answer is the batch's wall time and each
// request's latency, or the first wrong answer.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', async ({ url, headers, bodies, mustInclude = [], n, concurrency, offset }) => {
  const latencies = [];
  let started = 0;
  let failure = null;
  const begin = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, n) }, async () => {
      while (started < n && !failure) {
        const body = bodies[(offset + started) % bodies.length];
        started += 1;
        const at = performance.now();
        const res = await fetch(url, { method: 'POST', headers, body });
        const text = await res.text();
        latencies.push(performance.now() - at);
        if (
          res.status !== 200 ||
          text.includes('"errors"') ||
          mustInclude.some((part) => !text.includes(part))
        )
          failure = `${res.status} ${text.slice(0, 300)}`;
      }
    }),
  );
  parentPort.postMessage({ wall: performance.now() - begin, latencies, failure });
});
