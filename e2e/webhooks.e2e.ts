import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { arriveAt, hasChromium, launchChromium } from './support/browser.js';
import {
  demoBusiness,
  password,
  personThroughApi,
  registerBusinessThroughApi,
  uniqueUsername,
} from './support/business-api.js';
import { startServer, type ServerProcess } from './support/server-process.js';

// A BAM registers a webhook endpoint, sends it a test event, sees the delivery and resends it, in both
// languages, with axe on each state. The receiver is the receiver kit (`npm run webhooks:listen`), a real
// process that verifies each signature; the server's worker sends (local targets allowed for the test).

const listen = path.resolve(import.meta.dirname, '../tools/webhooks/webhooks-listen.mjs');

const journeys = {
  en: {
    businessNumber: '345678902',
    bam: { firstName: 'Priya', lastName: 'Sharma' },
    text: {
      username: 'Username',
      password: 'Password',
      signIn: 'Sign in',
      continueToPortal: 'Continue to the portal',
      accept: 'Accept',
      title: 'Webhooks',
      empty: 'Your business has no webhook endpoint yet.',
      url: 'Address of your receiver',
      label: 'Label (optional)',
      register: 'Register the endpoint',
      copied: 'I have copied it',
      test: 'Send a test event to Broker system',
      refresh: 'Refresh deliveries',
      delivered: 'Delivered',
      resend: /^Resend webhook\.test of /,
    },
  },
  fr: {
    businessNumber: '456789013',
    bam: { firstName: 'Geneviève', lastName: 'Leblanc' },
    text: {
      username: "Nom d'utilisateur",
      password: 'Mot de passe',
      signIn: 'Se connecter',
      continueToPortal: 'Continuer vers le portail',
      accept: "J'accepte",
      title: 'Webhooks',
      empty: 'Votre entreprise n’a pas encore de point de terminaison de webhook.',
      url: 'Adresse de votre récepteur',
      label: 'Libellé (facultatif)',
      register: 'Inscrire le point de terminaison',
      copied: 'Je l’ai copié',
      test: 'Envoyer un événement d’essai à Broker system',
      refresh: 'Actualiser les envois',
      delivered: 'Livré',
      resend: /^Renvoyer webhook\.test du /,
    },
  },
} as const;

/** A free local port for the receiver (known before its secret is). */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

interface Received {
  id: string;
  verified: boolean;
  event: { type: string };
}

function receiver(port: number, secret: string): Promise<{ lines: Received[]; child: ChildProcess }> {
  const child = spawn(process.execPath, [listen, '--port', String(port), '--json', '--secret', secret], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: Received[] = [];
  return new Promise((resolve) => {
    createInterface({ input: child.stdout }).on('line', (text) => {
      const line = JSON.parse(text) as Received & { listening?: number };
      if (line.listening !== undefined) resolve({ lines, child });
      else lines.push(line);
    });
  });
}

/** Selects "Refresh" until `count` rows say delivered. */
async function untilDelivered(page: Page, refresh: string, delivered: string, count: number) {
  const deadline = Date.now() + 30_000;
  while ((await page.getByRole('cell', { name: delivered, exact: true }).count()) < count) {
    if (Date.now() > deadline) throw new Error(`fewer than ${count} deliveries shown as delivered`);
    await page.waitForTimeout(500);
    await page.getByRole('button', { name: refresh, exact: true }).click();
  }
}

describe.runIf(hasChromium)('Webhooks in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    server = await startServer({ WEBHOOK_ALLOW_LOCAL_TARGETS: 'true', WEBHOOK_POLL_MS: '200' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const child of children) child.kill();
    await browser?.close();
    await server?.stop();
  });

  describe.each(['en', 'fr'] as const)('in %s', (language) => {
    const journey = journeys[language];
    const t = journey.text;

    it(
      'a BAM registers an endpoint, sends a test event, sees the delivery and resends it',
      { timeout: 300_000 },
      async () => {
        const username = uniqueUsername(`${language}w`);
        const api = await personThroughApi(server.url, username, journey.bam, language);
        await registerBusinessThroughApi(api, demoBusiness(journey.businessNumber));
        const context = await browser.newContext({ locale: language === 'fr' ? 'fr-CA' : 'en-CA' });
        const problems: string[] = [];
        try {
          const page: Page = await context.newPage();
          page.on('pageerror', (error) => problems.push(error.message));
          await page.goto(`${server.url}/${language}/sign-in/gckey`);
          await page.getByRole('textbox', { name: t.username, exact: true }).fill(username);
          await page.getByRole('textbox', { name: t.password, exact: true }).fill(password);
          await page.getByRole('button', { name: t.signIn, exact: true }).click();
          await arriveAt(page, `${server.url}/${language}/welcome`);
          await page.getByRole('link', { name: t.continueToPortal }).click();
          await arriveAt(page, `${server.url}/${language}/terms`);
          await page.getByRole('button', { name: t.accept, exact: true }).click();
          await arriveAt(page, `${server.url}/${language}/welcome`);

          await page.goto(`${server.url}/${language}/business/webhooks`);
          await page.getByRole('heading', { level: 1, name: t.title, exact: true }).waitFor();
          await page.getByText(t.empty, { exact: true }).waitFor();
          await expectNoAxeViolations(page, `${language} webhooks (none yet)`);

          const port = await freePort();
          await page.getByRole('textbox', { name: t.url }).fill(`http://127.0.0.1:${port}/hook`);
          await page.getByRole('textbox', { name: t.label }).fill('Broker system');
          await page.getByText('notice.created', { exact: true }).click();
          await page.getByRole('button', { name: t.register, exact: true }).click();
          const shown = page.getByTestId('webhook-secret');
          await shown.waitFor();
          const secret = (await shown.textContent())?.trim() ?? '';
          expect(secret).toMatch(/^whsec_/);
          await expectNoAxeViolations(page, `${language} webhooks (secret shown)`);
          await page.getByRole('button', { name: t.copied, exact: true }).click();
          await shown.waitFor({ state: 'detached' });
          const { lines, child } = await receiver(port, secret);
          children.push(child);

          await page.getByRole('button', { name: t.test, exact: true }).click();
          await untilDelivered(page, t.refresh, t.delivered, 1);
          await expectNoAxeViolations(page, `${language} webhooks (test event delivered)`);

          await page.getByRole('button', { name: t.resend }).first().click();
          await untilDelivered(page, t.refresh, t.delivered, 2);
          await expectNoAxeViolations(page, `${language} webhooks (resent)`);
          expect(lines.map((l) => [l.event.type, l.verified])).toEqual([
            ['webhook.test', true],
            ['webhook.test', true],
          ]);
          expect(lines[1].id).toBe(lines[0].id);
          expect(problems).toEqual([]);
        } finally {
          await context.close();
        }
      },
    );
  });
});
