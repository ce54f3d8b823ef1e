import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderRoute } from '../../../test/render-route';
import {
  headerMock,
  linkTo,
  programAccountListMock,
  programAccountProfileMock,
  rm0001,
  rt0001,
  signedIn,
} from './business-fixtures';

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
    expect(await linkTo('Retour aux comptes de programme')).toBe('/fr/business/program-accounts');
  });

  it('says when the viewer may edit the account, and when the account is not theirs to see', async () => {
    const { unmount } = renderRoute('/en/business/program-accounts/pa-1', [
      ...signedIn,
      header,
      programAccountProfileMock([rm0001]),
    ]);
    expect(
      await screen.findByText(/^Your role allows you to edit the profile of this account/),
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
});
