import { GcdsButton } from '@cdssnc/gcds-components-react';
import { useState } from 'react';

interface Paged {
  edges: readonly unknown[];
}

/**
 * A business's list after "Show more": `previous` with the edges of the page `next` read appended under
 * `business[key]` (the connection's page info and count are the newer page's).
 */
export function appendBusinessPage<
  K extends string,
  Q extends { business?: ({ [P in K]?: Paged | null } & object) | null },
>(key: K, previous: Q, next: Q): Q {
  const before = previous.business?.[key];
  const after = next.business?.[key];
  if (!previous.business || !before || !after) return previous;
  return {
    ...previous,
    business: { ...previous.business, [key]: { ...after, edges: [...before.edges, ...after.edges] } },
  };
}

/** "Show more" under a list read page by page: disabled while the next page is on its way. */
export function ShowMoreButton({ label, more }: { label: string; more: () => Promise<unknown> }) {
  const [busy, setBusy] = useState(false);
  return (
    <GcdsButton
      type="button"
      buttonRole="secondary"
      disabled={busy}
      onClick={() => {
        setBusy(true);
        void more().finally(() => setBusy(false));
      }}
    >
      {label}
    </GcdsButton>
  );
}
