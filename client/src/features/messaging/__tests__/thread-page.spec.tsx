import { type MockLink } from '@apollo/client/testing';
import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { MessageThreadDocument, UnreadNoticeCountDocument } from '../../../generated/graphql';
import { FakeEventSource } from '../../../test/fake-event-source';
import { always, headerMock } from '../../../test/fixtures/business-fixtures';
import { connectionOf } from '../../../test/fixtures/connection';
import { renderRoute, session, sessionMock, viewer, viewerMock } from '../../../test/render-route';

// A thread as the business reads it: messages in order, the agency's signed "Agency officer" and its team,
// attachments to download, the reply form unless the thread is closed (issue 15).

const laterReply = {
  __typename: 'ThreadMessage',
  id: 'm-3',
  authorSide: 'AGENCY',
  authorName: 'Agency officer',
  authorOrganization: 'Rulings team',
  body: 'We have a ruling for you.',
  postedAt: '2026-03-03T15:30:00Z',
  attachments: [],
};

/** The thread as the server answers it; `later()` says whether the agency's later reply is in it yet. */
function threadMock(status: string, later: () => boolean = () => false): MockLink.MockedResponse {
  return {
    request: { query: MessageThreadDocument, variables: { id: 't-1' } },
    result: () => ({
      data: {
        messageThread: {
          __typename: 'MessageThread',
          id: 't-1',
          referenceNumber: 'M123456789',
          subject: 'Tariff question',
          category: 'RULINGS',
          status,
          caseReference: null,
          team: 'Rulings team',
          unreadCount: 0,
          assigned: true,
          assignedToMe: false,
          messageCount: 2,
          lastMessageAt: '2026-03-02T15:30:00Z',
          waitingSince: '2026-03-02T15:30:00Z',
          programAccount: {
            __typename: 'ProgramAccountSummary',
            id: 'pa-1',
            accountNumber: '123456789RM0001',
            name: 'Imports',
          },
          business: {
            __typename: 'BusinessSummary',
            id: 'b-1',
            businessNumber: '123456789',
            name: 'Northern Lights',
          },
          messages: connectionOf('ThreadMessage', [
            {
              __typename: 'ThreadMessage',
              id: 'm-1',
              authorSide: 'CLIENT',
              authorName: 'Jane Doe',
              authorOrganization: 'Northern Lights',
              body: 'Which heading applies?',
              postedAt: '2026-03-01T15:30:00Z',
              attachments: [
                {
                  __typename: 'MessageAttachment',
                  id: 'a-1',
                  fileName: 'spec.pdf',
                  sizeBytes: 1200,
                  downloadUrl: '/api/messaging/attachments/a-1',
                },
              ],
            },
            {
              __typename: 'ThreadMessage',
              id: 'm-2',
              authorSide: 'AGENCY',
              authorName: 'Agency officer',
              authorOrganization: 'Rulings team',
              body: 'Heading 0901 applies.',
              postedAt: '2026-03-02T15:30:00Z',
              attachments: [],
            },
            ...(later() ? [laterReply] : []),
          ]),
        },
      },
    }),
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}

describe('a message thread', () => {
  it('shows the messages in order, signed, with their files, and the reply form', async () => {
    renderRoute('/en/messages/t-1', [
      threadMock('WAITING_FOR_CLIENT'),
      viewerMock(() => viewer()),
      sessionMock(() => session()),
    ]);
    const title = await screen.findByText(
      'Tariff question',
      { selector: 'gcds-heading' },
      { timeout: 10_000 },
    );
    expect((title as HTMLElement & { tag?: string }).tag).toBe('h1');
    const authors = [...document.querySelectorAll<HTMLElement & { tag?: string }>('gcds-heading')]
      .filter((h) => h.tag === 'h3')
      .map((h) => h.textContent);
    expect(authors).toEqual(['Jane Doe, Northern Lights', 'Agency officer, Rulings team']);
    expect(screen.getByText('Download spec.pdf')).toBeInTheDocument();
    expect(screen.getByText('M123456789')).toBeInTheDocument();
    expect(screen.getByText('Reply', { selector: 'gcds-heading' })).toBeInTheDocument();
    expect(screen.getByText('Send the reply')).toBeInTheDocument();
  });

  it('takes no reply once closed', async () => {
    renderRoute('/en/messages/t-1', [
      threadMock('CLOSED'),
      viewerMock(() => viewer()),
      sessionMock(() => session()),
    ]);
    expect(
      await screen.findByText('This conversation is closed. Write a new message if you need more help.'),
    ).toBeInTheDocument();
    expect(screen.queryByText('Reply', { selector: 'gcds-heading' })).toBeNull();
    expect(screen.getByText('Tariff question', { selector: 'gcds-heading' })).toBeInTheDocument();
  });

  it('shows the agency’s new message without reloading when the live bell tells of it (decision 0038)', async () => {
    FakeEventSource.opened = [];
    vi.stubGlobal('EventSource', FakeEventSource);
    let replied = false;
    try {
      renderRoute('/en/messages/t-1', [
        threadMock('WAITING_FOR_AGENCY', () => replied),
        viewerMock(() => viewer()),
        sessionMock(() => session()),
        headerMock({ id: 'b-1', businessNumber: '123456789', name: 'Northern Lights', accounts: [] }),
        always(UnreadNoticeCountDocument, () => ({ unreadNoticeCount: replied ? 1 : 0 })),
      ]);
      expect(await screen.findByText('Heading 0901 applies.', {}, { timeout: 10_000 })).toBeInTheDocument();
      await waitFor(() => expect(FakeEventSource.opened).toHaveLength(1));
      replied = true;
      act(() => {
        FakeEventSource.opened[0].open();
        FakeEventSource.opened[0].emit('notice', { id: 'n-1', type: 'MESSAGE_FROM_AGENCY' });
      });
      expect(await screen.findByText('We have a ruling for you.')).toBeInTheDocument();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
