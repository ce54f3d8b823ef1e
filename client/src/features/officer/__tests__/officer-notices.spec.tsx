import { type MockLink } from '@apollo/client/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  OfficerMailOutboxDocument,
  OfficerPostNoticeDocument,
  OfficerRetryMailDeliveryDocument,
  type PostNoticeInput,
} from '../../../generated/graphql';
import { button, choice, fieldError, hostById, input, select, summaryLinks } from '../../../test/gcds';
import { renderRoute, session, sessionMock, viewer, viewerMock } from '../../../test/render-route';

const officer = [viewerMock(() => viewer({ role: 'OFFICER' })), sessionMock(() => session())];

/** The type and title of the GCDS notice around some text (React sets them as properties). */
function notice(inside: Element) {
  const host = inside.closest('gcds-notice') as (Element & { type?: string; noticeTitle?: string }) | null;
  return { type: host?.type, title: host?.noticeTitle };
}

function textarea(label: string): Promise<HTMLTextAreaElement> {
  return waitFor(() => {
    const host = [...document.querySelectorAll('gcds-textarea')].find(
      (element) => (element as unknown as { label?: string }).label === label,
    );
    const element = host?.shadowRoot?.querySelector('textarea');
    if (!element) throw new Error(`no rendered gcds-textarea labelled ${label}`);
    return element;
  });
}

/** The real button of the GCDS button whose accessible name (aria-label) is `name`. */
async function labelledButton(name: string): Promise<HTMLButtonElement> {
  return waitFor(() => {
    const host = [...document.querySelectorAll('gcds-button')].find(
      (element) => element.getAttribute('aria-label') === name,
    );
    const real = host?.shadowRoot?.querySelector('button');
    if (!real) throw new Error(`no rendered gcds-button labelled ${name}`);
    return real;
  });
}

function postMock(
  input: PostNoticeInput,
  answer: { noticeCount: number; emailCount: number; userErrors?: unknown[] },
  calls: { count: number } = { count: 0 },
): MockLink.MockedResponse {
  return {
    request: { query: OfficerPostNoticeDocument, variables: { input } },
    result: () => {
      calls.count += 1;
      return {
        data: {
          postNotice: { __typename: 'PostNoticePayload', userErrors: [], ...answer },
        },
      };
    },
  };
}

type User = ReturnType<typeof userEvent.setup>;

async function writeTexts(
  user: User,
  labels: { subjectEn: string; subjectFr: string; bodyEn: string; bodyFr: string },
  texts: { subjectEn: string; subjectFr: string; bodyEn: string; bodyFr: string },
) {
  await user.type(await input(labels.subjectEn), texts.subjectEn);
  await user.type(await input(labels.subjectFr), texts.subjectFr);
  await user.type(await textarea(labels.bodyEn), texts.bodyEn);
  await user.type(await textarea(labels.bodyFr), texts.bodyFr);
}

const english = {
  subjectEn: 'Subject in English',
  subjectFr: 'Subject in French',
  bodyEn: 'Message in English',
  bodyFr: 'Message in French',
};
const french = {
  subjectEn: 'Objet en anglais',
  subjectFr: 'Objet en français',
  bodyEn: 'Message en anglais',
  bodyFr: 'Message en français',
};
const texts = {
  subjectEn: 'Office closed on Monday',
  subjectFr: 'Bureau fermé lundi',
  bodyEn: 'The agency is closed.',
  bodyFr: 'L’agence est fermée.',
};

