import { type MockLink } from '@apollo/client/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { UpdateProgramAccountContactsDocument } from '../../../generated/graphql';
import { button, fieldError, input, summaryLinks } from '../../../test/gcds';
import { renderRoute } from '../../../test/render-route';
import {
  headerMock,
  linkTo,
  programAccountListMock,
  programAccountProfileMock,
  rm0001,
  rt0001,
  signedIn,
} from '../../../test/fixtures/business-fixtures';

type ContactInput = { name: string; title: string | null; phone: string | null; email: string | null };

/** updateProgramAccountContacts of pa-1 with exactly these contacts: refused with `userErrors`, or saved. */
function updateContactsMock(
  contacts: ContactInput[],
  userErrors: Array<{ field: string[]; code: string; message: string }> = [],
): MockLink.MockedResponse {
  return {
    request: {
      query: UpdateProgramAccountContactsDocument,
      variables: { input: { programAccountId: 'pa-1', contacts } },
    },
    result: {
      data: {
        updateProgramAccountContacts: {
          __typename: 'ProgramAccountPayload',
          programAccount: userErrors.length
            ? null
            : {
                __typename: 'ProgramAccount',
                id: 'pa-1',
                viewerCanEdit: true,
                contacts: contacts.map((contact) => ({ __typename: 'Contact', ...contact })),
              },
          userErrors: userErrors.map((error) => ({ __typename: 'UserError', ...error })),
        },
      },
    },
  };
}

const alexandra: ContactInput = {
  name: 'Alexandra Whitfield',
  title: 'President',
  phone: '613-555-0142',
  email: 'a.whitfield@example.com',
};

const header = headerMock({
  id: 'b-1',
  businessNumber: '123456789',
  name: 'Northern Lights',
  accounts: ['123456789RM0001', '123456789RT0001'],
});

