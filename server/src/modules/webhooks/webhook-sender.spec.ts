import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPrivateAddress, postWebhook, SendError } from './webhook-sender.js';
import { signature, verifySignature } from './webhook-signing.js';
import { urlProblem } from './webhooks.service.js';

// The sender's guard against server-side request forgery, against a real local server: outside development
// loopback is refused before any connection (by literal address and by a name that resolves to it), redirects
// are answers not followed, and a slow answer is cut at the deadline.

let server: Server;
let port = 0;
let hits = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    hits++;
    if (req.url === '/redirect') res.writeHead(302, { location: 'http://169.254.169.254/' }).end();
    else if (req.url === '/slow') setTimeout(() => res.writeHead(200).end(), 500);
    else if (req.url === '/big') res.writeHead(200).end(Buffer.alloc(1024 * 1024));
    else res.writeHead(204).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const guarded = { timeoutMs: 300, allowLocal: false };
const open = { timeoutMs: 300, allowLocal: true };

describe('webhook sender', () => {
  it('classifies private, loopback, link-local and reserved addresses', () => {
    for (const a of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '0.0.0.0',
      '100.64.0.1',
      '::1',
      'fe80::1',
      'fd00::1',
      '::ffff:127.0.0.1',
    ])
      expect(isPrivateAddress(a), a).toBe(true);
    for (const a of ['8.8.8.8', '142.250.65.78', '2001:4860:4860::8888'])
      expect(isPrivateAddress(a), a).toBe(false);
  });

  it('refuses loopback by literal address and by a name that resolves to it, before connecting', async () => {
    const before = hits;
    await expect(postWebhook(`http://127.0.0.1:${port}/`, {}, '{}', guarded)).rejects.toEqual(
      new SendError('BLOCKED_ADDRESS'),
    );
    await expect(postWebhook(`http://localhost:${port}/`, {}, '{}', guarded)).rejects.toMatchObject({
      code: 'BLOCKED_ADDRESS',
    });
    await expect(postWebhook(`http://[::1]:${port}/`, {}, '{}', guarded)).rejects.toMatchObject({
      code: 'BLOCKED_ADDRESS',
    });
    expect(hits).toBe(before);
    // With the explicit setting (tests, development), the same target is reached.
    expect(await postWebhook(`http://localhost:${port}/`, {}, '{}', open)).toBe(204);
  });

  it('does not follow a redirect, cuts a slow answer at the deadline, reads a bounded answer', async () => {
    expect(await postWebhook(`http://127.0.0.1:${port}/redirect`, {}, '{}', open)).toBe(302);
    await expect(postWebhook(`http://127.0.0.1:${port}/slow`, {}, '{}', open)).rejects.toMatchObject({
      code: 'TIMEOUT',
    });
    expect(await postWebhook(`http://127.0.0.1:${port}/big`, {}, '{}', open)).toBe(200);
  });

  it('refuses registration URLs outside https and public addresses unless local targets are allowed', () => {
    const code = (url: string, allow = false) => urlProblem(url, allow)?.code ?? null;
    expect(code('https://hooks.example.com/passerelle')).toBeNull();
    expect(code('http://hooks.example.com/')).toBe('HTTPS_REQUIRED');
    expect(code('https://127.0.0.1/')).toBe('PRIVATE_ADDRESS');
    expect(code('https://10.0.0.5/')).toBe('PRIVATE_ADDRESS');
    expect(code('https://[::1]/')).toBe('PRIVATE_ADDRESS');
    expect(code('https://169.254.169.254/latest/meta-data')).toBe('PRIVATE_ADDRESS');
    expect(code('https://localhost/')).toBe('PRIVATE_ADDRESS');
    expect(code('https://user:pw@hooks.example.com/')).toBe('INVALID');
    expect(code('not a url')).toBe('INVALID');
    expect(code(`https://x.example/${'a'.repeat(1980)}`)).toBeNull();
    expect(code(`https://x.example/${'a'.repeat(1990)}`)).toBe('TOO_LONG');
    expect(code('http://127.0.0.1:4010/', true)).toBeNull();
  });

  it('signs as Standard Webhooks and verifies within the tolerance only', () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    // The scheme's published example (standardwebhooks.com, libraries' test vectors).
    const id = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
    const ts = 1614265330;
    const body = '{"test": 2432232314}';
    expect(signature(secret, id, ts, body)).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
    const headers = { id, timestamp: String(ts), signature: `v1,bogus ${signature(secret, id, ts, body)}` };
    expect(verifySignature(secret, headers, body, ts + 10)).toBe(true);
    expect(verifySignature(secret, headers, `${body} `, ts + 10)).toBe(false);
    expect(verifySignature(secret, headers, body, ts + 301)).toBe(false);
  });
});
