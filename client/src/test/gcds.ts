import { waitFor } from '@testing-library/react';

/**
 * Testing Library queries stop at shadow roots, and GCDS form controls keep their real input,
 * label and error message inside theirs. These find a control by the label (or legend) the page
 * gave it and return the real element to type into or click.
 */
type Matcher = string | RegExp;

function matches(text: string | undefined, matcher: Matcher): boolean {
  if (text === undefined) return false;
  return typeof matcher === 'string' ? text === matcher : matcher.test(text);
}

function hostByLabel(tag: string, property: 'label' | 'legend', matcher: Matcher): HTMLElement | undefined {
  return [...document.querySelectorAll<HTMLElement>(tag)].find((host) =>
    matches((host as unknown as Record<string, string | undefined>)[property], matcher),
  );
}

/** The GCDS input host with this label, once its shadow input exists. */
export async function inputHost(label: Matcher): Promise<HTMLElement> {
  return waitFor(() => {
    const host = hostByLabel('gcds-input', 'label', label);
    if (!host?.shadowRoot?.querySelector('input'))
      throw new Error(`no rendered gcds-input labelled ${String(label)}`);
    return host;
  });
}

/** The real <input> of the GCDS input with this label. */
export async function input(label: Matcher): Promise<HTMLInputElement> {
  const host = await inputHost(label);
  return host.shadowRoot?.querySelector('input') as HTMLInputElement;
}

/** The real <select> of the GCDS select with this label, once its options are copied in. */
export async function select(label: Matcher): Promise<HTMLSelectElement> {
  return waitFor(() => {
    const host = hostByLabel('gcds-select', 'label', label);
    const element = host?.shadowRoot?.querySelector('select');
    if (!element || element.options.length < 2)
      throw new Error(`no rendered gcds-select labelled ${String(label)}`);
    return element;
  });
}

/** The radio or checkbox with this label inside the GCDS group with this legend. */
export async function choice(legend: Matcher, label: Matcher): Promise<HTMLInputElement> {
  return waitFor(() => {
    const host =
      hostByLabel('gcds-radios', 'legend', legend) ?? hostByLabel('gcds-checkboxes', 'legend', legend);
    const inputs = [...(host?.shadowRoot?.querySelectorAll<HTMLInputElement>('input') ?? [])];
    const found = inputs.find((element) => {
      const text = host?.shadowRoot?.querySelector(`label[for="${element.id}"]`)?.textContent?.trim();
      return matches(text, label);
    });
    if (!found) throw new Error(`no option ${String(label)} in ${String(legend)}`);
    return found;
  });
}

/** The error message GCDS shows under a control (input, select, radios...), '' when none. */
export function fieldError(host: Element | undefined | null): string {
  return host?.shadowRoot?.querySelector('gcds-error-message')?.textContent?.trim() ?? '';
}

export function hostById(id: string): HTMLElement | null {
  return document.getElementById(id);
}

/**
 * The real <button> (or <a>) of the GCDS button showing this text, once it is drawn enabled. The pages
 * disable their submit button while a request runs. The host's `disabled` changes at once, but the shadow
 * button keeps the click handler of its last draw, which ignores clicks while it was disabled, until the
 * component draws again (`aria-disabled` then says "false"). A click in between does nothing, as for a
 * person clicking a button still shown disabled: loaded CI runs lost such clicks (test/gcds.spec.tsx).
 */
export async function button(text: Matcher): Promise<HTMLButtonElement> {
  return waitFor(() => {
    const host = [...document.querySelectorAll<HTMLElement & { disabled?: boolean }>('gcds-button')].find(
      (element) => matches(element.textContent?.trim(), text),
    );
    const real = host?.shadowRoot?.querySelector('button, a');
    if (!host || !real) throw new Error(`no rendered gcds-button ${String(text)}`);
    if (host.disabled || real.getAttribute('aria-disabled') === 'true')
      throw new Error(`gcds-button ${String(text)} is still drawn disabled`);
    return real as HTMLButtonElement;
  });
}

/** The links listed by the GCDS error summary: their text and target. */
export function summaryLinks(): Array<{ text: string; href: string | null }> {
  const summary = document.querySelector('gcds-error-summary');
  return [...(summary?.shadowRoot?.querySelectorAll('gcds-link') ?? [])].map((link) => ({
    text: link.textContent?.trim() ?? '',
    href: link.getAttribute('href') ?? (link as unknown as { href?: string }).href ?? null,
  }));
}

/**
 * Replaces what an input holds. user.clear() refuses inputs in a shadow root (focus lands on the
 * host as far as the document can tell), so select everything and type over it.
 */
export async function replaceText(
  user: {
    type: (
      element: Element,
      text: string,
      options?: { initialSelectionStart?: number; initialSelectionEnd?: number },
    ) => Promise<void>;
  },
  element: HTMLInputElement,
  text: string,
): Promise<void> {
  await user.type(element, text, { initialSelectionStart: 0, initialSelectionEnd: element.value.length });
}
