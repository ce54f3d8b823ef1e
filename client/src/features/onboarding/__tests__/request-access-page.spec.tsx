import { type MockLink } from '@apollo/client/testing';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  OnboardingEmployerPreviewDocument,
  OnboardingRequestAccessDocument,
} from '../../../generated/graphql';
import { button, fieldError, hostById, input, summaryLinks } from '../../../test/gcds';
import { renderRoute } from '../../../test/render-route';
import { noticeTitles, signedIn, textarea, userError } from './fixtures';

function preview(businessNumber: string, name: string | null): MockLink.MockedResponse {
  return {
    request: { query: OnboardingEmployerPreviewDocument, variables: { businessNumber } },
    result: {
      data: { employerPreview: name ? { __typename: 'EmployerPreview', businessNumber, name } : null },
    },
  };
}

const reason = 'I file the customs declarations of the business as its import coordinator.';

function requestMock(result: object): MockLink.MockedResponse {
  return {
    request: {
      query: OnboardingRequestAccessDocument,
      variables: { input: { businessNumber: '123456789', reason } },
    },
    result: { data: { requestEmployerAccess: { __typename: 'AccessRequestPayload', ...result } } },
  };
}

describe('request access to an employer', () => {
  it('shows the business found, requires a reason, then confirms the pending request', async () => {
    const user = userEvent.setup();
    renderRoute('/en/setup/request-access', [
      preview('123456789', 'Northern Lights Imports Inc.'),
      requestMock({
        accessRequest: {
          __typename: 'AccessRequest',
          id: 'ar-1',
          status: 'PENDING',
          requestedAt: '2026-11-20T15:30:00Z',
          business: {
            __typename: 'BusinessSummary',
            id: 'b-1',
            businessNumber: '123456789',
            name: 'Northern Lights Imports Inc.',
          },
        },
        userErrors: [],
      }),
      ...signedIn,
    ]);
    await waitFor(() =>
      expect(document.title).toBe('Request access to my employer - Passerelle client portal'),
    );
    await user.type(await input('Business number of your employer'), '123456789');
    await user.click(await button('Find the business'));
    expect(
      await screen.findByText('Business found: Northern Lights Imports Inc. (123456789)'),
    ).toBeInTheDocument();

    // The reason is required.
    await user.click(await button('Send my request'));
    await waitFor(() => expect(fieldError(hostById('reason'))).toBe('Enter the reason for your request.'));
    expect(summaryLinks()).toEqual([{ text: 'Enter the reason for your request.', href: '#reason' }]);
    await waitFor(() => expect(document.activeElement?.tagName).toBe('GCDS-ERROR-SUMMARY'));
    expect((document.getElementById('reason') as unknown as { characterCount?: number }).characterCount).toBe(
      500,
    );

    await user.type(await textarea('reason'), reason);
    await user.click(await button('Send my request'));
    await waitFor(() => expect(noticeTitles()).toContain('Your access request has been sent'));
    expect(
      screen.getByText(
        "Your request for access to Northern Lights Imports Inc. (123456789) is pending. The business's Business Account Manager will review it.",
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Status: Pending. Sent on November 20, 2026 at 10:30 a.m. EST.'),
    ).toBeInTheDocument();
  });

  it('says when no business with this number is registered on the portal', async () => {
    const user = userEvent.setup();
    renderRoute('/en/setup/request-access', [preview('999999999', null), ...signedIn]);
    await user.type(await input('Business number of your employer'), '999999999');
    await user.click(await button('Find the business'));
    await waitFor(() =>
      expect(fieldError(hostById('businessNumber'))).toBe(
        'No business with this business number is registered on the portal. Check the number with your employer.',
      ),
    );
    expect(screen.queryByText(/^Business found/)).not.toBeInTheDocument();
  });

  it('shows the server refusal beside the business number, in French, with the number from the link', async () => {
    const user = userEvent.setup();
    const refusal = 'Vous avez déjà une demande d’accès en attente pour cette entreprise.';
    renderRoute('/fr/setup/request-access?businessNumber=123456789', [
      preview('123456789', 'Northern Lights Imports Inc.'),
      requestMock({
        accessRequest: null,
        userErrors: [userError('REQUEST_PENDING', refusal, ['input', 'businessNumber'])],
      }),
      ...signedIn,
    ]);
    expect((await input("Numéro d'entreprise de votre employeur")).value).toBe('123456789');
    await user.click(await button("Trouver l'entreprise"));
    expect(
      await screen.findByText('Entreprise trouvée : Northern Lights Imports Inc. (123456789)'),
    ).toBeInTheDocument();
    await user.type(await textarea('reason'), reason);
    await user.click(await button('Envoyer ma demande'));
    await waitFor(() => expect(fieldError(hostById('businessNumber'))).toBe(refusal));
  });
});
