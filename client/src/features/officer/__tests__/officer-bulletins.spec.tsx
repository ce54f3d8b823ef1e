import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { BulletinsDocument, OfficerPostBulletinDocument } from '../../../generated/graphql';
import { button, fieldError, hostById, input, summaryLinks } from '../../../test/gcds';
import { renderRoute, session, sessionMock, viewer, viewerMock } from '../../../test/render-route';

const officer = [viewerMock(() => viewer({ role: 'OFFICER' })), sessionMock(() => session())];

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

const texts = {
  titleEn: 'Maintenance Sunday',
  titleFr: 'Entretien dimanche',
  bodyEn: 'Closed from 2 to 4.',
  bodyFr: 'Fermé de 2 h à 4 h.',
};

describe('bulletins (issue 14, public resources)', { timeout: 30_000 }, () => {
  it('in French, an officer’s empty form is refused field by field, the server’s error shows beside its field, then the bulletin is posted', async () => {
    const user = userEvent.setup();
    const calls = { count: 0 };
    renderRoute('/fr/officer/bulletins', [
      {
        request: { query: OfficerPostBulletinDocument, variables: { input: texts } },
        result: {
          data: {
            postBulletin: {
              __typename: 'PostBulletinPayload',
              bulletin: null,
              userErrors: [
                {
                  __typename: 'UserError',
                  field: ['input', 'bodyFr'],
                  code: 'TOO_LONG',
                  message: 'Ce champ doit compter au plus 5000 caractères.',
                },
              ],
            },
          },
        },
      },
      {
        request: { query: OfficerPostBulletinDocument, variables: { input: texts } },
        result: () => {
          calls.count += 1;
          return {
            data: {
              postBulletin: {
                __typename: 'PostBulletinPayload',
                bulletin: {
                  __typename: 'BulletinNode',
                  id: 'b1',
                  title: 'Entretien dimanche',
                  postedAt: '2026-12-06T15:00:00.000Z',
                },
                userErrors: [],
              },
            },
          };
        },
      },
      ...officer,
    ]);

    expect(await screen.findByText('Publier un bulletin', { selector: 'gcds-heading' })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: /Console/ });
    expect(within(nav).getByText('Publier un bulletin')).toHaveAttribute('aria-current', 'page');
    await user.click(await button('Publier le bulletin'));
    await waitFor(() =>
      expect(summaryLinks()).toEqual([
        { text: 'Entrez le titre en anglais.', href: '#titleEn' },
        { text: 'Entrez le titre en français.', href: '#titleFr' },
        { text: 'Entrez le bulletin en anglais.', href: '#bodyEn' },
        { text: 'Entrez le bulletin en français.', href: '#bodyFr' },
      ]),
    );
    await user.type(await input('Titre en anglais'), texts.titleEn);
    await user.type(await input('Titre en français'), texts.titleFr);
    await user.type(await textarea('Bulletin en anglais'), texts.bodyEn);
    await user.type(await textarea('Bulletin en français'), texts.bodyFr);
    await user.click(await button('Publier le bulletin'));
    await waitFor(() =>
      expect(fieldError(hostById('bodyFr'))).toBe('Ce champ doit compter au plus 5000 caractères.'),
    );
    expect(calls.count).toBe(0);

    await user.click(await button('Publier le bulletin'));
    expect(
      await screen.findByText('« Entretien dimanche » est maintenant dans la page publique des bulletins.'),
    ).toBeInTheDocument();
    expect(calls.count).toBe(1);
  });

  it('the public page lists the posted bulletins in the page’s language with their agency date, before the launch ones', async () => {
    renderRoute('/fr/bulletins', [
      {
        request: { query: BulletinsDocument },
        result: {
          data: {
            bulletins: [
              {
                __typename: 'BulletinNode',
                id: 'b1',
                title: 'Entretien dimanche',
                body: 'Fermé de 2 h à 4 h.',
                // 00:30 UTC on the 7th is still the 6th in Ottawa.
                postedAt: '2026-12-07T00:30:00.000Z',
              },
            ],
          },
        },
      },
    ]);
    const posted = await screen.findByText('Entretien dimanche', { selector: 'gcds-heading' });
    const article = posted.closest('article')!;
    expect(within(article).getByText('Fermé de 2 h à 4 h.')).toBeInTheDocument();
    expect(article.querySelector('time')?.getAttribute('datetime')).toBe('2026-12-06');
    const headings = [...document.querySelectorAll('article gcds-heading')].map((h) => h.textContent);
    expect(headings[0]).toBe('Entretien dimanche');
    expect(headings.length).toBe(4);
  });
});
