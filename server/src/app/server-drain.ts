import type http from 'node:http';
import net from 'node:net';

// A graceful stop that a balancer can rely on (decision 0027). http.Server's close(), and Apollo's drain
// plugin, end every connection without a request in flight at once, including one accepted a moment ago
// whose request has not arrived yet: its request is then cut after the balancer sent it, which the balancer
// may not retry (a POST). Here the listening socket is closed first (new connections are refused, which a
// balancer retries on another process), the connections already accepted get a short grace for their
// request to arrive, then idle ones are ended, busy ones as soon as their answer is sent, and any left after
// the timeout are destroyed.

/** How long a kept-alive connection between requests has, after the stop, to send another. */
const ARRIVAL_GRACE_MS = 250;
/**
 * How long a connection that has not sent its first request yet has (decision 0040): a balancer opened it to
 * send one, and on a loaded machine (load 20 on 2 cores) 250 ms was not always enough for it to be read, so
 * that the request was cut after it was sent (1 in 400 in the two-process test).
 */
const FIRST_REQUEST_GRACE_MS = 2_000;

export function drainer(server: http.Server): { stop(timeoutMs: number): Promise<void> } {
  const inFlight = new Map<net.Socket, number>();
  const served = new WeakSet<net.Socket>();
  let stopping = false;
  server.on('connection', (socket: net.Socket) => {
    inFlight.set(socket, 0);
    socket.once('close', () => inFlight.delete(socket));
  });
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    served.add(req.socket);
    inFlight.set(req.socket, (inFlight.get(req.socket) ?? 0) + 1);
    res.once('close', () => {
      const left = (inFlight.get(req.socket) ?? 1) - 1;
      inFlight.set(req.socket, left);
      if (stopping && left === 0) req.socket.end();
    });
  });
  return {
    async stop(timeoutMs) {
      if (!server.listening) return;
      // net.Server's close: stops accepting, leaves the open connections alone (http's would end idle ones).
      const closed = new Promise<void>((resolve) => net.Server.prototype.close.call(server, () => resolve()));
      await new Promise((resolve) => setTimeout(resolve, Math.min(ARRIVAL_GRACE_MS, timeoutMs)));
      stopping = true;
      // Idle between requests: ended now. Not yet used: its first request is on its way (ended once answered).
      for (const [socket, requests] of inFlight) if (requests === 0 && served.has(socket)) socket.end();
      const unused = setTimeout(
        () => {
          for (const [socket, requests] of inFlight) if (requests === 0) socket.end();
        },
        Math.max(0, Math.min(FIRST_REQUEST_GRACE_MS, timeoutMs) - ARRIVAL_GRACE_MS),
      );
      unused.unref();
      const timer = setTimeout(() => {
        for (const socket of inFlight.keys()) socket.destroy();
      }, timeoutMs);
      timer.unref();
      await closed;
      clearTimeout(unused);
      clearTimeout(timer);
    },
  };
}
