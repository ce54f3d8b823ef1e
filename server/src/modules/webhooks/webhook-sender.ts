import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP } from 'node:net';

// The webhook sender's guard against server-side request forgery (decision 0028): a business must not make
// the portal call its own network. The host is resolved and every address checked before connecting, and
// the connection goes to the checked address (the lookup hook pins it: no second resolution to rebind).
// No redirects are followed, the whole request has one deadline, and at most 64 KiB of the answer is read.

const blocked = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  blocked.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  blocked.addSubnet(net, bits, 'ipv6');

/** Whether an IP address is private, loopback, link-local, reserved or multicast (IPv4-mapped IPv6 too). */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return isPrivateAddress(mapped[1]);
  const family = isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family === 6) return blocked.check(address, 'ipv6');
  return true;
}

/** Why a send failed before any answer, as stored on the delivery (no addresses: they stay in the logs). */
export class SendError extends Error {
  constructor(readonly code: 'BLOCKED_ADDRESS' | 'DNS' | 'TIMEOUT' | 'CONNECTION' | 'TOO_LARGE') {
    super(code);
  }
}

export interface SendOptions {
  timeoutMs: number;
  /** Loopback and private addresses allowed (development, tests). */
  allowLocal: boolean;
}

const MAX_READ = 64 * 1024;

/** Host name of a URL without IPv6 brackets. */
function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/** POSTs the body; answers the HTTP status (a 3xx is an answer, never followed). Throws SendError. */
export function postWebhook(
  target: string,
  headers: Record<string, string>,
  body: string,
  options: SendOptions,
): Promise<number> {
  const url = new URL(target);
  const host = hostOf(url);
  if (isIP(host) && !options.allowLocal && isPrivateAddress(host))
    return Promise.reject(new SendError('BLOCKED_ADDRESS'));
  const guardedLookup = (
    hostname: string,
    lookupOptions: { all?: boolean },
    callback: (
      error: NodeJS.ErrnoException | null,
      address: string | LookupAddress[],
      family?: number,
    ) => void,
  ) => {
    dnsLookup(hostname, { all: true }, (error, addresses) => {
      if (error || addresses.length === 0) return callback(new SendError('DNS'), '', 0);
      // Every address must be public: a name that answers one public and one private address is refused.
      if (!options.allowLocal && addresses.some((a) => isPrivateAddress(a.address)))
        return callback(new SendError('BLOCKED_ADDRESS'), '', 0);
      if (lookupOptions.all) return callback(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise<number>((resolve, reject) => {
    let settled = false;
    const finish = (error: Error | null, status?: number) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      if (error) reject(error);
      else resolve(status!);
    };
    const request = transport.request(
      url,
      {
        method: 'POST',
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
        lookup: guardedLookup,
        agent: false,
      },
      (response) => {
        let read = 0;
        response.on('data', (chunk: Buffer) => {
          read += chunk.length;
          // The answer's body says nothing we keep: read a bounded part so the connection can end, no more.
          if (read > MAX_READ) {
            response.destroy();
            finish(null, response.statusCode ?? 0);
          }
        });
        response.on('end', () => finish(null, response.statusCode ?? 0));
        response.on('error', () => finish(null, response.statusCode ?? 0));
      },
    );
    const deadline = setTimeout(() => {
      request.destroy();
      finish(new SendError('TIMEOUT'));
    }, options.timeoutMs);
    request.on('error', (error) => finish(error instanceof SendError ? error : new SendError('CONNECTION')));
    request.end(body);
  });
}
