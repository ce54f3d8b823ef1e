/** A connection page as the app selects it: `edges { node { … } }` (decision 0017). */
export interface NodesOf<T> {
  readonly edges: ReadonlyArray<{ readonly node: T }>;
}

/**
 * The nodes of a connection page. The app asks for the first 100 (the server's most per page), which
 * covers every list it shows today; a denied (null) connection reads as no nodes.
 */
export function nodes<T>(connection: NodesOf<T> | null | undefined): T[] {
  return connection?.edges.map((edge) => edge.node) ?? [];
}

/** The node type of a (possibly null) connection page type. */
export type NodeOf<C> = NonNullable<C> extends NodesOf<infer T> ? T : never;

/**
 * A top-level list after "Show more": the newer page under `query[key]` (its page info and count) with the
 * edges read before it in front. Give it to `fetchMore` as `updateQuery`.
 */
export function appendConnectionPage<K extends string>(key: K) {
  return <Q extends { [P in K]: { edges: readonly unknown[] } }>(
    previous: Q,
    { fetchMoreResult }: { fetchMoreResult: Q },
  ): Q => ({
    ...previous,
    [key]: { ...fetchMoreResult[key], edges: [...previous[key].edges, ...fetchMoreResult[key].edges] },
  });
}
