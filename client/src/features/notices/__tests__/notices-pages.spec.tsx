import { type MockLink } from '@apollo/client/testing';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  MarkNoticeReadDocument,
  NoticeDetailDocument,
  NoticesListDocument,
  UnreadNoticeCountDocument,
} from '../../../generated/graphql';
import { button, select } from '../../../test/gcds';
import { renderRoute, shadowHref } from '../../../test/render-route';
import { always, headerMock, signedIn } from '../../../test/fixtures/business-fixtures';

const header = headerMock({ id: 'b-1', businessNumber: '123456789', name: 'Northern Lights', accounts: [] });
const filter = { from: '2026-06-01', to: '2026-12-01' };
const query = '?from=2026-06-01&to=2026-12-01';

function node(index: number) {
  return {
    __typename: 'Notice',
    id: `n-${index}`,
    displayDate: `2026-11-${String(30 - index).padStart(2, '0')}`,
    accountNumber: index === 3 ? '' : '123456789RM0001',
    type: 'GENERAL',
    typeLabel: 'General notice',
    subject: `Notice number ${index}`,
    read: index % 2 === 0,
    urgent: false,
  };
}

function connection(from: number, to: number, hasNextPage: boolean) {
  const edges = [];
  for (let i = from; i <= to; i++) edges.push({ __typename: 'NoticeEdge', cursor: `c-${i}`, node: node(i) });
  return {
    notices: {
      __typename: 'NoticeConnection',
      edges,
      pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: `c-${to}` },
      totalCount: 13,
    },
  };
}

