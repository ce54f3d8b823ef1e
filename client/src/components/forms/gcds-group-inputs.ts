/**
 * Keeps null out of the input list of a GCDS gcds-checkboxes or gcds-radios host (GCDS 0.47).
 *
 * Those components collect their shadow inputs in `shadowElement`: render() empties it and each input's
 * Stencil `ref` callback appends itself, `shadowElement = [...shadowElement, el]`. Stencil also calls the ref
 * of an input it removes with null (removeVnodes, nullifyVNodeRefs), and the render that shows or hides the
 * error message removes one (the error's unkeyed <div> is patched out of the first option's <div>): the list
 * holds [null, input, input] until the next render empties it again. Anything that validates the group in
 * between (the `value` watcher when React sets `value`, a click on a box) runs validateRadioCheckboxGroup,
 * reads `null.validity` and throws. Not a jsdom gap: a trace in Chromium (playwright, /usr/bin/chromium,
 * gcds-checkboxes from dist/components) shows the same [null, input] list after the error message appears;
 * there a second render usually follows at once, so the throw needs an update landing in that window, which a
 * busy test run gave jsdom (manage-employees-page.spec.tsx). In the custom-elements build the host is the
 * component instance, so an accessor on the host filters what the refs write.
 */
export function keepGroupInputsNonNull(host: HTMLElement | null): void {
  if (!host || Object.getOwnPropertyDescriptor(host, 'shadowElement')?.set) return;
  const nonNull = (value: unknown) =>
    Array.isArray(value) ? value.filter((input) => input !== null && input !== undefined) : value;
  let inputs = nonNull((host as unknown as { shadowElement?: unknown }).shadowElement);
  Object.defineProperty(host, 'shadowElement', {
    configurable: true,
    get: () => inputs,
    set: (value: unknown) => {
      inputs = nonNull(value);
    },
  });
}
