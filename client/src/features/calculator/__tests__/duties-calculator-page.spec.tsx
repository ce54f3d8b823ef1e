import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ClassificationSearchDocument, DutyEstimateDocument } from '../../../generated/graphql';
import { button, input, select, summaryLinks } from '../../../test/gcds';
import { renderRoute } from '../../../test/render-route';
import {
  anyVariables,
  headerMock,
  northernLights,
  signedIn,
} from '../../../test/fixtures/relationships-fixtures';

const header = headerMock({ ...northernLights, accounts: ['123456789RM0001'] });

const bottles = {
  __typename: 'TariffLine',
  classification: '9617.00.00.00',
  description: 'Vacuum flasks and other vacuum vessels',
  unitName: 'units',
  treatments: ['MFN', 'UST'],
};

function estimate(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'DutyEstimate',
    line: {
      __typename: 'TariffLine',
      classification: '9617.00.00.00',
      description: bottles.description,
      unitName: 'units',
    },
    treatment: 'MFN',
    valueForDutyCents: 123_456,
    quantity: null,
    adValoremBasisPoints: 650,
    specificCentsPerUnit: null,
    adValoremDutyCents: 8_025,
    specificDutyCents: 0,
    dutyCents: 8_025,
    gstBaseCents: 131_481,
    gstBasisPoints: 500,
    gstCents: 6_574,
    totalCents: 14_599,
    tariffVersion: '2026-01',
    ...overrides,
  };
}

describe('duties and taxes calculator page', { timeout: 30_000 }, () => {
  it('checks the form, finds a number with the helper, shows the server’s errors, then the estimate', async () => {
    const user = userEvent.setup();
    const sent: unknown[] = [];
    renderRoute('/en/calculator', [
      ...signedIn,
      header,
      anyVariables(ClassificationSearchDocument, () => ({ classificationSearch: [bottles] })),
      anyVariables(DutyEstimateDocument, (variables) => {
        sent.push(variables.input);
        return sent.length === 1
          ? {
              dutyEstimate: {
                __typename: 'DutyEstimatePayload',
                estimate: null,
                userErrors: [
                  {
                    __typename: 'UserError',
                    field: ['input', 'treatment'],
                    code: 'TREATMENT_NOT_AVAILABLE',
                    message: 'This tariff treatment has no rate for this classification number.',
                  },
                ],
              },
            }
          : { dutyEstimate: { __typename: 'DutyEstimatePayload', estimate: estimate(), userErrors: [] } };
      }),
    ]);

    await user.click(await button('Validate the data entered'));
    await waitFor(() =>
      expect(summaryLinks().map((l) => l.text)).toEqual([
        'Enter the classification number as 10 digits in the form 0000.00.00.00.',
        'Enter a value for duty in dollars and cents, for example 1234.56.',
      ]),
    );
    expect(sent).toEqual([]);

    await user.type(await input('Describe the goods (English or French)'), 'bottles');
    await user.click(await button('Search'));
    expect(await screen.findByText('Classification numbers found: 1')).toBeInTheDocument();
    await user.click(await button('Use 9617.00.00.00'));
    await waitFor(async () => expect((await input('Classification number')).value).toBe('9617.00.00.00'));

    await user.type(await input('Value for duty (Canadian dollars)'), '1 234,56');
    await user.selectOptions(await select('Tariff treatment'), 'GPT');
    await user.click(await button('Validate the data entered'));
    await waitFor(() =>
      expect(summaryLinks().map((l) => l.text)).toEqual([
        'This tariff treatment has no rate for this classification number.',
      ]),
    );
    expect(sent[0]).toEqual({
      classification: '9617.00.00.00',
      valueForDutyCents: 123_456,
      treatment: 'GPT',
      quantity: null,
    });

    await user.selectOptions(await select('Tariff treatment'), 'MFN');
    await user.click(await button('Validate the data entered'));
    expect(await screen.findByText('How the estimate is calculated')).toBeInTheDocument();
    expect(screen.getByText('9617.00.00.00: Vacuum flasks and other vacuum vessels')).toBeInTheDocument();
    expect(screen.getByText('Duty: 6.5 % of the value for duty')).toBeInTheDocument();
    expect(screen.getByText('$1,234.56')).toBeInTheDocument();
    expect(screen.getByText('$145.99')).toBeInTheDocument();
    expect(
      screen.getByText('Each amount is rounded to the nearest cent (half a cent up). Tariff: 2026-01.'),
    ).toBeInTheDocument();
  });

  it('in French, says when the helper finds nothing and shows a duty per unit', async () => {
    const user = userEvent.setup();
    const sent: unknown[] = [];
    renderRoute('/fr/calculator', [
      ...signedIn,
      header,
      anyVariables(ClassificationSearchDocument, () => ({ classificationSearch: [] })),
      anyVariables(DutyEstimateDocument, (variables) => {
        sent.push(variables.input);
        return {
          dutyEstimate: {
            __typename: 'DutyEstimatePayload',
            estimate: estimate({
              quantity: 12,
              specificCentsPerUnit: 50,
              specificDutyCents: 600,
              adValoremBasisPoints: 0,
              adValoremDutyCents: 0,
              dutyCents: 600,
              line: {
                __typename: 'TariffLine',
                classification: '9617.00.00.00',
                description: 'Bouteilles isolantes',
                unitName: 'unités',
              },
            }),
            userErrors: [],
          },
        };
      }),
    ]);
    await user.type(await input('Décrivez les marchandises (en français ou en anglais)'), 'zzz');
    await user.click(await button('Rechercher'));
    expect(
      await screen.findByText('Aucun numéro de classement ne correspond à ces mots.'),
    ).toBeInTheDocument();

    await user.type(await input('Numéro de classement'), '9617.00.00.00');
    await user.type(await input('Valeur en douane (dollars canadiens)'), '1234,56');
    await user.type(await input('Quantité (nécessaire quand le droit est par unité)'), '12');
    await user.click(await button('Valider les données saisies'));
    expect(await screen.findByText('Comment l’estimation est calculée')).toBeInTheDocument();
    expect(sent[0]).toEqual({
      classification: '9617.00.00.00',
      valueForDutyCents: 123_456,
      treatment: 'MFN',
      quantity: 12,
    });
    expect(
      screen.getByText(
        (text) => text.replace(/[\u00a0\u202f]/g, ' ') === 'Droits par unité : 12 unités à 0,50 $ chacune',
      ),
    ).toBeInTheDocument();
  });
});
