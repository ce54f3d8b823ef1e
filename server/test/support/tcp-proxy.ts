import net from 'node:net';

export interface TcpProxy {
  port: number;
  /** Drops every open connection and refuses new ones, as a database outage would. */
  cut(): void;
  restore(): void;
  /**
   * Stops passing bytes either way without closing anything, as a frozen database or a silent network
   * does: open connections hang, new ones are accepted and hang before reaching the server.
   */
  freeze(): void;
  /** Passes bytes again, the held ones included. */
  thaw(): void;
  close(): Promise<void>;
}

/** A loopback TCP proxy to a real server, so a test can take the database away and bring it back. */
export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  const held: net.Socket[] = [];
  let refusing = false;
  let frozen = false;

  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  };
  const join = (client: net.Socket) => {
    const upstream = net.connect(targetPort, targetHost);
    track(upstream);
    for (const s of [client, upstream])
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream).pipe(client);
    if (frozen) {
      client.pause();
      upstream.pause();
    }
  };
  const server = net.createServer((client) => {
    if (refusing) {
      client.destroy();
      return;
    }
    track(client);
    if (frozen) {
      client.on('error', () => client.destroy());
      client.pause();
      held.push(client);
      return;
    }
    join(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    cut() {
      refusing = true;
      for (const s of sockets) s.destroy();
      held.length = 0;
    },
    restore() {
      refusing = false;
    },
    freeze() {
      frozen = true;
      for (const s of sockets) s.pause();
    },
    thaw() {
      frozen = false;
      for (const s of sockets) s.resume();
      for (const client of held.splice(0)) if (!client.destroyed) join(client);
    },
    close() {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
