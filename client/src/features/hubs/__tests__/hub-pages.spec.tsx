import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { headingLevel, renderRoute, shadowHref } from '../../../test/render-route';
import { headerMock, northernLights, signedIn } from '../../../test/fixtures/relationships-fixtures';
import { hubKeys } from '../components/hub-data';
import en from '../../../i18n/en/hubs.json';
import fr from '../../../i18n/fr/hubs.json';

const mocks = [...signedIn, headerMock({ ...northernLights, accounts: ['123456789RM0001'] })];

describe('the MENU and its hubs (seed 003 §2.2)', () => {
  it.each([
    ['en', 'Configure my portal', 'Manage my business relationships', 'Rulings'],
    ['fr', 'Configurer mon portail', "Gérer mes relations d'affaires", 'Décisions'],
  ])(
    'reaches every hub from the MENU, each with its links and descriptions (%s)',
    async (language, configure, relationships, rulings) => {
      const { router } = renderRoute(`/${language}/menu`, mocks);
      const title = await screen.findByText('Menu', { selector: 'gcds-heading' });
      await waitFor(() => expect(headingLevel(title)).toBe('h1'));
      const titles = (language === 'fr' ? fr : en).hubs;
      expect([titles.configure.title, titles.rulings.title]).toEqual([configure, rulings]);
      const hubLinks = await waitFor(() => {
        const found = hubKeys.map((hub) => [
          hub,
          // In the page, not the header (which links to the financial information too).
          shadowHref(within(title.closest('main')!).getByText(titles[hub].title, { selector: 'gcds-link' })),
        ]);
        expect(found.every(([, href]) => href)).toBe(true);
        return found;
      });
      expect(hubLinks).toEqual(hubKeys.map((hub) => [hub, `/${language}/menu/${hub}`]));

      await act(() => router.navigate(`/${language}/menu/configure`));
      const heading = await screen.findByText(configure, { selector: 'gcds-heading' });
      await waitFor(() => expect(headingLevel(heading)).toBe('h1'));
      const link = await screen.findByText(relationships);
      await waitFor(() =>
        expect(shadowHref(link.closest('gcds-link'))).toBe(`/${language}/business/relationships`),
      );
      // Each link comes with its line of what it does.
      expect(link.closest('li')).toHaveTextContent(
        (language === 'fr' ? fr : en).links.relationships.description,
      );
      expect(document.documentElement.lang).toBe(language);
    },
  );
});
