import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClaimDocumentCaseDocument, DocumentCaseDocument } from '../../../generated/graphql';
import { button, input, select, summaryLinks } from '../../../test/gcds';
import { renderRoute } from '../../../test/render-route';
import {
  anyVariables,
  headerMock,
  northernLights,
  signedIn,
} from '../../../test/fixtures/relationships-fixtures';

const header = headerMock({ ...northernLights, accounts: ['123456789RM0001'] });

/** DocumentCase: only case 8000000001 exists (ruling-1). */
const caseMock = anyVariables(DocumentCaseDocument, (variables) => ({
  documentCase:
    variables.caseNumber === '8000000001'
      ? { __typename: 'Ruling', id: 'ruling-1', caseNumber: '8000000001' }
      : null,
}));

/** ClaimDocumentCase: only the open claim 7000000001 exists (claim-1). */
const claimCaseMock = anyVariables(ClaimDocumentCaseDocument, (variables) => ({
  claimDocumentCase:
    variables.caseNumber === '7000000001'
      ? { __typename: 'Claim', id: 'claim-1', caseNumber: '7000000001', status: 'INFORMATION_REQUESTED' }
      : null,
}));

interface Sent {
  url: string;
  headers: Record<string, string>;
  category: unknown;
  caseNumber: unknown;
  files: string[];
}

/** The upload endpoint is plain HTTP (multipart), not GraphQL: stand in for it and keep what was sent. */
function stubUpload(answer: unknown): Sent[] {
  const sent: Sent[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init: RequestInit) => {
      const form = init.body as FormData;
      sent.push({
        url,
        headers: init.headers as Record<string, string>,
        category: form.get('category'),
        caseNumber: form.get('caseNumber'),
        files: form.getAll('files').map((file) => (file as File).name),
      });
      return Promise.resolve(new Response(JSON.stringify(answer), { status: 200 }));
    }),
  );
  return sent;
}

