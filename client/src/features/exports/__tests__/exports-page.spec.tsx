import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ExportsDataDocument, ExportsStartDocument } from '../../../generated/graphql';
import { button } from '../../../test/gcds';
import { renderRoute } from '../../../test/render-route';
import { always, headerMock, signedIn } from '../../../test/fixtures/business-fixtures';
import { anyVariables } from '../../../test/fixtures/relationships-fixtures';

const maple = { id: 'b-p', businessNumber: '345678902', name: 'Maple Leaf Customs', accounts: [] };

function exportOf(fields: Record<string, unknown>) {
  return {
    __typename: 'Export',
    format: 'CSV',
    report: 'clients',
    pagesDone: 0,
    rows: 0,
    totalRows: null,
    sizeBytes: null,
    errorCode: null,
    downloadUrl: null,
    createdAt: '2026-12-01T15:00:00Z',
    expiresAt: null,
    ...fields,
  };
}

function dataMock(items: () => Array<Record<string, unknown>>) {
  return always(ExportsDataDocument, () => ({
    exports: {
      __typename: 'ExportConnection',
      edges: items().map((node) => ({ __typename: 'ExportEdge', node: exportOf(node) })),
    },
  }));
}

describe('exports page', { timeout: 20_000 }, () => {
  it('starts an export of a report and lists the person’s exports with progress and download', async () => {
    const user = userEvent.setup();
    let items: Array<Record<string, unknown>> = [
      {
        id: 'e-1',
        status: 'READY',
        rows: 500,
        totalRows: 500,
        pagesDone: 5,
        downloadUrl: '/api/exports/e-1/download',
        expiresAt: '2026-12-08T15:00:00Z',
      },
    ];
    const sent: unknown[] = [];
    renderRoute('/en/exports', [
      ...signedIn,
      headerMock(maple),
      dataMock(() => items),
      anyVariables(ExportsStartDocument, (variables) => {
        sent.push(variables);
        items = [{ id: 'e-2', status: 'RUNNING', rows: 200, totalRows: 500, pagesDone: 2 }, ...items];
        return {
          startExport: {
            __typename: 'StartExportPayload',
            export: { __typename: 'Export', id: 'e-2', status: 'QUEUED' },
            userErrors: [],
          },
        };
      }),
    ]);
    const table = await screen.findByRole('table', { name: '1 export, newest first' });
    expect(document.title).toBe('Exports - Passerelle client portal');
    const link = within(table).getByRole('link', { name: 'Download My clients and their programs' });
    expect(link).toHaveAttribute('href', '/api/exports/e-1/download');
    expect(within(table).getByText('500 of 500 rows')).toBeInTheDocument();

    await user.click(await button('Start the export'));
    expect(sent).toEqual([{ input: { report: 'clients', format: 'CSV' } }]);
    expect(await screen.findByText(/Your export has started/)).toBeInTheDocument();
    const updated = await screen.findByRole('table', { name: '2 exports, newest first' });
    const running = within(updated).getAllByRole('row')[1];
    expect(running.textContent).toContain('Running');
    expect(
      within(running).getByRole('progressbar', { name: 'Progress of My clients and their programs' }),
    ).toHaveAttribute('value', '200');
    expect(running.textContent).toContain('200 of 500 rows');
  });

  it('speaks French', async () => {
    renderRoute('/fr/exports', [
      ...signedIn,
      headerMock(maple),
      dataMock(() => [{ id: 'e-3', status: 'FAILED', errorCode: 'CALLER_GONE', report: 'delegation' }]),
    ]);
    const table = await screen.findByRole('table', {
      name: '1 exportation, de la plus récente à la plus ancienne',
    });
    expect(within(table).getAllByRole('row')[1].textContent).toContain('Échouée (CALLER_GONE)');
    expect(within(table).getAllByRole('row')[1].textContent).toContain('Délégation de pouvoirs');
    await waitFor(() => expect(document.title).toContain('Exportations'));
  });
});
