import { createHmac, randomBytes } from 'node:crypto';
import { type DataSource } from 'typeorm';
import { type AppConfig } from '../../config/env.js';
import { normalizeUsername } from '../../common/rules/credential-rules.js';
import { ServerSecret } from './server-secret.entity.js';

const IDENTITY_SECRET = 'identity-hmac';
const cache = new WeakMap<DataSource, Promise<Buffer>>();

/**
 * The key of the identity HMACs: AUTH_SECRET when set, else a random 32-byte secret created on first use and
 * kept in the database, so every process and restart agrees (an answer that changed across restarts would
 * tell an unknown username from a known one). Throws nothing of its own.
 */
export function identitySecret(dataSource: DataSource, config: AppConfig): Promise<Buffer> {
  if (config.identity.secret) return Promise.resolve(Buffer.from(config.identity.secret, 'utf8'));
  let secret = cache.get(dataSource);
  if (!secret) {
    secret = loadOrCreateSecret(dataSource, config.now());
    cache.set(dataSource, secret);
    // A failure (database down) must not stick: the next request tries again.
    secret.catch(() => cache.delete(dataSource));
  }
  return secret;
}

async function loadOrCreateSecret(dataSource: DataSource, now: Date): Promise<Buffer> {
  const repository = dataSource.getRepository(ServerSecret);
  // INSERT OR IGNORE / INSERT IGNORE: when two processes start together, the first one's secret wins.
  await repository
    .createQueryBuilder()
    .insert()
    .values({ name: IDENTITY_SECRET, value: randomBytes(32).toString('base64url'), createdAt: now })
    .orIgnore()
    .execute();
  const row = await repository.findOneByOrFail({ name: IDENTITY_SECRET });
  return Buffer.from(row.value, 'base64url');
}

/** HMAC-SHA256 (hex) of a normalised username and a purpose, e.g. the throttling key of a username. */
export function usernameDigest(secret: Buffer, purpose: string, username: string): string {
  return createHmac('sha256', secret)
    .update(`${purpose}\n${normalizeUsername(username)}`)
    .digest('hex');
}
