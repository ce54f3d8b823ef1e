import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { button, input, summaryLinks } from '../../../test/gcds';
import { renderRoute, shadowHref } from '../../../test/render-route';
import { recogniseQuestion } from '../components/assistant-scenarios';

describe('the guided assistant (issue 14)', { timeout: 30_000 }, () => {
  it.each([
    ['how do I register my business', 'en', 'registerBusiness'],
    ['Comment inscrire mon entreprise?', 'fr', 'registerBusiness'],
    ['I FORGOT my password!', 'en', 'forgotPassword'],
    ["J'ai oublié mon mot de passe", 'fr', 'forgotPassword'],
    ['my broker needs a relationship', 'en', 'relationships'],
    ['Où est le solde de mes relevés?', 'fr', 'finance'],
    ['What is the weather?', 'en', null],
  ] as const)('recognises "%s" (%s) as %s', (question, language, expected) => {
    expect(recogniseQuestion(question, language)).toBe(expected);
  });

  it('answers "how do I register my business" with its steps and next-step links, and refuses an empty question', async () => {
    const user = userEvent.setup();
    renderRoute('/en/assistant', []);
    expect(await screen.findByText('Guided assistant', { selector: 'gcds-heading' })).toBeInTheDocument();
    await user.click(await button('Ask'));
    await waitFor(() =>
      expect(summaryLinks()).toEqual([{ text: 'Enter your question.', href: '#question' }]),
    );

    await user.type(await input('Your question'), 'how do I register my business');
    await user.click(await button('Ask'));
    const title = await screen.findByText('Register your business', { selector: 'gcds-heading' });
    const answer = title.closest('li')!;
    const steps = within(answer)
      .getAllByRole('listitem')
      .slice(0, 4)
      .map((li) => li.textContent);
    expect(steps[1]).toBe(
      "Enter your business number (BN9) and confirm the business's legal name and address.",
    );
    const link = within(answer).getByText('Register a business');
    // The GCDS link draws its anchor in its shadow root when it upgrades: on a busy machine, after the text.
    await waitFor(() => expect(shadowHref(link)).toBe('/en/setup/register'));
    expect(screen.getByRole('status')).toHaveTextContent('Register your business');
  });

  it('in French, a common question answers at once, and an unknown one offers the FAQ', async () => {
    const user = userEvent.setup();
    renderRoute('/fr/assistant', []);
    expect(await screen.findByText('Assistant guidé', { selector: 'gcds-heading' })).toBeInTheDocument();
    await user.click(await button('Comment inscrire mon entreprise?'));
    expect(
      await screen.findByText('Inscrire votre entreprise', { selector: 'gcds-heading' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Vous avez demandé : Comment inscrire mon entreprise?')).toBeInTheDocument();

    await user.type(await input('Votre question'), 'Quel temps fait-il?');
    await user.click(await button('Demander'));
    expect(
      await screen.findByText(/Je n'ai pas encore de réponse/, { selector: 'gcds-text' }),
    ).toBeInTheDocument();
  });

  it('the landing page and the setup pages offer the assistant; a signed-in hub does not', async () => {
    const { showsAssistantPanel } = await import('../../../components/layout/assistant-panel');
    expect(
      ['/en/', '/fr', '/en/faq', '/fr/setup/register', '/en/sign-in/gckey'].map(showsAssistantPanel),
    ).toEqual([true, true, true, true, true]);
    expect(['/en/menu', '/fr/finance', '/en/assistant', '/en/officer'].some(showsAssistantPanel)).toBe(false);
  });
});
