import { GcdsButton } from '@cdssnc/gcds-components-react';
import { render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { button } from './gcds';

describe('button(): the real button of a GCDS button, to click', () => {
  it('is given once drawn enabled, so that a click right after the host is enabled counts', async () => {
    // The pages disable their submit button while a request runs; the specs then click it again. The host's
    // `disabled` changes at once, but its shadow button keeps the click handler of its last draw (which
    // ignores clicks) until the component draws again. Loaded CI runs lost such clicks (2026-12-08).
    const clicked = vi.fn();
    const page = (disabled: boolean) => (
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          clicked();
        }}
      >
        <GcdsButton type="submit" disabled={disabled}>
          Send
        </GcdsButton>
      </form>
    );
    const { rerender } = render(page(true));
    await vi.waitFor(() => {
      if (!document.querySelector('gcds-button')?.shadowRoot?.querySelector('button'))
        throw new Error('not drawn');
    });
    rerender(page(false));
    (await button('Send')).click();
    await vi.waitFor(() => expect(clicked).toHaveBeenCalledTimes(1));
  });
});
