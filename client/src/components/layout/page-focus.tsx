import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';

/**
 * How long a new page may take to show its heading (a page that waits for its query, a slow machine) before
 * we give up. Long, because waiting costs nothing to a person who moved on: focus is then left alone.
 */
export const headingWaitMs = 10_000;

/** The page's `<h1>`: a GCDS heading (its `<h1>` sits in its shadow root) or a plain one. */
function pageHeading(root: ParentNode): HTMLElement | null {
  const gcds = [...root.querySelectorAll<HTMLElement & { tag?: string }>('gcds-heading')].find(
    (heading) => heading.tag === 'h1' || heading.getAttribute('tag') === 'h1',
  );
  return gcds ?? root.querySelector<HTMLElement>('h1');
}

/**
 * A single-page app does not load pages, so the browser neither moves focus nor tells a screen reader
 * that the page changed: focus would stay on the link that was followed, or drop to the body, and the
 * next Tab would land in the footer. On every change of path (not of query: a filter or a page of a
 * list is the same page), focus moves to the new page's `<h1>` and its title is announced, as
 * accessible single-page apps do (portal issue, defect 4). The first page load is the browser's own.
 */
export function PageFocus({ within }: { within: string }) {
  const { pathname } = useLocation();
  const firstPath = useRef(pathname);
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    if (pathname === firstPath.current) return;
    firstPath.current = '';
    let timer: number | undefined;
    const started = Date.now();
    // What had focus when the page changed (the followed link, or the body once it went).
    const before = document.activeElement;
    const focusHeading = () => {
      // The person clicked or tabbed somewhere meanwhile: their focus is theirs (as focusWhenReady).
      const now = document.activeElement;
      if (now && now !== before && now !== document.body) return;
      const root = document.getElementById(within);
      const heading = root ? pageHeading(root) : null;
      if (heading) {
        // Focusable by script only: the heading is not a stop in the Tab order.
        if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
        heading.focus();
        if (document.activeElement === heading) {
          setAnnouncement(document.title);
          return;
        }
      }
      // No heading yet, or one that cannot take focus yet: a GCDS heading stays hidden until Stencil has
      // drawn it (`.hydrated`, global.css), and a hidden element ignores focus(). On a loaded machine that
      // comes well after the page's commit; try again until it shows.
      if (Date.now() - started < headingWaitMs) timer = window.setTimeout(focusHeading, 50);
    };
    // After the new page's own effects (its document title among them).
    timer = window.setTimeout(focusHeading, 0);
    return () => window.clearTimeout(timer);
  }, [pathname, within]);

  // A polite live region, present before it speaks (a region added with its text is often not read). No
  // `status` role: the page's own status messages (loading, results) keep theirs to themselves.
  return (
    <p className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="page-announcer">
      {announcement}
    </p>
  );
}
