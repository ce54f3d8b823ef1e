import { type MockLink } from '@apollo/client/testing';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LetterDocument } from '../../../generated/graphql';
import { renderRoute, session, sessionMock, viewer, viewerMock } from '../../../test/render-route';

// A letter's page (issue 15 §3): its text in the page, and its PDF. A letter the portal wrote downloads as
// the PDF the server renders, in both languages (the reader's first), links naming the letter and "PDF"; an
// officer's letter downloads as the PDF the officer posted.

function letterMock(kind: string, subject: string): MockLink.MockedResponse {
  return {
    request: { query: LetterDocument, variables: { id: 'l-1' } },
    result: {
      data: {
        letter: {
          __typename: 'Letter',
          id: 'l-1',
          kind,
          subject,
          body: 'First paragraph.\n\nSecond paragraph.',
          issuedAt: '2026-03-01T15:30:00Z',
          read: true,
          programAccount: null,
          attachments:
            kind === 'OFFICER_LETTER'
              ? [
                  {
                    __typename: 'MessageAttachment',
                    id: 'a-1',
                    fileName: 'review.pdf',
                    sizeBytes: 1200,
                    downloadUrl: '/api/messaging/attachments/a-1',
                  },
                ]
              : [],
        },
      },
    },
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}

const link = (text: string) => screen.getByText(text).closest('gcds-link') as HTMLElement & { href?: string };

describe('a letter’s page', () => {
  it('offers the PDF of a letter the portal wrote in both languages, the reader’s first', async () => {
    renderRoute('/en/correspondence/l-1', [
      letterMock('ACTIVATION_KEY_ISSUED', 'Activation key issued'),
      viewerMock(() => viewer()),
      sessionMock(() => session()),
    ]);
    expect(await screen.findByText('Second paragraph.', {}, { timeout: 10_000 })).toBeInTheDocument();
    const english = link('Download the letter “Activation key issued” as PDF, in English');
    const french = link('Download the letter “Activation key issued” as PDF, in French');
    expect(english.href).toBe('/api/messaging/attachments/letters/l-1?lang=en');
    expect(french.href).toBe('/api/messaging/attachments/letters/l-1?lang=fr');
    expect(english.compareDocumentPosition(french) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('in French, names the letter in French and offers French first', async () => {
    renderRoute('/fr/correspondence/l-1', [
      letterMock('CLAIM_DECIDED', 'Décision sur la demande C1'),
      viewerMock(() => viewer()),
      sessionMock(() => session()),
    ]);
    expect(await screen.findByText('Second paragraph.', {}, { timeout: 10_000 })).toBeInTheDocument();
    // (The matcher folds the no-break spaces inside « » into plain spaces.)
    const french = link('Télécharger la lettre « Décision sur la demande C1 » en PDF, en français');
    const english = link('Télécharger la lettre « Décision sur la demande C1 » en PDF, en anglais');
    expect(french.textContent).toContain('«\u00a0Décision sur la demande C1\u00a0»');
    expect(french.href).toBe('/api/messaging/attachments/letters/l-1?lang=fr');
    expect(english.href).toBe('/api/messaging/attachments/letters/l-1?lang=en');
    expect(french.compareDocumentPosition(english) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('an officer’s letter downloads as the PDF the officer posted, with no generated one', async () => {
    renderRoute('/en/correspondence/l-1', [
      letterMock('OFFICER_LETTER', 'Account review'),
      viewerMock(() => viewer()),
      sessionMock(() => session()),
    ]);
    expect(await screen.findByText('Second paragraph.', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(link('Download the letter as PDF (review.pdf)').href).toBe('/api/messaging/attachments/a-1');
    expect(screen.queryByText(/as PDF, in English/)).toBeNull();
  });
});
