/**
 * Moves focus to an element that may not be there yet: GCDS components render their shadow DOM
 * asynchronously, so the element to focus can appear a few frames after React's commit. Returns a
 * function that cancels the attempts (for effect clean-ups).
 */
export function focusWhenReady(find: () => HTMLElement | null | undefined, attempts = 20): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let left = attempts;
  const tryFocus = () => {
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