describe('program accounts', () => {
  it('lists the accounts the viewer may see, each linking to its profile', async () => {
    renderRoute('/en/business/program-accounts', [...signedIn, header, programAccountListMock()]);
    const table = await screen.findByRole('table', { name: 'Program accounts of Northern Lights (2)' });
    expect(document.title).toBe('Program accounts - Passerelle client portal');
    const rows = within(table)
      .getAllByRole('row')
      .map((row) => row.textContent);
    expect(rows).toEqual([
      'Account numberNameProgram typeBilling typeStatus',
      '123456789RM0001Northern Lights ImportsImporterMonthly statement of accountActive',
      '123456789RT0001Northern Lights Imports Inc.GST/HSTNot applicableActive',
    ]);
    expect(within(table).getAllByRole('rowheader')).toHaveLength(2);
    expect(await linkTo('123456789RM0001')).toBe('/en/business/program-accounts/pa-1');
  });

  it('shows an account profile and says it is read only for a viewer who may not edit it', async () => {
    renderRoute('/fr/business/program-accounts/pa-1', [
      ...signedIn,
      header,
      programAccountProfileMock([{ ...rm0001, viewerCanEdit: false }, rt0001]),
    ]);
    expect(
      await screen.findByText('Compte de programme 123456789RM0001', { selector: 'gcds-heading' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Lecture seule : votre rôle ne vous permet pas de modifier le profil de ce compte.'),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('definition').map((item) => item.textContent)).toEqual([
      '123456789RM0001',
      'Northern Lights Imports',
      'RM',
      'Importateur',
      'Relevé de compte mensuel',
      'Actif',
    ]);
    expect(screen.getByText('Adresse physique')).toBeInTheDocument();
    const owners = screen.getByRole('table', { name: 'Propriétaires du compte 123456789RM0001' });
    expect(within(owners).getAllByRole('row')[1]?.textContent).toBe('Alexandra WhitfieldAdministrateur');
    const subPrograms = screen.getByRole('table', { name: 'Sous-programmes du compte 123456789RM0001' });
    expect(within(subPrograms).getAllByRole('row')[1]?.textContent).toBe('CSACustoms Self Assessment');
    const contacts = screen.getByRole('table', { name: 'Personnes-ressources' });
    expect(within(contacts).getAllByRole('row')).toHaveLength(2);
    // No form: the contacts are read only too.
    expect(screen.queryByText('Modifier les personnes-ressources de ce compte')).toBeNull();
    expect(document.querySelector('gcds-input')).toBeNull();
    expect(document.querySelector('form')).toBeNull();
    expect(await linkTo('Retour aux comptes de programme')).toBe('/fr/business/program-accounts');
  });

  it('says when the viewer may edit the account, and when the account is not theirs to see', async () => {
    const { unmount } = renderRoute('/en/business/program-accounts/pa-1', [
      ...signedIn,
      header,
      programAccountProfileMock([rm0001]),
    ]);
    expect(
      await screen.findByText(/^Your role allows you to change the contacts of this account/),
    ).toBeInTheDocument();
    unmount();

    renderRoute('/en/business/program-accounts/pa-9', [
      ...signedIn,
      header,
      programAccountProfileMock([rm0001]),
    ]);
    await waitFor(() =>
      expect(
        screen.getByText('This program account does not exist or you do not have access to it.'),
      ).toBeInTheDocument(),
    );
    expect(screen.getByText('Program account not found', { selector: 'gcds-heading' })).toBeInTheDocument();
  });

  it('lets a viewer who may edit the account change its contacts, sending them trimmed', async () => {
    const user = userEvent.setup();
    const lee: ContactInput = {
      name: 'Lee Wong',
      title: 'Customs broker',
      phone: null,
      email: 'lee@example.com',
    };
    renderRoute('/en/business/program-accounts/pa-1', [
      ...signedIn,
      header,
      programAccountProfileMock([rm0001]),
      updateContactsMock([alexandra, lee]),
    ]);

    expect(
      await screen.findByText('Edit the contacts of this account', { selector: 'gcds-heading' }),
    ).toBeInTheDocument();
    expect(await input('Name of contact 1')).toHaveValue('Alexandra Whitfield');
    expect(await input('Email address of contact 1')).toHaveValue('a.whitfield@example.com');
    expect(screen.queryByRole('table', { name: 'Contacts' })).toBeNull();
    // The registry's part stays read only.
    expect(screen.getAllByRole('definition').map((item) => item.textContent)).toContain('123456789RM0001');
    expect(screen.getByRole('table', { name: 'Owners of account 123456789RM0001' })).toBeInTheDocument();

    // A new contact without a name, or with an invalid email, is refused before anything is sent.
    await user.click(await button('Add a contact'));
    await user.type(await input('Email address of contact 2'), 'lee@');
    await user.click(await button('Save the contacts'));
    await waitFor(() =>
      expect(summaryLinks()).toEqual([
        { text: 'Enter the name of contact 2.', href: '#contacts-1-name' },
        {
          text: 'Enter a valid email address for contact 2, for example name@example.com.',
          href: '#contacts-1-email',
        },
      ]),
    );
    expect(fieldError(document.getElementById('contacts-1-name'))).toBe('Enter the name of contact 2.');

    await user.type(await input('Name of contact 2'), '  Lee Wong ');
    await user.type(await input('Title of contact 2'), ' Customs broker');
    await user.type(await input('Email address of contact 2'), 'example.com ');
    await user.click(await button('Save the contacts'));
    expect(
      await screen.findByText('The contacts of account 123456789RM0001 are up to date.'),
    ).toBeInTheDocument();
    await waitFor(() => expect(fieldError(document.getElementById('contacts-1-name'))).toBe(''));
    expect(summaryLinks()).toEqual([]);
  });

  it('shows the server refusals: too many contacts above the list, an invalid contact beside its name', async () => {
    const user = userEvent.setup();
    const tooMany = 'A business can have at most 20 contacts.';
    const invalid = 'Each contact needs a name (at most 175 characters) and valid details.';
    renderRoute('/en/business/program-accounts/pa-1', [
      ...signedIn,
      header,
      programAccountProfileMock([rm0001]),
      updateContactsMock([alexandra], [{ field: ['input', 'contacts'], code: 'TOO_MANY', message: tooMany }]),
      updateContactsMock(
        [alexandra],
        [{ field: ['input', 'contacts', '0'], code: 'INVALID', message: invalid }],
      ),
    ]);

    await user.click(await button('Save the contacts'));
    await waitFor(() => expect(summaryLinks()).toEqual([{ text: tooMany, href: '#contacts' }]));
    expect(document.getElementById('contacts')?.textContent).toBe(tooMany);
    expect(screen.queryByText('The contacts have been saved')).toBeNull();

    await user.click(await button('Save the contacts'));
    await waitFor(() => expect(summaryLinks()).toEqual([{ text: invalid, href: '#contacts-0-name' }]));
    expect(fieldError(document.getElementById('contacts-0-name'))).toBe(invalid);
    expect(document.getElementById('contacts')?.textContent).toBe('');
  });
});
