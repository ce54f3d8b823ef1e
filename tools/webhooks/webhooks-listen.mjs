#!/usr/bin/env node
// A local webhook receiver for trials (`npm run webhooks:listen -- --secret whsec_...`): it verifies each
// request's Standard Webhooks signature (docs/api.md "Verifying a signature") and prints one line per event.
// No dependency. Options: --port (default 4010, 0 for any), --secret (or WEBHOOK_SECRET), --json (one JSON
// line per request, for scripts and tests), --fail N (answer 500 to the first N requests), --slow N and
// --slow-ms MS (answer the first N requests only after MS milliseconds, to try the sender's timeouts).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';

const print = (text) => process.stdout.write(`${text}\n`);

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4010' },
    host: { type: 'string', default: '127.0.0.1' },
    secret: { type: 'string', default: process.env.WEBHOOK_SECRET ?? '' },
    json: { type: 'boolean', default: false },
    fail: { type: 'string', default: '0' },
    slow: { type: 'string', default: '0' },
    'slow-ms': { type: 'string', default: '0' },
  },
});
if (!values.secret.startsWith('whsec_')) {
  console.error('Give the endpoint’s secret: --secret whsec_... (or WEBHOOK_SECRET).');
  process.exit(2);
}

/** The Standard Webhooks check: HMAC-SHA256 of "id.timestamp.body" with the secret's base64 key. */
function verify(secret, headers, body) {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  const signatures = headers['webhook-signature'] ?? '';
  if (!id || !timestamp || Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false;
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const expected = Buffer.from(
    `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`,
  );
  return signatures
    .split(' ')
    .some((s) => s.length === expected.length && timingSafeEqual(Buffer.from(s), expected));
}

let received = 0;
const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const n = ++received;
    const body = Buffer.concat(chunks).toString('utf8');
    const verified = verify(values.secret, req.headers, body);
    let event = null;
    try {
      event = JSON.parse(body);
    } catch {
      // printed as unparsable below
    }
    const status = !verified ? 401 : n <= Number(values.fail) ? 500 : 204;
    const line = { n, at: new Date().toISOString(), id: req.headers['webhook-id'], verified, status, event };
    if (values.json) print(JSON.stringify(line));
    else
      print(
        `${line.at} ${verified ? 'verified' : 'BAD SIGNATURE'} ${event?.type ?? '?'} ${line.id} → ${status}\n${JSON.stringify(event?.data ?? body, null, 2)}`,
      );
    const answer = () => res.writeHead(status).end();
    if (n <= Number(values.slow)) setTimeout(answer, Number(values['slow-ms']));
    else answer();
  });
});
server.listen(Number(values.port), values.host, () => {
  const { port } = server.address();
  if (values.json) print(JSON.stringify({ listening: port }));
  else print(`Listening on http://${values.host}:${port}/ (Ctrl+C to stop)`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
