import { type AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appModules } from './modules.js';
import { requestDeadline, transferPathsOf } from './request-deadline.js';

// Routes that carry files (uploads, downloads) take TRANSFER_TIMEOUT_MS, every other request REQUEST_TIMEOUT_MS.
// The message attachments once had the 15 s default: a 15 MB upload on a loaded machine was cut mid-body
// (ECONNRESET in messaging.spec's size bound).
describe('request deadline', () => {
  let url = '';
  let close: () => Promise<void>;

  beforeAll(async () => {
    const app = express();
    app.use((req, _res, next) => {
      // requestDeadline logs through the request's logger.
      (req as unknown as { log: { warn(): void } }).log = { warn: () => undefined };
      next();
    });
    app.use(requestDeadline({ defaultMs: 100, transferMs: 5_000 }, transferPathsOf(appModules)));
    app.use((_req, res) => {
      setTimeout(() => {
        if (!res.headersSent) res.status(200).json({ ok: true });
      }, 400);
    });
    const server = app.listen(0);
    await new Promise((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise((resolve) => server.close(() => resolve()));
  });
  afterAll(() => close());

  it.each([
    ['POST', '/api/documents'],
    ['GET', '/api/documents/7'],
    ['POST', '/api/messaging/attachments'],
    ['GET', '/api/messaging/attachments/7'],
    ['GET', '/api/messaging/attachments/letters/7'],
    ['GET', '/api/exports/7/download'],
  ])('%s %s carries a file: the transfer deadline', async (method, path) => {
    expect((await fetch(`${url}${path}`, { method })).status).toBe(200);
  });

  it.each([
    ['POST', '/graphql'],
    ['GET', '/api/exports'],
  ])('%s %s does not: the request deadline', async (method, path) => {
    expect((await fetch(`${url}${path}`, { method })).status).toBe(503);
  });
});
