import { useEffect } from 'react';

/** Sets the browser tab's title, which screen readers also announce when the page changes. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title;
  }, [title]);
}
