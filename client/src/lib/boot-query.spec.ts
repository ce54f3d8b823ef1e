import { ApolloClient } from '@apollo/client';
import { MockLink } from '@apollo/client/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type ViewerQuery, ViewerDocument } from '../generated/graphql';
import persistedDocumentIds from '../generated/persisted-document-ids.json';
import { viewer } from '../test/render-route';
import { createCache } from './apollo-client';
import { BootQuery } from './boot-query';

const me = viewer();

function answer(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** A fetch that answers when told to. */
function heldFetch() {
  let release: (response: Response) => void = () => undefined;
  const send = vi.fn(
    () =>
      new Promise<Response>((resolve) => {
        release = resolve;
      }),
  );
  return { send, release: (response: Response) => release(response) };
}

function clientWith(mocks: MockLink.MockedResponse[] = []) {
  return new ApolloClient({
    cache: createCache(),
    link: new MockLink(mocks, { defaultOptions: { delay: 0 } }),
  });
}

afterEach(() => window.history.replaceState(null, '', '/'));

describe('a boot query (docs/decisions/0061)', () => {
  it('asks once by fetch, with the persisted id and the text Apollo Client would send, in the URL’s language', async () => {
    window.history.replaceState(null, '', '/fr/');
    const send = vi.fn(() => Promise.resolve(answer({ data: { me } })));
    const query = new BootQuery<ViewerQuery>('Viewer', send);
    const seen = vi.fn();
    query.subscribe(seen);
    query.ask();
    await vi.waitFor(() =>
      expect(query.current()).toEqual({ data: { me }, loading: false, error: undefined }),
    );
    expect(send).toHaveBeenCalledTimes(1);
    expect(seen).toHaveBeenCalled();
    const [url, init] = send.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/graphql');
    expect(new Headers(init.headers).get('Accept-Language')).toBe('fr');
    const body = JSON.parse(init.body as string) as {
      query: string;
      extensions: { persistedDocumentId: string };
    };
    expect(body.extensions.persistedDocumentId).toBe(persistedDocumentIds.Viewer);
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(body.query));
    expect(Buffer.from(digest).toString('hex')).toBe(persistedDocumentIds.Viewer);
  });

  it('reports an error, without data, when the server refuses or answers errors', async () => {
    const refused = new BootQuery<ViewerQuery>('Viewer', () =>
      Promise.resolve(answer({ errors: [{ message: 'no' }] }, 400)),
    );
    refused.ask();
    await vi.waitFor(() => expect(refused.current().loading).toBe(false));
    expect(refused.current().data).toBeUndefined();
    expect(refused.current().error).toBeInstanceOf(Error);
    const failed = new BootQuery<ViewerQuery>('Viewer', () => Promise.reject(new TypeError('offline')));
    failed.ask();
    await vi.waitFor(() => expect(failed.current().error?.message).toBe('offline'));
  });

  it('hands its answer to Apollo Client, then follows the cache there (a sign-out reaches the frame)', async () => {
    const query = new BootQuery<ViewerQuery>('Viewer', () => Promise.resolve(answer({ data: { me } })));
    query.ask();
    await vi.waitFor(() => expect(query.current().data).toEqual({ me }));
    const client = clientWith();
    query.follow(client, ViewerDocument, { seed: true });
    expect(client.readQuery({ query: ViewerDocument })).toEqual({ me });
    await vi.waitFor(() => expect(query.current()).toMatchObject({ data: { me }, loading: false }));
    client.writeQuery({ query: ViewerDocument, data: { me: null } });
    await vi.waitFor(() => expect(query.current().data).toEqual({ me: null }));
  });

  it('lets Apollo Client’s answer stand over a fetch still on its way', async () => {
    const held = heldFetch();
    const query = new BootQuery<ViewerQuery>('Viewer', held.send);
    query.ask();
    const client = clientWith([{ request: { query: ViewerDocument }, result: { data: { me: null } } }]);
    query.follow(client, ViewerDocument, { seed: true });
    await vi.waitFor(() => expect(query.current()).toMatchObject({ data: { me: null }, loading: false }));
    held.release(answer({ data: { me } }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(query.current().data).toEqual({ me: null });
  });

  it('asks nothing until something reads it, even once it follows a client', async () => {
    const send = vi.fn(() => Promise.resolve(answer({ data: { me } })));
    const query = new BootQuery<ViewerQuery>('Viewer', send);
    const client = clientWith([{ request: { query: ViewerDocument }, result: { data: { me } } }]);
    const watch = vi.spyOn(client, 'watchQuery');
    query.follow(client, ViewerDocument, { seed: true });
    expect(watch).not.toHaveBeenCalled();
    const stop = query.subscribe(() => undefined);
    await vi.waitFor(() => expect(query.current().data).toEqual({ me }));
    expect(send).not.toHaveBeenCalled();
    stop();
  });
});