describe('post a notice (officers)', { timeout: 30_000 }, () => {
  it('refuses an empty form and a bad business number, then posts to one business and says how many it reached', async () => {
    const user = userEvent.setup();
    const calls = { count: 0 };
    renderRoute('/en/officer/notices', [
      postMock(
        { audience: 'BUSINESS', businessNumber: '123456789', urgent: true, ...texts },
        { noticeCount: 1, emailCount: 3 },
        calls,
      ),
      ...officer,
    ]);

    expect(await screen.findByText('Post a notice', { selector: 'gcds-heading' })).toBeInTheDocument();
    expect(document.title).toBe('Post a notice - Passerelle client portal');
    const nav = screen.getByRole('navigation', { name: 'Agency officer console' });
    expect(within(nav).getByText('Post a notice')).toHaveAttribute('aria-current', 'page');

    await user.click(await button('Post the notice'));
    await waitFor(() =>
      expect(summaryLinks()).toEqual([
        { text: 'Select who receives the notice.', href: '#audience' },
        { text: 'Enter the subject in English.', href: '#subjectEn' },
        { text: 'Enter the subject in French.', href: '#subjectFr' },
        { text: 'Enter the message in English.', href: '#bodyEn' },
        { text: 'Enter the message in French.', href: '#bodyFr' },
      ]),
    );
    await waitFor(() => expect(document.activeElement?.tagName).toBe('GCDS-ERROR-SUMMARY'));

    await user.click(await choice('Who receives it', 'One business'));
    await user.type(await input('Business number'), '12345');
    await writeTexts(user, english, texts);
    await user.click(await button('Post the notice'));
    await waitFor(() =>
      expect(summaryLinks()).toEqual([
        { text: 'Enter the business number as 9 digits.', href: '#businessNumber' },
      ]),
    );
    expect(fieldError(hostById('businessNumber'))).toBe('Enter the business number as 9 digits.');
    expect(calls.count).toBe(0);

    await user.type(await input('Business number'), '6789');
    await user.click(await choice('Urgency', 'Urgent'));
    await user.click(await button('Post the notice'));
    const posted = await screen.findByText(
      'Notices written: 1 (one for each business, or each program account of the type). Emails queued: 3.',
    );
    expect(notice(posted)).toEqual({ type: 'success', title: 'The notice is posted' });
    expect(screen.getByText('It is marked urgent: every recipient gets the email.')).toBeInTheDocument();
    expect(calls.count).toBe(1);
    // The form is empty again, ready for the next notice.
    await waitFor(async () => expect((await input('Subject in English')).value).toBe(''));
  });

  it('in French, posts to a program type and shows the server’s bilingual error beside its field', async () => {
    const user = userEvent.setup();
    const everyone = {
      audience: 'PROGRAM_TYPE' as const,
      programType: 'CUSTOMS_BROKER' as const,
      urgent: false,
    };
    renderRoute('/fr/officer/notices', [
      {
        request: { query: OfficerPostNoticeDocument, variables: { input: { ...everyone, ...texts } } },
        result: {
          data: {
            postNotice: {
              __typename: 'PostNoticePayload',
              noticeCount: 0,
              emailCount: 0,
              userErrors: [
                {
                  __typename: 'UserError',
                  field: ['input', 'audience'],
                  code: 'NO_RECIPIENTS',
                  message: "Aucune entreprise inscrite ne correspond : rien n'a été publié.",
                },
              ],
            },
          },
        },
      },
      postMock({ ...everyone, ...texts }, { noticeCount: 4, emailCount: 0 }),
      ...officer,
    ]);

    expect(await screen.findByText('Publier un avis', { selector: 'gcds-heading' })).toBeInTheDocument();
    await user.click(await choice('Destinataires', 'Toutes les entreprises ayant un type de programme'));
    await user.click(await button("Publier l'avis"));
    await waitFor(() =>
      expect(summaryLinks()).toEqual([
        { text: 'Sélectionnez un type de programme.', href: '#programType' },
        { text: "Entrez l'objet en anglais.", href: '#subjectEn' },
        { text: "Entrez l'objet en français.", href: '#subjectFr' },
        { text: 'Entrez le message en anglais.', href: '#bodyEn' },
        { text: 'Entrez le message en français.', href: '#bodyFr' },
      ]),
    );
    await user.selectOptions(await select('Type de programme'), 'CUSTOMS_BROKER');
    await writeTexts(user, french, texts);
    await user.click(await button("Publier l'avis"));
    await waitFor(() =>
      expect(summaryLinks()).toEqual([
        { text: "Aucune entreprise inscrite ne correspond : rien n'a été publié.", href: '#audience' },
      ]),
    );
    expect(fieldError(hostById('audience'))).toBe(
      "Aucune entreprise inscrite ne correspond : rien n'a été publié.",
    );
    // Sent again (say, after the registry import), it reaches the four accounts.
    await user.click(await button("Publier l'avis"));
    expect(
      await screen.findByText(
        "Avis écrits : 4 (un pour chaque entreprise, ou chaque compte de programme du type). Courriels en file d'attente : 0.",
      ),
    ).toBeInTheDocument();
  });
});

function letter(id: string, subject: string, at: string) {
  return {
    __typename: 'MailDelivery',
    id,
    noticeId: `n-${id}`,
    noticeSubject: subject,
    status: 'DEAD',
    attempts: 8,
    lastError: '550 5.1.1 Mailbox unavailable',
    createdAt: '2026-03-01T12:00:00Z',
    updatedAt: at,
  };
}

