import { useLayoutEffect } from 'react';

/**
 * Sets the browser tab's title, which screen readers also announce when the page changes. In a layout
 * effect, with the page's own commit: Preact runs plain effects a frame later (docs/decisions/0053), and a
 * page whose heading shows must already have its title.
 */
export function useDocumentTitle(title: string): void {
  useLayoutEffect(() => {
    document.title = title;
  }, [title]);
}
