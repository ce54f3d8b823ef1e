import { screen, waitFor } from '@testing-library/react';
import { type MockLink } from '@apollo/client/testing';
import { describe, expect, it } from 'vitest';
import { ViewerDocument } from '../../generated/graphql';
import { renderRoute, session, sessionMock, viewer, viewerMock } from '../../test/render-route';

/** The Viewer query, never answered: who is signed in is not known yet. */
const viewerPending: MockLink.MockedResponse = {
  request: { query: ViewerDocument },
  delay: Number.POSITIVE_INFINITY,
  maxUsageCount: Number.POSITIVE_INFINITY,
};

const placeholder = () => document.querySelector('.signed-in-menu[aria-hidden="true"]');

describe('the signed-in menu’s place (docs/decisions/0036)', () => {
  it('is kept on a page behind sign-in while who is signed in is not known yet', async () => {
    renderRoute('/en/welcome', [viewerPending, sessionMock(() => session())]);
    await waitFor(() => expect(placeholder()).not.toBeNull());
    expect(screen.queryByText('Sign out')).toBeNull();
  });

  it('is taken by the menu once the person is known', async () => {
    renderRoute('/en/welcome', [viewerMock(() => viewer()), sessionMock(() => session())]);
    expect(await screen.findByText('Sign out', { selector: 'gcds-button' })).toBeInTheDocument();
    expect(placeholder()).toBeNull();
    expect(document.querySelectorAll('.signed-in-menu')).toHaveLength(1);
  });

  it('is not kept on a page a visitor sees', async () => {
    renderRoute('/en/', [viewerPending]);
    expect(
      await screen.findByText('Passerelle client portal', { selector: 'gcds-heading' }),
    ).toBeInTheDocument();
    expect(document.querySelector('.signed-in-menu')).toBeNull();
  });

  it('brings the inactivity dialog for a signed-in person only (docs/decisions/0050)', async () => {
    renderRoute('/en/', []);
    expect(
      await screen.findByText('Passerelle client portal', { selector: 'gcds-heading' }),
    ).toBeInTheDocument();
    expect(document.querySelector('dialog.inactivity-dialog')).toBeNull();
  });

  it('has the inactivity dialog on the landing page once the person is known', async () => {
    renderRoute('/en/', [viewerMock(() => viewer()), sessionMock(() => session())]);
    expect(await screen.findByText('Sign out', { selector: 'gcds-button' })).toBeInTheDocument();
    await waitFor(() => expect(document.querySelector('dialog.inactivity-dialog')).not.toBeNull());
  });
});
