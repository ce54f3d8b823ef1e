import { render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { duplicateKeyIn } from './duplicate-keys';

describe('siblings with one key (the specs’ setup fails a test that renders them)', () => {
  it('are reported by the runtime the specs render with, in the words the setup looks for', () => {
    // In place of the setup's watcher, so that this test sees the report without failing on it.
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <ul>
        {['CAD', 'USD', 'CAD'].map((currency) => (
          <li key={currency}>{currency}</li>
        ))}
      </ul>,
    );
    expect(error.mock.calls.map(([message]) => duplicateKeyIn(message))).toContain('CAD');
  });

  it('are not reported for siblings with keys of their own', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <ul>
        {['CAD', 'USD'].map((currency) => (
          <li key={currency}>{currency}</li>
        ))}
      </ul>,
    );
    expect(error.mock.calls.map(([message]) => duplicateKeyIn(message)).filter(Boolean)).toEqual([]);
  });
});
