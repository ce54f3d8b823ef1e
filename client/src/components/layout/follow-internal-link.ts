import { type MouseEvent } from 'react';
import { type NavigateFunction } from 'react-router';
import { languageOfPath } from '../../lib/language';

/**
 * GCDS links, buttons and the language toggle render a plain `<a>` inside their shadow root, so a
 * click would reload the whole app. One click handler on the layout turns plain clicks on links to
 * portal pages into client-side navigation and leaves everything else to the browser.
 */
export function followInternalLink(event: MouseEvent<HTMLElement>, navigate: NavigateFunction): void {
  if (event.defaultPrevented || event.button !== 0) return;
  // Modified clicks open new tabs or windows: the browser's job.
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const anchor = event.nativeEvent
    .composedPath()
    .find((target): target is HTMLAnchorElement => target instanceof HTMLAnchorElement);
  if (!anchor?.href || (anchor.target && anchor.target !== '_self') || anchor.hasAttribute('download'))
    return;

  const url = new URL(anchor.href);
  if (url.origin !== window.location.origin || !languageOfPath(url.pathname)) return;
  // A fragment on the same page (the skip link) stays native: the browser also moves focus there.
  const samePage = url.pathname === window.location.pathname && url.search === window.location.search;
  if (samePage && url.hash) return;

  event.preventDefault();
  void navigate(`${url.pathname}${url.search}${url.hash}`);
}