function fileInput(): HTMLInputElement {
  return document.getElementById('upload-files') as HTMLInputElement;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('document upload page', { timeout: 30_000 }, () => {
  it('checks the case, refuses files the server would refuse, then uploads and confirms', async () => {
    // A file dropped on the zone skips the picker's `accept` filter: the page checks the type itself.
    const user = userEvent.setup({ applyAccept: false });
    const sent = stubUpload({
      ok: true,
      documents: [{ id: 'd-1', fileName: 'drawings.pdf', sizeBytes: 20_480 }],
    });
    renderRoute('/en/documents/upload', [...signedIn, header, caseMock]);

    expect(
      await screen.findByText('Upload a document - step 1 of 2', { selector: 'gcds-heading' }),
    ).toBeInTheDocument();
    await user.click(await button('Next'));
    await waitFor(() =>
      expect(summaryLinks().map((l) => l.text)).toEqual([
        'Choose a category.',
        'Enter a case or reference number.',
      ]),
    );
    await user.selectOptions(await select('Category'), 'DRAWINGS_AND_DIAGRAMS');
    await user.type(await input('Case/reference number (maximum of 10 characters)'), '8000000009');
    await user.click(await button('Next'));
    await waitFor(() =>
      expect(summaryLinks().map((l) => l.text)).toEqual([
        'We found no case with this number that you can add documents to. Check the number.',
      ]),
    );

    const caseInput = await input('Case/reference number (maximum of 10 characters)');
    await user.type(caseInput, '{backspace}1');
    await user.click(await button('Next'));
    expect(
      await screen.findByText('Upload a document - step 2 of 2', { selector: 'gcds-heading' }),
    ).toBeInTheDocument();

    await user.click(await button('Upload'));
    expect(await screen.findByText('Choose at least one file.')).toBeInTheDocument();

    await user.upload(fileInput(), [
      new File(['MZ'], 'setup.exe', { type: 'application/octet-stream' }),
      new File([], 'empty.txt', { type: 'text/plain' }),
    ]);
    expect(screen.getByText('Files chosen: 2')).toBeInTheDocument();
    await user.click(await button('Upload'));
    expect(await screen.findByText('setup.exe: this type of file is not accepted.')).toBeInTheDocument();
    expect(screen.getByText('empty.txt: the file is empty.')).toBeInTheDocument();
    expect(sent).toEqual([]);

    await user.click(await button('Remove setup.exe'));
    await user.click(await button('Remove empty.txt'));
    await user.upload(fileInput(), new File(['%PDF-1.4'], 'drawings.pdf', { type: 'application/pdf' }));
    await user.click(await button('Upload'));
    expect(await screen.findByText('Upload confirmation', { selector: 'gcds-heading' })).toBeInTheDocument();
    expect(screen.getByText('These files were attached to case 8000000001:')).toBeInTheDocument();
    expect(screen.getByText('drawings.pdf (20 KB)')).toBeInTheDocument();
    expect(sent).toEqual([
      {
        url: '/api/documents',
        headers: { 'Accept-Language': 'en', 'X-CSRF-Token': 'csrf-1' },
        category: 'DRAWINGS_AND_DIAGRAMS',
        caseNumber: '8000000001',
        files: ['drawings.pdf'],
      },
    ]);
  });

  it('in French, starts from the case in the link and shows the server’s refusal', async () => {
    const user = userEvent.setup();
    const sent = stubUpload({
      ok: false,
      errors: [{ message: 'plan.pdf : le contenu ne correspond pas à un fichier PDF.' }],
    });
    renderRoute('/fr/documents/upload?case=8000000001', [...signedIn, header, caseMock]);
    expect((await input('Numéro de cas/de référence (maximum de 10 caractères)')).value).toBe('8000000001');
    await user.selectOptions(await select('Catégorie'), 'PHOTOGRAPHS');
    await user.click(await button('Suivant'));
    expect(
      await screen.findByText('Télécharger un document - étape 2 de 2', { selector: 'gcds-heading' }),
    ).toBeInTheDocument();
    await user.upload(fileInput(), new File(['not a pdf'], 'plan.pdf', { type: 'application/pdf' }));
    await user.click(await button('Télécharger'));
    expect(
      await screen.findByText('plan.pdf : le contenu ne correspond pas à un fichier PDF.'),
    ).toBeInTheDocument();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.headers['Accept-Language']).toBe('fr');
    // Still on step 2: nothing was stored.
    expect(screen.queryByText('Confirmation du téléchargement')).toBeNull();
  });

  it.each([
    [
      'en',
      'Category',
      'Next',
      'Upload',
      'Back to the claim',
      'These files were attached to case 7000000001:',
    ],
    [
      'fr',
      'Catégorie',
      'Suivant',
      'Télécharger',
      'Retour à la demande',
      'Ces fichiers ont été joints au cas 7000000001 :',
    ],
  ])(
    'takes a claim’s supporting documents from its case number, and leads back to the claim (%s)',
    async (language, category, nextLabel, uploadLabel, back, confirmed) => {
      const user = userEvent.setup();
      const sent = stubUpload({
        ok: true,
        documents: [{ id: 'd-2', fileName: 'invoice.pdf', sizeBytes: 4_096 }],
      });
      renderRoute(`/${language}/documents/upload?case=7000000001`, [
        ...signedIn,
        header,
        caseMock,
        claimCaseMock,
      ]);
      await user.selectOptions(await select(category), 'OTHER');
      await user.click(await button(nextLabel));
      await user.upload(fileInput(), new File(['%PDF-1.4'], 'invoice.pdf', { type: 'application/pdf' }));
      await user.click(await button(uploadLabel));
      expect(await screen.findByText(confirmed)).toBeInTheDocument();
      expect(sent.map((s) => [s.caseNumber, s.files])).toEqual([['7000000001', ['invoice.pdf']]]);
      expect(screen.getByText(back).closest('gcds-link')).not.toBeNull();
      expect(
        screen.queryByText(
          language === 'en' ? 'Back to the ruling request' : 'Retour à la demande de décision',
        ),
      ).toBeNull();
    },
  );
});
