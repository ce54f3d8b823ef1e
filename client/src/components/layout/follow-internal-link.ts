import { type KeyboardEvent, type MouseEvent } from 'react';
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

/**
 * A GCDS link-button (`<GcdsButton type="link">`) looks like a button, so people press Space on it as on
 * any button; the `<a>` it renders only answers Enter, and Space would scroll the page instead. Space on
 * one follows the link, as Enter does (portal issue, defect 4).
 */
export function pressLinkButton(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== ' ' || event.defaultPrevented || event.repeat) return;
  const path = event.nativeEvent.composedPath();
  const anchor = path.find((target): target is HTMLAnchorElement => target instanceof HTMLAnchorElement);
  const host = anchor?.getRootNode() instanceof ShadowRoot ? (anchor.getRootNode() as ShadowRoot).host : null;
  if (!anchor || host?.tagName !== 'GCDS-BUTTON') return;
  event.preventDefault();
  anchor.click();
}
