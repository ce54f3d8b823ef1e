import { type DataSource } from 'typeorm';
import { type StandingSource } from '../common/auth/access-directive.js';
import { type AppConfig } from '../config/env.js';
import { type Logger } from '../common/logger.js';
import { type Language } from '../common/i18n/language.js';
import { translate, type MessageKey, type MessageParams } from '../common/i18n/messages.js';
import { createStandingSource } from '../modules/access/standing-source.js';
import { type RequestSession } from '../modules/sessions/request-session.js';

/** Who is calling, as far as the HTTP layer knows. Never logged. */
export interface ClientInfo {
  /** req.ip: the socket address, or X-Forwarded-For's from a loopback proxy ('trust proxy' in http.ts). */
  ipAddress: string | null;
  userAgent: string | null;
}

/**
 * What every resolver receives. Built once per request. The per-request DataLoaders are not fields here:
 * each module keeps its own in a WeakMap keyed by this object (e.g. business-loaders.ts), so they die with it.
 */
export interface AppContext {
  requestId: string;
  lang: Language;
  log: Logger;
  config: AppConfig;
  dataSource: DataSource;
  client: ClientInfo;
  /** The request's session, loaded once before execution by the session plugin. */
  session: RequestSession;
  /** A server message in the caller's language. */
  t: (key: MessageKey, params?: MessageParams) => string;
  /** The caller's standing toward businesses, for `@access` (loaded once per business per request). */
  access: StandingSource;
}

/**
 * What an owner reader needs (common/auth's OwnerReader): the database and the caller's standings. The REST
 * routes that serve a business's data give their readers this much (modules/access/http-access.ts).
 */
export type OwnerContext = Pick<AppContext, 'dataSource' | 'access'>;

export function createContext(input: Omit<AppContext, 't' | 'access'>): AppContext {
  let access: StandingSource | undefined;
  return {
    ...input,
    t: (key, params) => translate(input.lang, key, params),
    // Made on first use (the same one for the whole request): a request that decides nothing builds no loader.
    get access() {
      return (access ??= createStandingSource(input.dataSource, input.session));
    },
  };
}
