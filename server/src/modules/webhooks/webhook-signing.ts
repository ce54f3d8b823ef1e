import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

// The Standard Webhooks scheme (https://www.standardwebhooks.com): a secret `whsec_<base64 key>`, and on
// every request `webhook-id`, `webhook-timestamp` (Unix seconds) and `webhook-signature`
// `v1,<base64 HMAC-SHA256(key, "<id>.<timestamp>.<body>")>`. Receivers' libraries for this scheme work as is.

export const SECRET_PREFIX = 'whsec_';

/** A new signing secret: 24 random bytes. */
export function newSigningSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(24).toString('base64')}`;
}

/** The `webhook-signature` value of a message. */
export function signature(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

/**
 * Whether a `webhook-signature` header (space-separated `v1,<sig>` values) holds this message's signature
 * and the timestamp is within `toleranceS` of now (replays of old messages refused).
 */
export function verifySignature(
  secret: string,
  headers: { id: string; timestamp: string; signature: string },
  body: string,
  nowS = Math.floor(Date.now() / 1000),
  toleranceS = 300,
): boolean {
  const timestamp = Number(headers.timestamp);
  if (!Number.isInteger(timestamp) || Math.abs(nowS - timestamp) > toleranceS) return false;
  const expected = Buffer.from(signature(secret, headers.id, timestamp, body));
  return headers.signature
    .split(' ')
    .some(
      (candidate) =>
        candidate.length === expected.length && timingSafeEqual(Buffer.from(candidate), expected),
    );
}

/** The AES-256 key that encrypts secrets at rest, from WEBHOOK_SECRET_KEY or the identity secret. */
export function secretsKey(material: Buffer | string): Buffer {
  return createHash('sha256').update('passerelle-webhook-secrets\n').update(material).digest();
}

/** AES-256-GCM: `iv.tag.ciphertext`, base64url. */
export function encryptSecret(key: Buffer, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const text = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), text].map((b) => b.toString('base64url')).join('.');
}

export function decryptSecret(key: Buffer, stored: string): string {
  const [iv, tag, text] = stored.split('.').map((part) => Buffer.from(part, 'base64url'));
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(text), decipher.final()]).toString('utf8');
}
