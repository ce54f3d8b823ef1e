import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DataTable } from './data-table';
import { KeysetTable } from './keyset-table';

// The one table of rows by columns, as the keyset table (hidden caption: its status line says the count)
// and the officer queue (visible caption) draw it.

const rows = [
  { id: 'a', name: 'Northern Lights', bn: '123456789' },
  { id: 'b', name: 'Maple Leaf Customs', bn: '345678902' },
];
const columns = [
  { header: 'Name', cell: (row: (typeof rows)[number]) => row.name },
  { header: 'Business number', cell: (row: (typeof rows)[number]) => <strong>{row.bn}</strong> },
];

describe('DataTable', () => {
  it('draws a header cell a column and a row a node, under its caption', () => {
    render(<DataTable className="data-table" caption="Businesses (2)" columns={columns} rows={rows} />);
    const table = screen.getByRole('table', { name: 'Businesses (2)' });
    expect(table.className).toBe('data-table');
    expect(table.querySelector('caption')?.hasAttribute('class')).toBe(false);
    expect([...table.querySelectorAll('th')].map((th) => [th.textContent, th.getAttribute('scope')])).toEqual(
      [
        ['Name', 'col'],
        ['Business number', 'col'],
      ],
    );
    expect([...table.querySelectorAll('tbody tr')].map((tr) => tr.textContent)).toEqual([
      'Northern Lights123456789',
      'Maple Leaf Customs345678902',
    ]);
  });

  it('in the keyset table, hides the caption the status line already says', () => {
    render(
      <KeysetTable
        connection={{ totalCount: 2, pageInfo: { hasNextPage: false, endCursor: null } }}
        rows={rows}
        loading={false}
        failed={false}
        count={(n) => `${n} businesses`}
        caption="Businesses"
        className="messages-table"
        columns={columns}
        cursors={{ after: null, hasPrevious: false, previous: () => {}, next: () => {}, reset: () => {} }}
        labels={{ previous: 'Previous', next: 'Next' }}
      />,
    );
    const table = screen.getByRole('table', { name: 'Businesses' });
    expect(table.className).toBe('messages-table');
    expect(table.querySelector('caption')?.className).toBe('visually-hidden');
    expect(table.querySelectorAll('tbody tr')).toHaveLength(2);
  });
});