function outboxMock(
  after: string | null,
  state: () => { dead: number; letters: unknown[]; next: string | null },
): MockLink.MockedResponse {
  return {
    request: { query: OfficerMailOutboxDocument, variables: { first: 20, after } },
    result: () => {
      const now = state();
      return {
        data: {
          noticeOutbox: { __typename: 'MailOutboxSummary', pending: 2, sent: 40, dead: now.dead },
          mailDeadLetters: {
            __typename: 'MailDeliveryConnection',
            edges: now.letters.map((node) => ({
              __typename: 'MailDeliveryEdge',
              cursor: `c-${(node as { id: string }).id}`,
              node,
            })),
            pageInfo: { __typename: 'PageInfo', hasNextPage: now.next !== null, endCursor: now.next },
          },
        },
      };
    },
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}

function rowTexts(table: HTMLElement): string[] {
  return within(table)
    .getAllByRole('row')
    .map((row) => row.textContent ?? '');
}

describe('undelivered notice emails (officers)', { timeout: 20_000 }, () => {
  it('lists the dead letters a page at a time, and retries one', async () => {
    const user = userEvent.setup();
    let retried = false;
    const firstPage = Array.from({ length: 20 }, (_, i) =>
      letter(`d${i}`, `Notice ${i}`, '2026-03-02T15:30:00Z'),
    );
    const retry: MockLink.MockedResponse = {
      request: { query: OfficerRetryMailDeliveryDocument, variables: { id: 'd20' } },
      result: () => {
        retried = true;
        return { data: { retryMailDelivery: true } };
      },
    };
    renderRoute('/en/officer/mail', [
      outboxMock(null, () => ({ dead: 21, letters: firstPage, next: 'c-d19' })),
      outboxMock('c-d19', () =>
        retried
          ? { dead: 20, letters: [], next: null }
          : { dead: 21, letters: [letter('d20', 'Office closed', '2026-03-01T13:00:00Z')], next: null },
      ),
      retry,
      ...officer,
    ]);

    const summary = await screen.findByRole('table', { name: 'Notice email outbox' });
    expect(rowTexts(summary)).toEqual([
      'Waiting to be sent or retried2',
      'Sent40',
      'Undelivered (given up)21',
    ]);
    const page1 = await screen.findByRole('table', { name: 'Undelivered emails, page 1 (21 in all)' });
    expect(within(page1).getAllByRole('row')).toHaveLength(21);
    expect(rowTexts(page1)[1]).toBe(
      'Notice 0March 2, 2026 at 10:30 a.m. EST8550 5.1.1 Mailbox unavailableRetry',
    );
    expect(document.title).toBe('Undelivered notice emails - Passerelle client portal');

    await user.click(await button('Next page'));
    const page2 = await screen.findByRole('table', { name: 'Undelivered emails, page 2 (21 in all)' });
    expect(rowTexts(page2)[1]).toBe(
      'Office closedMarch 1, 2026 at 8:00 a.m. EST8550 5.1.1 Mailbox unavailableRetry',
    );
    await user.click(await labelledButton('Retry the email about Office closed'));
    expect(notice(await screen.findByText('It will be sent within a few seconds.'))).toEqual({
      type: 'success',
      title: 'The email about Office closed is back in the queue',
    });
    expect(await screen.findByText('No notice email is undelivered.')).toBeInTheDocument();

    await user.click(await button('Previous page'));
    expect(
      await screen.findByRole('table', { name: 'Undelivered emails, page 1 (21 in all)' }),
    ).toBeInTheDocument();
  });

  it('in French, lists one dead letter without page links and says when a retry did nothing', async () => {
    const user = userEvent.setup();
    renderRoute('/fr/officer/mail', [
      outboxMock(null, () => ({
        dead: 1,
        letters: [letter('d1', 'Bureau fermé', '2026-03-02T15:30:00Z')],
        next: null,
      })),
      {
        request: { query: OfficerRetryMailDeliveryDocument, variables: { id: 'd1' } },
        result: { data: { retryMailDelivery: false } },
      },
      ...officer,
    ]);
    const table = await screen.findByRole('table', { name: 'Courriels non livrés, page 1 (1 en tout)' });
    expect(rowTexts(table)[0]).toBe('AvisDernier essaiEssaisDernière réponse du serveur de courrielAction');
    expect(screen.queryByRole('navigation', { name: 'Pages des courriels non livrés' })).toBeNull();
    await user.click(await labelledButton("Réessayer le courriel de l'avis Bureau fermé"));
    const failed = await screen.findByText(
      "Il n'est plus non livré, ou la demande a échoué. Actualisez la page et réessayez.",
    );
    expect(notice(failed)).toEqual({
      type: 'danger',
      title: "Le courriel de l'avis Bureau fermé n'a pas pu être réessayé",
    });
  });
});
