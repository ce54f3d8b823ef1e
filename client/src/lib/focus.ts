/**
 * Moves focus to an element that may not be there yet: GCDS components render their shadow DOM
 * asynchronously, so the element to focus can appear a few frames after React's commit. Returns a
 * function that cancels the attempts (for effect clean-ups).
 *
 * It gives up once focus has gone elsewhere in the meantime (the person clicked or tabbed into a
 * field): on a slow machine the element can take most of the half second to show, and taking focus
 * then sent the rest of what the person was typing into it (the business profile test lost a typed
 * contact name that way). Focus that merely fell to the body (the pressed button went) does not count.
 */
export function focusWhenReady(find: () => HTMLElement | null | undefined, attempts = 20): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let left = attempts;
  const before = document.activeElement;
  const tryFocus = () => {
    const now = document.activeElement;
    if (now && now !== before && now !== document.body) return;
    const element = find();
    if (element) {
      element.focus();
      return;
    }
    if (--left > 0) timer = setTimeout(tryFocus, 25);
  };
  tryFocus();
  return () => clearTimeout(timer);
}

/** The real control inside a GCDS component's shadow root (its button, input, select...). */
export function shadowControl(
  host: Element | null | undefined,
  selector = 'button, input, select, a',
): HTMLElement | null {
  return host?.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
}
