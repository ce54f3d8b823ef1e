import { type AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

// A real SMTP server on 127.0.0.1 (the smtp-server package) for the notice email tests: it records every
// message it accepts, and can refuse the first attempts of each message, or hold its answer (a send in
// flight), as a flaky or slow mail server would.

export interface ReceivedMail {
  messageId: string;
  to: string[];
  raw: string;
  subject: string;
  /** The decoded text/plain and text/html parts. */
  text: string;
  html: string;
  headers: Record<string, string>;
}

export interface SmtpSink {
  url: string;
  received: ReceivedMail[];
  /** Refuse (451) the first `n` deliveries of each Message-ID. */
  failFirst(n: number): void;
  /** Refuse every delivery (550) until told otherwise. */
  failAlways(on: boolean): void;
  /** Wait `ms` before answering DATA (the message is in flight meanwhile). */
  holdFor(ms: number): void;
  /** Resolves when a DATA command has started (a send is in flight). */
  nextDelivery(): Promise<void>;
  reset(): void;
  close(): Promise<void>;
}

function decodeWords(value: string): string {
  return value.replace(/=\?UTF-8\?([QB])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(
          text
            .replace(/_/g, ' ')
            .replace(/=([0-9A-F]{2})/gi, (__, hex: string) => String.fromCharCode(parseInt(hex, 16))),
          'latin1',
        ).toString('utf8'),
  );
}

function decodeQuotedPrintable(text: string): string {
  const bytes = text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

function parseHeaders(block: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const at = line.indexOf(':');
    if (at > 0) headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
  }
  return headers;
}

/** The text and HTML parts of a multipart/alternative message as nodemailer writes it. */
function parts(raw: string): { text: string; html: string } {
  const found = { text: '', html: '' };
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(raw)?.[1];
  if (!boundary) return found;
  for (const part of raw.split(`--${boundary}`)) {
    const split = part.search(/\r?\n\r?\n/);
    if (split < 0) continue;
    const headers = parseHeaders(part.slice(0, split));
    let body = part.slice(split).replace(/^\r?\n\r?\n/, '');
    if (/quoted-printable/i.test(headers['content-transfer-encoding'] ?? ''))
      body = decodeQuotedPrintable(body);
    else if (/base64/i.test(headers['content-transfer-encoding'] ?? ''))
      body = Buffer.from(body.replace(/\s/g, ''), 'base64').toString('utf8');
    body = body.replace(/\r\n/g, '\n');
    if (/text\/plain/i.test(headers['content-type'] ?? '')) found.text = body.trim();
    if (/text\/html/i.test(headers['content-type'] ?? '')) found.html = body.trim();
  }
  return found;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  const attempts = new Map<string, number>();
  let failures = 0;
  let always = false;
  let hold = 0;
  let waiting: Array<() => void> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      for (const resolve of waiting) resolve();
      waiting = [];
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const split = raw.search(/\r?\n\r?\n/);
        const headers = parseHeaders(raw.slice(0, split));
        const messageId = headers['message-id'] ?? '';
        const seen = (attempts.get(messageId) ?? 0) + 1;
        attempts.set(messageId, seen);
        const answer = () => {
          if (always) {
            const error = new Error('Mailbox unavailable') as Error & { responseCode: number };
            error.responseCode = 550;
            return callback(error);
          }
          if (seen <= failures) {
            const error = new Error('Try again later') as Error & { responseCode: number };
            error.responseCode = 451;
            return callback(error);
          }
          received.push({
            messageId,
            to: session.envelope.rcptTo.map((r) => r.address),
            raw,
            subject: decodeWords(headers.subject ?? ''),
            headers,
            ...parts(raw),
          });
          callback();
        };
        if (hold > 0) setTimeout(answer, hold);
        else answer();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    failFirst: (n) => {
      failures = n;
    },
    failAlways: (on) => {
      always = on;
    },
    holdFor: (ms) => {
      hold = ms;
    },
    nextDelivery: () => new Promise((resolve) => waiting.push(resolve)),
    reset() {
      received.length = 0;
      attempts.clear();
      failures = 0;
      always = false;
      hold = 0;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
