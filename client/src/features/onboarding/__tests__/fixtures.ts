import { type MockLink } from '@apollo/client/testing';
import { waitFor } from '@testing-library/react';
import {
  OnboardingRegistrationProgressDocument,
  type OnboardingRegistrationFragment,
} from '../../../generated/graphql';
import { session, sessionMock, viewer, viewerMock } from '../../../test/render-route';

/** Jane Doe, signed in, terms accepted, profile saved. */
export const signedIn: readonly MockLink.MockedResponse[] = [
  viewerMock(() => viewer()),
  sessionMock(() => session()),
];

export const northernLights = {
  __typename: 'Business',
  id: 'b-1',
  businessNumber: '123456789',
  // The operating name: the portal's name for the business.
  name: 'Northern Lights',
} as const;

/** A registration as the server answers it; step 1 done unless told otherwise. */
export function registration(
  overrides: Partial<OnboardingRegistrationFragment> = {},
): OnboardingRegistrationFragment & { __typename: 'BusinessRegistration' } {
  return {
    __typename: 'BusinessRegistration',
    id: 'reg-1',
    businessNumber: '123456789',
    programAccountReference: 'RM0001',
    attestationName:
      'I, Jane Doe, attest that I am authorized to act on behalf of the business to conduct business with the agency.',
    step: 'IDENTIFY',
    questions: [
      { __typename: 'RegistrationQuestion', kind: 'TRANSACTION_TOTAL', transactionNumber: '13409539086039' },
      { __typename: 'RegistrationQuestion', kind: 'LATEST_PAYMENT', transactionNumber: null },
      { __typename: 'RegistrationQuestion', kind: 'STATEMENT_BALANCE', transactionNumber: null },
    ],
    attemptsRemaining: 10,
    business: null,
    ...overrides,
  };
}

/** The wizard's own query: the person's name, and the registration in progress (none by default). */
export function progressMock(
  inProgress: OnboardingRegistrationFragment | null = null,
): MockLink.MockedResponse {
  return {
    request: { query: OnboardingRegistrationProgressDocument },
    result: {
      data: {
        me: {
          __typename: 'Viewer',
          id: 'user-1',
          profile: { __typename: 'PersonalProfile', firstName: 'Jane', lastName: 'Doe' },
          businessRegistration: inProgress,
        },
      },
    },
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}

export function userError(code: string, message: string, field: string[] = []) {
  return { __typename: 'UserError', field, code, message };
}

/** The titles of the GCDS notices on the page (drawn in their shadow roots). */
export function noticeTitles(): string[] {
  return [...document.querySelectorAll('gcds-notice')].map(
    (notice) => (notice as unknown as { noticeTitle?: string }).noticeTitle ?? '',
  );
}

/** The real <textarea> of the GCDS textarea with this id. */
export function textarea(id: string): Promise<HTMLTextAreaElement> {
  return waitFor(() => {
    const element = document.getElementById(id)?.shadowRoot?.querySelector('textarea');
    if (!element) throw new Error(`no rendered gcds-textarea #${id}`);
    return element;
  });
}
