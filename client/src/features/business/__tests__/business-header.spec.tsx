import { type MockLink } from '@apollo/client/testing';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { HeaderBusinessDocument, SwitchBusinessDocument } from '../../../generated/graphql';
import { button, select } from '../../../test/gcds';
import { renderRoute } from '../../../test/render-route';
import {
  always,
  businessProfileMock,
  headerMock,
  linkTo,
  profileOf,
  signedIn,
} from '../../../test/fixtures/business-fixtures';
import { connectionOf } from '../../../test/fixtures/connection';

const businesses = {
  'b-1': { id: 'b-1', businessNumber: '123456789', name: 'Northern Lights', accounts: ['123456789RM0001'] },
  'b-2': {
    id: 'b-2',
    businessNumber: '567890124',
    name: 'Importations Côté-Lévesque',
    accounts: ['567890124RM0002', '567890124RT0001'],
  },
} as const;

/** The header's answer for a person who is an editor of both businesses, acting for `active`. */
function headerOf(active: keyof typeof businesses) {
  return {
    me: {
      __typename: 'Viewer',
      id: 'user-1',
      actingForConnection: connectionOf('Business', []),
      membershipsConnection: connectionOf(
        'Membership',
        Object.values(businesses).map((business, index) => ({
          __typename: 'Membership',
          id: `m-${index}`,
          role: 'EDITOR',
          business: {
            __typename: 'BusinessSummary',
            id: business.id,
            businessNumber: business.businessNumber,
            name: business.name,
          },
        })),
      ),
      activeBusiness: {
        __typename: 'Business',
        id: businesses[active].id,
        businessNumber: businesses[active].businessNumber,
        name: businesses[active].name,
        programAccountsConnection: connectionOf(
          'ProgramAccount',
          businesses[active].accounts.map((accountNumber) => ({
            __typename: 'ProgramAccount',
            id: accountNumber,
            accountNumber,
          })),
        ),
      },
    },
  };
}

