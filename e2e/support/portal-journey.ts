import { type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { arriveAt, launchChromium } from './browser.js';
import {
  demoBusiness,
  type DemoBusiness,
  password,
  personThroughApi,
  registerBusinessThroughApi,
  uniqueUsername,
} from './business-api.js';
import { startServer, type ServerProcess } from './server-process.js';
import { type SessionApi } from './session-api.js';

type Language = 'en' | 'fr';

/** What the first sign-in of a journey reads and clicks, in each language. */
const signInText = {
  en: {
    username: 'Username',
    password: 'Password',
    signIn: 'Sign in',
    continueToPortal: 'Continue to the portal',
    accept: 'Accept',
  },
  fr: {
    username: "Nom d'utilisateur",
    password: 'Mot de passe',
    signIn: 'Se connecter',
    continueToPortal: 'Continuer vers le portail',
    accept: "J'accepte",
  },
} as const;

/**
 * One server process and a handle on the worker's Chromium (support/browser.ts) for the file's journeys,
 * taken before and stopped (its contexts closed) after them
 * (`env`: the server's settings, `{ DEMO_WORLD: 'true' }` for a journey that uses the demo world).
 * The getters are read inside the tests, once `beforeAll` has run.
 */
export function serverAndBrowser(env: Record<string, string> = {}): {
  readonly server: ServerProcess;
  readonly browser: Browser;
} {
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer(env);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get server() {
      if (!server) throw new Error('the server is not started yet');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('the browser is not launched yet');
      return browser;
    },
  };
}

/** A browser context in the language's Canadian locale (the server redirects `/` by it). */
export function languageContext(
  browser: Browser,
  language: Language,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  return browser.newContext({ ...options, locale: language === 'fr' ? 'fr-CA' : 'en-CA' });
}

/**
 * A new person (through the API) who registered this demo business and is its business account manager;
 * the browser has not signed in yet.
 */
export async function businessManager(
  serverUrl: string,
  language: Language,
  prefix: string,
  person: { firstName: string; lastName: string },
  businessNumber: string,
): Promise<{ username: string; business: DemoBusiness; api: SessionApi }> {
  const username = uniqueUsername(`${language}${prefix}`);
  const api = await personThroughApi(serverUrl, username, person, language);
  const business = demoBusiness(businessNumber);
  await registerBusinessThroughApi(api, business);
  return { username, business, api };
}

/**
 * Signs in with the GCKey page, continues past the credential's welcome page and accepts the portal's
 * terms, as a person does on a first visit; page errors are collected in `problems`. An agency officer
 * (`officer: true`) has no personal profile to build: the portal sends them on from the terms, elsewhere
 * than the welcome page.
 */
export async function signInFirstTime(
  context: BrowserContext,
  serverUrl: string,
  language: Language,
  username: string,
  problems: string[],
  { secret = password, officer = false }: { secret?: string; officer?: boolean } = {},
): Promise<Page> {
  const t = signInText[language];
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(`${serverUrl}/${language}/sign-in/gckey`);
  await page.getByRole('textbox', { name: t.username, exact: true }).fill(username);
  await page.getByRole('textbox', { name: t.password, exact: true }).fill(secret);
  await page.getByRole('button', { name: t.signIn, exact: true }).click();
  await arriveAt(page, `${serverUrl}/${language}/welcome`);
  await page.getByRole('link', { name: t.continueToPortal }).click();
  await arriveAt(page, `${serverUrl}/${language}/terms`);
  await page.getByRole('button', { name: t.accept, exact: true }).click();
  if (officer) await page.waitForURL((url) => !url.pathname.endsWith('/terms'));
  else await arriveAt(page, `${serverUrl}/${language}/welcome`);
  return page;
}