function listMock(after: string | null, data: ReturnType<typeof connection>): MockLink.MockedResponse {
  return {
    request: { query: NoticesListDocument, variables: { first: 10, after, filter } },
    result: { data },
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}

const pages = [listMock(null, connection(1, 10, true)), listMock('c-10', connection(11, 13, false))];

function gcdsLink(text: string): Element | undefined {
  return [...document.querySelectorAll('gcds-link')].find((link) => link.textContent?.trim() === text);
}

/** The href of the GCDS link with this text, once the component has rendered its anchor. */
async function linkHref(text: string): Promise<string | null | undefined> {
  let href: string | null | undefined;
  await waitFor(() => {
    href = shadowHref(gcdsLink(text) ?? null);
    expect(href).toBeTruthy();
  });
  return href;
}

describe('notices', { timeout: 20_000 }, () => {
  it('lists 10 a page with "1 to 10 of 13", "Page 1 of 2", and pages by cursor through the URL', async () => {
    const { router } = renderRoute(`/en/notices${query}`, [
      ...signedIn,
      header,
      ...pages,
      always(UnreadNoticeCountDocument, () => ({ unreadNoticeCount: 2 })),
    ]);
    expect(await screen.findByText('1 to 10 of 13')).toBeInTheDocument();
    expect(screen.getByText('Page 1 of 2')).toBeInTheDocument();
    expect(screen.getByText('Notice number 1')).toBeInTheDocument();
    // Unread is said in text, not by colour only; a person's notice has no account number.
    expect(screen.getAllByText('Unread:')).toHaveLength(5);
    expect(screen.getByText('Personal')).toBeInTheDocument();
    expect(gcdsLink('Previous')).toBeUndefined();
    expect(await linkHref('Notice number 4')).toBe(`/en/notices/n-4${query}`);
    // The bell gives the count in its text.
    const bell = await screen.findByText('Notices, 2 unread');
    expect(bell).toBeInTheDocument();
    // Its picture is drawn, hidden from screen readers, and no emoji (a blank box without an emoji font).
    const link = bell.closest('gcds-link');
    expect(link?.querySelector('svg[aria-hidden="true"]')).not.toBeNull();
    expect(link?.textContent).not.toMatch(/\p{Extended_Pictographic}/u);

    const next = await linkHref('Next');
    expect(next).toBe(`/en/notices${query}&page=2`);
    await act(() => router.navigate(next!));
    expect(await screen.findByText('11 to 13 of 13')).toBeInTheDocument();
    expect(screen.getByText('Page 2 of 2')).toBeInTheDocument();
    expect(screen.getByText('Notice number 13')).toBeInTheDocument();
    expect(gcdsLink('Next')).toBeUndefined();
    expect(await linkHref('Previous')).toBe(`/en/notices${query}&page=1`);
  });

  it('filters by a type and goes back to all types (portal issue, defect 5)', async () => {
    const user = userEvent.setup();
    const typed = { ...filter, type: 'GENERAL' };
    const { router } = renderRoute(`/en/notices${query}&type=GENERAL`, [
      ...signedIn,
      header,
      ...pages,
      {
        request: { query: NoticesListDocument, variables: { first: 10, after: null, filter: typed } },
        result: { data: connection(1, 10, true) },
        maxUsageCount: Number.POSITIVE_INFINITY,
      },
    ]);
    const type = await select('Type of notice');
    await waitFor(() => expect(type.value).toBe('GENERAL'));
    const all = [...type.options].find((option) => option.textContent === 'All types');
    expect(all?.disabled).toBe(false);

    await user.selectOptions(type, '');
    await user.click(await button('Search'));
    await waitFor(() => expect(router.state.location.search).toBe(query));
    await waitFor(async () => expect((await select('Type of notice')).value).toBe(''));
  });
  it.each([
    ['en', 'Type of notice', 'Claim status changed', 'Repayment status changed'],
    ['fr', 'Type d’avis', 'Statut de la demande de remboursement modifié', 'Statut du remboursement modifié'],
  ])('the type filter (%s) offers the claims’ notices', async (lang, label, claim, repayment) => {
    renderRoute(`/${lang}/notices${query}`, [...signedIn, header, ...pages]);
    const type = await select(label);
    const options = [...type.options].map((option) => [option.value, option.textContent]);
    expect(options).toContainEqual(['CLAIM_STATUS_CHANGED', claim]);
    expect(options).toContainEqual(['REPAYMENT_STATUS_CHANGED', repayment]);
  });
  it.each([
    ['en', 99, 'Notices, 99 unread'],
    ['en', 100, 'Notices, 99+ unread'],
    ['fr', 100, 'Avis, 99+ non lus'],
  ])(
    'the bell (%s) with a count of %i says "%s": the server counts up to 100',
    async (lang, unread, text) => {
      renderRoute(`/${lang}/notices${query}`, [
        ...signedIn,
        header,
        ...pages,
        always(UnreadNoticeCountDocument, () => ({ unreadNoticeCount: unread })),
      ]);
      expect(await screen.findByText(text)).toBeInTheDocument();
    },
  );

  it('reaches page 2 from the URL alone by walking forward from the start', async () => {
    renderRoute(`/fr/notices${query}&page=2`, [...signedIn, header, ...pages]);
    expect(await screen.findByText('11 à 13 de 13')).toBeInTheDocument();
    expect(screen.getByText('Page 2 de 2')).toBeInTheDocument();
  });

  it('shows one notice, marks it read, links to its page and back to the same list page', async () => {
    let unread = 1;
    let marked = 0;
    const notice = {
      __typename: 'Notice',
      id: 'n-1',
      displayDate: '2026-11-29',
      accountNumber: '123456789',
      recipient: 'Northern Lights',
      type: 'DELEGATION_PENDING_ACCESS',
      typeLabel: 'Delegation changes – pending access',
      subject: 'John Smith asks for access',
      body: 'John Smith asked for access to your business.',
      linkPath: '/business/employees',
      read: false,
      urgent: false,
    };
    renderRoute(`/en/notices/n-1${query}&page=2`, [
      ...signedIn,
      header,
      always(UnreadNoticeCountDocument, () => ({ unreadNoticeCount: unread })),
      {
        request: { query: NoticeDetailDocument, variables: { id: 'n-1' } },
        result: { data: { notice } },
        maxUsageCount: Number.POSITIVE_INFINITY,
      },
      {
        request: { query: MarkNoticeReadDocument, variables: { id: 'n-1' } },
        result: () => {
          marked += 1;
          unread = 0;
          return {
            data: {
              markNoticeRead: {
                __typename: 'MarkNoticeReadPayload',
                notice: { __typename: 'Notice', id: 'n-1', read: true },
                unreadCount: 0,
              },
            },
          };
        },
      },
    ]);
    expect(
      await screen.findByText('John Smith asks for access', { selector: 'gcds-heading' }),
    ).toBeInTheDocument();
    expect(screen.getByText('John Smith asked for access to your business.')).toBeInTheDocument();
    expect(screen.getByText('Delegation changes – pending access')).toBeInTheDocument();
    expect(await linkHref('Go to the page this notice is about')).toBe('/en/business/employees');
    expect(await linkHref('Previous')).toBe(`/en/notices${query}&page=2`);
    await waitFor(() => expect(marked).toBe(1));
    // The bell asks again after the notice is marked read.
    expect(await screen.findByText('Notices')).toBeInTheDocument();
  });
});
