import { act, screen, waitFor } from '@testing-library/react';
import { type MockLink } from '@apollo/client/testing';
import { describe, expect, it, vi } from 'vitest';
import { type RouteObject } from 'react-router';
import { PortalInfoDocument } from '../generated/graphql';
import { headingLevel, renderRoute } from '../test/render-route';
import { appRoutePaths } from './route-table';
import { routes } from './router';

const portalInfo: MockLink.MockedResponse = {
  request: { query: PortalInfoDocument },
  result: {
    data: {
      portalInfo: { __typename: 'PortalInfo', agencyPhone: '1-800-461-9999', version: '1' },
      demoPersonas: [],
    },
  },
};

/** Every path the route tree names under `/:lang`, layouts included. */
function routePaths(list: readonly RouteObject[], out: string[] = []): string[] {
  for (const route of list) {
    if (route.path && route.path !== '*') out.push(route.path);
    if (route.children) routePaths(route.children, out);
  }
  return out;
}

describe('routes', () => {
  it('names no page path that the route table, which the server answers 404 from, does not list (defect 3)', () => {
    const languageRoot = routes.find((r) => r.path === ':lang');
    const paths = routePaths(languageRoot?.children ?? []);
    expect([...paths, ''].sort()).toEqual([...appRoutePaths].sort());
  });

  it.each([
    [['fr-CA', 'en'], '/fr'],
    [['en-CA', 'fr'], '/en'],
  ])('sends / to the browser language (%s -> %s)', async (browserLanguages, expected) => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(browserLanguages);
    const { router } = renderRoute('/', [portalInfo]);
    await waitFor(() => expect(router.state.location.pathname).toBe(expected));
  });

  it('shows "page not found" in the language of the URL, with a toggle to the same path', async () => {
    renderRoute('/fr/nowhere?x=1#here');

    const title = await screen.findByText('Nous ne pouvons trouver cette page Web (Erreur 404)');
    await waitFor(() => expect(headingLevel(title)).toBe('h1'));
    expect(document.documentElement.lang).toBe('fr');
    // Set in an effect, which may run after the heading shows on a busy machine.
    await waitFor(() =>
      expect(document.title).toBe(
        'Nous ne pouvons trouver cette page Web (Erreur 404) - Portail client Passerelle',
      ),
    );
    const header = document.querySelector('gcds-header');
    await waitFor(() =>
      expect(header?.shadowRoot?.querySelector('gcds-lang-toggle')).toHaveAttribute(
        'href',
        '/en/nowhere?x=1#here',
      ),
    );
  });

  it('shows a bilingual "page not found" for a path outside /en and /fr', async () => {
    renderRoute('/de/irgendwo');

    expect(await screen.findByText("We couldn't find that web page (Error 404)")).toHaveAttribute(
      'lang',
      'en',
    );
    expect(screen.getByText('Nous ne pouvons trouver cette page Web (Erreur 404)')).toHaveAttribute(
      'lang',
      'fr',
    );
    expect(document.documentElement.lang).toBe('en');
    expect(document.querySelector('gcds-header')?.shadowRoot?.querySelector('gcds-lang-toggle')).toBeNull();
  });

  it('moves focus to the new page’s heading and announces its title on an in-app page change (defect 4)', async () => {
    const { router } = renderRoute('/en', [portalInfo]);
    await screen.findByText('Passerelle client portal', { selector: 'gcds-heading' });
    // The first page is the browser's own load: focus is left where the browser puts it.
    expect(document.activeElement).toBe(document.body);

    await act(() => router.navigate('/en/nowhere'));
    const heading = await screen.findByText("We couldn't find that web page (Error 404)");
    await waitFor(() => expect(document.activeElement).toBe(heading.closest('gcds-heading') ?? heading));
    expect(document.activeElement).toHaveAttribute('tabindex', '-1');
    await waitFor(() =>
      expect(screen.getByTestId('page-announcer')).toHaveTextContent(
        "We couldn't find that web page (Error 404) - Passerelle client portal",
      ),
    );
    expect(screen.getByTestId('page-announcer')).toHaveAttribute('aria-live', 'polite');

    // A new query on the same page (a filter, a page of a list) is not a new page: focus stays put.
    const focused = document.activeElement as HTMLElement;
    focused.blur();
    await act(() => router.navigate('/en/nowhere?page=2'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(document.activeElement).toBe(document.body);
  });
});