describe('header: who acts for which business', () => {
  it('shows "Jane Doe (RM0001) / Northern Lights (123456789)" and links to the business', async () => {
    renderRoute('/en/business', [
      ...signedIn,
      headerMock({ ...businesses['b-1'], accounts: ['123456789RM0001', '123456789RT0001'] }),
      businessProfileMock('READER'),
    ]);
    const who = await screen.findByText('Signed in as Jane Doe (RM0001) / Northern Lights (123456789)');
    expect(who.closest('gcds-link')).not.toBeNull();
    expect(await linkTo('Signed in as Jane Doe (RM0001) / Northern Lights (123456789)')).toBe('/en/welcome');
    expect(await linkTo('My business')).toBe('/en/business');
    // No client to act for: no "My clients".
    expect(screen.queryByText('My clients')).toBeNull();
    // One membership: nothing to switch to.
    expect(document.querySelector('gcds-select')).toBeNull();
  });

  it('links to "My clients" for a provider’s employee who may act for clients, and only then', async () => {
    renderRoute('/fr/business', [
      ...signedIn,
      headerMock(businesses['b-1'], [], ['client-1']),
      businessProfileMock('READER'),
    ]);
    expect(await linkTo('Mes clients')).toBe('/fr/clients');
  });

  it('omits the program account when the person has none in scope', async () => {
    renderRoute('/en/business', [
      ...signedIn,
      headerMock({ ...businesses['b-1'], accounts: [] }),
      businessProfileMock('READER'),
    ]);
    expect(
      await screen.findByText('Signed in as Jane Doe / Northern Lights (123456789)'),
    ).toBeInTheDocument();
  });

  it('switches business with switchBusiness, then asks the active queries again', async () => {
    const user = userEvent.setup();
    let active: keyof typeof businesses = 'b-1';
    const header = always(HeaderBusinessDocument, () => headerOf(active));
    const switched: string[] = [];
    const switchMock: MockLink.MockedResponse = {
      request: { query: SwitchBusinessDocument, variables: { businessId: 'b-2' } },
      result: () => {
        switched.push('b-2');
        active = 'b-2';
        return {
          data: {
            switchBusiness: {
              __typename: 'BusinessPayload',
              business: {
                __typename: 'Business',
                id: 'b-2',
                businessNumber: '567890124',
                name: 'Importations Côté-Lévesque',
              },
              userErrors: [],
            },
          },
        };
      },
    };
    // The page's query shares `me.activeBusiness` with the header's: it follows the switch too.
    const page = businessProfileMock('EDITOR', profileOf(), () => {
      const { id, businessNumber, name } = businesses[active];
      return { id, businessNumber, name };
    });
    renderRoute('/en/business', [...signedIn, header, switchMock, page]);

    await screen.findByText('Signed in as Jane Doe (RM0001) / Northern Lights (123456789)');
    const choice = await select('Business you are acting for');
    expect([...choice.options].map((option) => option.textContent)).toEqual([
      'Northern Lights (123456789)',
      'Importations Côté-Lévesque (567890124)',
    ]);
    await user.selectOptions(choice, 'b-2');
    await user.click(await button('Switch'));

    expect(
      await screen.findByText('Signed in as Jane Doe (RM0002) / Importations Côté-Lévesque (567890124)'),
    ).toBeInTheDocument();
    expect(switched).toEqual(['b-2']);
  });

  it('keeps a business chosen while a switch is under way, and switches to it next', async () => {
    const user = userEvent.setup();
    let active: keyof typeof businesses = 'b-1';
    const header = always(HeaderBusinessDocument, () => headerOf(active));
    const switchTo = (id: keyof typeof businesses, whileUnderWay?: () => void): MockLink.MockedResponse => ({
      request: { query: SwitchBusinessDocument, variables: { businessId: id } },
      // Called as the request leaves: the person acts while the switch is still under way.
      delay: () => {
        whileUnderWay?.();
        return 0;
      },
      result: () => {
        active = id;
        const { businessNumber, name } = businesses[id];
        return {
          data: {
            switchBusiness: {
              __typename: 'BusinessPayload',
              business: { __typename: 'Business', id, businessNumber, name },
              userErrors: [],
            },
          },
        };
      },
    });
    const pickFirstAgain = () => {
      choice.value = 'b-1';
      choice.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      choice.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    };
    const page = businessProfileMock('EDITOR', profileOf(), () => {
      const { id, businessNumber, name } = businesses[active];
      return { id, businessNumber, name };
    });
    renderRoute('/en/business', [
      ...signedIn,
      header,
      switchTo('b-2', pickFirstAgain),
      switchTo('b-1'),
      page,
    ]);

    await screen.findByText('Signed in as Jane Doe (RM0001) / Northern Lights (123456789)');
    const choice = await select('Business you are acting for');
    await user.selectOptions(choice, 'b-2');
    await user.click(await button('Switch'));
    await screen.findByText('Signed in as Jane Doe (RM0002) / Importations Côté-Lévesque (567890124)');
    // "Switch" is disabled until the first switch has ended (its refetch can land well before it on a busy
    // machine); a click before it is drawn enabled again does nothing, as it would for a person (`button`
    // waits for that).
    const again = await button('Switch');
    // The end of the first switch left the person's later choice alone (it used to put the active
    // business back, so that "Switch" then did nothing).
    await waitFor(() => expect(choice.value).toBe('b-1'));
    await user.click(again);
    expect(
      await screen.findByText('Signed in as Jane Doe (RM0001) / Northern Lights (123456789)'),
    ).toBeInTheDocument();
  });

  it('speaks French on French pages', async () => {
    renderRoute('/fr/business', [
      ...signedIn,
      headerMock(businesses['b-1'], [businesses['b-2']]),
      businessProfileMock('READER'),
    ]);
    expect(
      await screen.findByText('Connecté en tant que Jane Doe (RM0001) / Northern Lights (123456789)'),
    ).toBeInTheDocument();
    expect(screen.getByText('Mon entreprise')).toBeInTheDocument();
    expect(await select('Entreprise pour laquelle vous agissez')).toBeDefined();
    expect(await button('Changer')).toBeDefined();
  });
});
