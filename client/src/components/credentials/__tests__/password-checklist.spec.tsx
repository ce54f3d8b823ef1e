import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { applyLanguage, i18n } from '../../../lib/i18n';
import { input } from '../../../test/gcds';
import { PasswordFields } from '../password-fields';

function Harness({ username }: { username: string }) {
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  return (
    <I18nextProvider i18n={i18n}>
      <form>
        <PasswordFields
          names={{ password: 'password', confirmation: 'passwordConfirmation' }}
          wording="create"
          username={username}
          password={password}
          confirmation={confirmation}
          onPasswordChange={setPassword}
          onConfirmationChange={setConfirmation}
          errors={{}}
        />
      </form>
    </I18nextProvider>
  );
}

/** Each checklist line as the person perceives it: its mark and whether screen readers hear "met". */
function lines() {
  const list = screen.getByRole('list');
  return within(list)
    .getAllByRole('listitem')
    .map((item) => ({
      id: item.getAttribute('data-check'),
      mark: item.querySelector('[aria-hidden="true"]')?.textContent,
      spoken: item.querySelector('.visually-hidden')?.textContent,
    }));
}

function state(id: string) {
  return lines().find((line) => line.id === id);
}

describe('password checklist', () => {
  afterEach(() => applyLanguage('en'));

  it('ticks each requirement as the person types, with text for screen readers', async () => {
    const user = userEvent.setup();
    render(<Harness username="jdoe2024" />);
    expect(screen.getByRole('region', { name: 'Password checklist' })).toBeInTheDocument();
    expect(lines().map((line) => line.id)).toEqual([
      'length',
      'notSharingUsername',
      'validCharacters',
      'lowercase',
      'uppercase',
      'digit',
      'confirmationMatches',
    ]);
    expect(lines().every((line) => line.mark === '✗' && line.spoken === 'Not met:')).toBe(true);
    expect(screen.getByText(/Valid characters: letters A to Z, digits and ! # \$/)).toBeInTheDocument();

    const password = await input('Create your password');
    await user.type(password, 'a');
    expect(state('lowercase')).toEqual({ id: 'lowercase', mark: '✓', spoken: 'Met:' });
    expect(state('uppercase')?.mark).toBe('✗');
    expect(state('length')?.mark).toBe('✗');

    await user.type(password, 'Bc9');
    expect(state('uppercase')?.mark).toBe('✓');
    expect(state('digit')?.mark).toBe('✓');
    expect(state('length')?.mark).toBe('✗');

    await user.type(password, 'xyz!kq');
    expect(state('length')?.mark).toBe('✓');
    expect(state('validCharacters')?.mark).toBe('✓');
    expect(state('notSharingUsername')?.mark).toBe('✓');

    // "doe" is 3 consecutive characters of the username.
    await user.type(password, 'doe');
    expect(state('notSharingUsername')).toEqual({ id: 'notSharingUsername', mark: '✗', spoken: 'Not met:' });
    await user.type(password, '{Backspace}');
    expect(state('notSharingUsername')?.mark).toBe('✓');

    // A space is not a valid character.
    await user.type(password, ' ');
    expect(state('validCharacters')?.mark).toBe('✗');
    await user.type(password, '{Backspace}');

    const confirmation = await input('Confirm your password');
    await user.type(confirmation, 'aBc9xyz!kqd');
    expect(state('confirmationMatches')?.mark).toBe('✗');
    await user.type(confirmation, 'o');
    expect(state('confirmationMatches')).toEqual({ id: 'confirmationMatches', mark: '✓', spoken: 'Met:' });
  });

  it('says how many requirements are met once the person pauses, not at each key', async () => {
    const user = userEvent.setup();
    render(<Harness username="jdoe2024" />);
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('');

    await user.type(await input('Create your password'), 'aB');
    // Right after typing, nothing has been read out yet.
    expect(status).toHaveTextContent('');
    await waitFor(() => expect(status).toHaveTextContent('4 of 7 requirements met'), { timeout: 2500 });
  });

  it('speaks French on a French page', async () => {
    act(() => applyLanguage('fr'));
    const user = userEvent.setup();
    render(<Harness username="jdoe2024" />);
    expect(screen.getByRole('region', { name: 'Liste de contrôle des mots de passe' })).toBeInTheDocument();
    await user.type(await input('Créez votre mot de passe'), 'a');
    expect(state('lowercase')).toEqual({ id: 'lowercase', mark: '✓', spoken: 'Respecté :' });
    expect(screen.getByText('Mots de passe identiques')).toBeInTheDocument();
  });
});
