import { type MockLink } from '@apollo/client/testing';
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SignOutDocument } from '../../../generated/graphql';
import { shadowControl } from '../../../lib/focus';
import { renderRoute, session, sessionMock, viewer, viewerMock } from '../../../test/render-route';

type Session = ReturnType<typeof session>;

const minute = 60_000;

function dialog(): HTMLDialogElement {
  const element = document.querySelector<HTMLDialogElement>('dialog.inactivity-dialog');
  if (!element) throw new Error('no inactivity dialog');
  return element;
}

let sessionAnswers = 0;

/** The Session query, counting its answers so a test can wait for the first one. */
function countedSession(current: () => Session | null) {
  return sessionMock(() => {
    sessionAnswers += 1;
    return current();
  });
}

/** Waits for the session to be known (the clock must not move before the dialog knows the deadline). */
async function sessionLoaded() {
  await eventually(() => expect(sessionAnswers).toBeGreaterThan(0));
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 50));
  });
}

/**
 * Testing Library's waitFor polls with setInterval, which these tests fake: poll with (real)
 * timeouts instead.
 */
async function eventually(assertion: () => void, timeoutMs = 2000): Promise<void> {
  const start = performance.now();
  for (;;) {
    try {
      assertion();
      return;
    } catch (error) {
      if (performance.now() - start > timeoutMs) throw error;
      await act(async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
      });
    }
  }
}

function advance(ms: number) {
  act(() => {
    vi.advanceTimersByTime(ms);
  });
}

describe('inactivity dialog', () => {
  beforeEach(() => {
    sessionAnswers = 0;
    // Only the clock and the dialog's ticking are faked: Apollo, GCDS and Testing Library keep real timeouts.
    vi.useFakeTimers({
      toFake: ['Date', 'setInterval', 'clearInterval'],
      now: new Date('2026-03-02T14:00:00Z'),
    });
    // jsdom runs animation frames on setInterval, now frozen; GCDS (Stencil) renders on animation frames.
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) =>
      setTimeout(() => callback(performance.now()), 0),
    );
    vi.stubGlobal('cancelAnimationFrame', (handle: number) => clearTimeout(handle));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('warns 3 minutes before the session ends, counts down, and "Stay signed in" extends the session', async () => {
    let current = session({ idleExpiresAt: new Date(Date.now() + 5 * minute).toISOString() });
    const user = userEvent.setup();
    renderRoute('/en/forgot-password', [viewerMock(() => viewer()), countedSession(() => current)]);
    await eventually(() => screen.getByText('Forgot your password?', { selector: 'gcds-heading' }));
    // Let the session query land before the clock moves.
    await sessionLoaded();

    advance(1 * minute);
    expect(dialog().open).toBe(false);

    advance(1 * minute + 1000);
    expect(dialog().open).toBe(true);
    expect(dialog()).toHaveAccessibleName('Your session is about to end');
    expect(dialog()).toHaveTextContent('Time remaining: 2:59');
    expect(screen.getByRole('status', { hidden: true })).toHaveTextContent('Less than 3 min remaining');
    // Focus goes to "Stay signed in".
    await eventually(() => expect(document.activeElement?.textContent).toBe('Stay signed in'));

    advance(60 * 1000);
    expect(dialog()).toHaveTextContent('Time remaining: 1:59');

    // The server now says the session ends 20 minutes from now.
    current = session({ csrfToken: 'csrf-1' });
    await user.click(shadowControl(screen.getByText('Stay signed in')) as HTMLElement);
    await eventually(() => expect(dialog().open).toBe(false));
    expect(dialog()).not.toHaveTextContent('Time remaining');

    advance(10 * minute);
    expect(dialog().open).toBe(false);
  });

  it('sends the person to the sign-in page with a message when the time is up', async () => {
    let signedIn = true;
    const current = session({ idleExpiresAt: new Date(Date.now() + 4 * minute).toISOString() });
    const signOut: MockLink.MockedResponse = {
      request: { query: SignOutDocument },
      result: () => {
        signedOut = true;
        return { data: { signOut: { __typename: 'SignOutPayload', signedOut: true, userErrors: [] } } };
      },
    };
    let signedOut = false;
    const { router } = renderRoute('/fr/forgot-password', [
      signOut,
      viewerMock(() => (signedIn ? viewer() : null)),
      countedSession(() => (signedIn ? current : null)),
    ]);
    await eventually(() =>
      screen.getByText('Vous avez oublié votre mot de passe?', { selector: 'gcds-heading' }),
    );
    await sessionLoaded();

    advance(1 * minute + 1000);
    expect(dialog().open).toBe(true);
    expect(dialog()).toHaveTextContent('Temps restant : 2 min 59 s');
    expect(dialog()).toHaveTextContent('Rester connecté');

    // The server ended the session on its side too.
    signedIn = false;
    advance(3 * minute);
    await eventually(() => expect(router.state.location.pathname).toBe('/fr/sign-in/gckey'));
    // Signed out for sure: the estimate errs early, the server's session might still have been alive.
    expect(signedOut).toBe(true);
    await eventually(() =>
      screen.getByText(
        "Vous avez été déconnecté en raison d'une période d'inactivité. Ouvrez une nouvelle session pour continuer.",
      ),
    );
    // Signed out, the frame no longer holds the dialog (it comes with the signed-in menu, decision 0050).
    await eventually(() => expect(document.querySelector('dialog.inactivity-dialog')).toBeNull());
  });
});
