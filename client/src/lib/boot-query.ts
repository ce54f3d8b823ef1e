import { type ApolloClient, type TypedDocumentNode } from '@apollo/client';
import { useSyncExternalStore } from 'react';
import bootDocuments from '../generated/boot-documents.json';
import { type PortalInfoQuery, type ViewerQuery } from '../generated/graphql';
import { languageOfPath } from './language';

/** What a component reads of a boot query: as Apollo Client's `useQuery` gives it. */
export interface BootSnapshot<TData> {
  data: TData | undefined;
  loading: boolean;
  error: Error | undefined;
}

type BootName = keyof typeof bootDocuments;
/** The boot queries take no variables (codegen's type for an operation without any). */
type NoVariables = { [key: string]: never };

/**
 * A query of the first page (who is signed in, the landing page's portal information) that works before
 * Apollo Client is loaded, and follows Apollo Client's cache once it is (docs/decisions/0061). Apollo
 * Client, its cache and graphql-js were a third of the first page's script and of its main-thread time;
 * a visitor's first page needs only these two answers. Until Apollo is loaded, the query is one `fetch`
 * with the operation's persisted id and text (the same bytes Apollo sends, so trusted documents accept it),
 * in the URL's language. Once `follow` hands it a client, the answer already here is written to the cache
 * and the query is watched there: a sign-in, a sign-out or a `resetStore` reaches the frame as before.
 * Nothing is asked before something reads the query or `ask` is called.
 */
export class BootQuery<TData> {
  private snapshot: BootSnapshot<TData> = { data: undefined, loading: true, error: undefined };
  private readonly listeners = new Set<() => void>();
  private asked = false;
  private source: { client: ApolloClient; document: TypedDocumentNode<TData, NoVariables> } | undefined;
  private stopWatching: (() => void) | undefined;

  constructor(
    private readonly name: BootName,
    private readonly send: typeof fetch = (...args) => fetch(...args),
  ) {}

  /** Asks the server once (later calls do nothing): through Apollo once it follows a client, else by fetch. */
  ask(): void {
    if (this.asked) return;
    this.asked = true;
    if (this.source) this.watch();
    else void this.fetchOnce();
  }

  /**
   * From now on, the answer is Apollo Client's: `seed` writes the answer already fetched to its cache (the
   * app's one client); without it (a test's new client) the query starts over in that client.
   */
  follow(
    client: ApolloClient,
    document: TypedDocumentNode<TData, NoVariables>,
    { seed }: { seed: boolean },
  ): void {
    this.stopWatching?.();
    this.stopWatching = undefined;
    this.source = { client, document };
    if (seed && this.snapshot.data !== undefined) {
      client.writeQuery({ query: document, data: this.snapshot.data });
    } else if (!seed) {
      this.asked = false;
      this.set({ data: undefined, loading: true, error: undefined });
    }
    if (this.asked) this.watch();
  }

  /** As before anything asked or followed (tests: the specs of one worker share this module, src/test/setup.ts). */
  forgetForTests(): void {
    this.stopWatching?.();
    this.stopWatching = undefined;
    this.source = undefined;
    this.asked = false;
    this.snapshot = { data: undefined, loading: true, error: undefined };
  }

  current(): BootSnapshot<TData> {
    return this.snapshot;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    this.ask();
    return () => this.listeners.delete(listener);
  };

  private set(snapshot: BootSnapshot<TData>): void {
    this.snapshot = snapshot;
    for (const listener of this.listeners) listener();
  }

  private watch(): void {
    if (!this.source || this.stopWatching) return;
    const subscription = this.source.client
      .watchQuery({ query: this.source.document })
      .subscribe((result) =>
        this.set({ data: result.data as TData | undefined, loading: result.loading, error: result.error }),
      );
    this.stopWatching = () => subscription.unsubscribe();
  }

  private async fetchOnce(): Promise<void> {
    const { id, body } = bootDocuments[this.name];
    let snapshot: BootSnapshot<TData>;
    try {
      const response = await this.send('/graphql', {
        method: 'POST',
        credentials: 'same-origin',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/graphql-response+json, application/json;q=0.9',
          // The server answers in the URL's language, as Apollo's language link asks (apollo-client.ts).
          'Accept-Language': languageOfPath(window.location.pathname) ?? 'en',
        },
        body: JSON.stringify({
          operationName: this.name,
          variables: {},
          extensions: { persistedDocumentId: id },
          query: body,
        }),
      });
      const answer = (await response.json()) as { data?: TData | null; errors?: unknown[] };
      snapshot =
        response.ok && answer.data && !answer.errors?.length
          ? { data: answer.data, loading: false, error: undefined }
          : { data: undefined, loading: false, error: new Error(`${this.name}: HTTP ${response.status}`) };
    } catch (error) {
      snapshot = { data: undefined, loading: false, error: error as Error };
    }
    // Apollo Client took over while this was on its way: its answer stands.
    if (!this.source) this.set(snapshot);
  }
}

/** Who is signed in: the frame (menu, inactivity dialog) and the signed-in pages' guard read it. */
export const viewerQuery = new BootQuery<ViewerQuery>('Viewer');

/** The landing page's agency phone and demo personas. */
export const portalInfoQuery = new BootQuery<PortalInfoQuery>('PortalInfo');

/** A boot query's answer in a component, as `useQuery` would give it; asks on first use. */
export function useBootQuery<TData>(query: BootQuery<TData>): BootSnapshot<TData> {
  return useSyncExternalStore(query.subscribe, () => query.current());
}
