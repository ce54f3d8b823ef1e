import { render, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ChecklistField, RadioField } from '../fields';

// GCDS's group controls keep their shadow inputs in `shadowElement`; the render that shows or hides the
// error message leaves a null in it (Stencil calls a removed input's ref with null), and the next validation
// of the group throws on it (gcds-group-inputs.ts). Here the list is given the value that render leaves,
// [null, ...inputs], and React's next `value` runs GCDS's value watcher, which validates the group.
type GroupHost = HTMLElement & { shadowElement: Array<HTMLInputElement | null>; value: unknown };

async function renderedGroup(tag: string): Promise<GroupHost> {
  return waitFor(() => {
    const host = document.querySelector<GroupHost>(tag);
    if ((host?.shadowRoot?.querySelectorAll('input').length ?? 0) < 2) throw new Error(`no rendered ${tag}`);
    return host!;
  });
}

const options = [
  { value: 'pa-1', label: 'RM0001' },
  { value: 'pa-2', label: 'RT0001' },
];

describe('GCDS group controls', () => {
  it('validates a checkbox group without the null its error message left in its inputs', async () => {
    render(
      <ChecklistField
        name="programAccountIds"
        label="Program accounts"
        required
        options={options}
        values={[]}
        onChange={() => {}}
      />,
    );
    const host = await renderedGroup('gcds-checkboxes');
    host.shadowElement = [null, ...host.shadowElement];
    expect(() => {
      host.value = [];
    }).not.toThrow();
    expect(host.shadowElement).toHaveLength(2);
  });

  it('validates a radio group without the null its error message left in its inputs', async () => {
    render(<RadioField name="role" label="Role" required options={options} value="" onChange={() => {}} />);
    const host = await renderedGroup('gcds-radios');
    host.shadowElement = [null, ...host.shadowElement];
    expect(() => {
      host.value = 'pa-2';
    }).not.toThrow();
    expect(host.shadowElement).toHaveLength(2);
  });
});
