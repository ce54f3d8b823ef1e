import { GcdsButton, GcdsHeading, GcdsNotice, GcdsText } from '@cdssnc/gcds-components-react';
import { useApolloClient } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../../components/forms/fields';
import { FormErrorSummary } from '../../../components/forms/form-error-summary';
import { useMutationForm } from '../../../components/forms/use-mutation-form';
import { PageLoadError } from '../../../components/layout/page-status';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import {
  ClassificationSearchDocument,
  type ClassificationSearchQuery,
  type DutyEstimateQuery,
  type TariffTreatment,
} from '../../../generated/graphql';
import { fieldErrorsOf, type FieldErrors } from '../../../lib/user-errors';
import { useLanguage } from '../../../lib/use-language';
import { useDutyEstimate } from '../hooks/use-duty-estimate';

const treatments: TariffTreatment[] = ['MFN', 'GPT', 'UST', 'MXT', 'CEUT', 'CPTPT'];
const fields = ['classification', 'valueForDutyCents', 'treatment', 'quantity'] as const;
type Estimate = NonNullable<DutyEstimateQuery['dutyEstimate']['estimate']>;

/** "12,34", "1 234.56", "1234" → cents; null when it is not an amount. */
function toCents(text: string): number | null {
  const clean = text.replace(/[\s$]/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(clean)) return null;
  const [dollars, cents = ''] = clean.split('.');
  return Number(dollars) * 100 + Number(cents.padEnd(2, '0'));
}

/** Seed 003 §2.2 "Déclarations": an estimate of duties and GST for one good, with the classification helper. */
export function DutiesCalculatorPage() {
  const { t } = useTranslation('calculator');
  const { t: tc } = useTranslation('common');
  const language = useLanguage();
  const client = useApolloClient();
  useDocumentTitle(tc('documentTitle', { page: t('title') }));
  const [classification, setClassification] = useState('');
  const [value, setValue] = useState('');
  const [treatment, setTreatment] = useState<string>('MFN');
  const [quantity, setQuantity] = useState('');
  const dutyEstimate = useDutyEstimate();
  // Every refusal has a field: one the server names, else the classification.
  const form = useMutationForm({ fields, mapErrors: (userErrors) => fieldErrorsOf(userErrors, fields) });
  const { errors, focusKey, unsent } = form;
  const [estimate, setEstimate] = useState<Estimate | null>(null);
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<ClassificationSearchQuery['classificationSearch'] | null>(null);
  const money = (cents: number) =>
    new Intl.NumberFormat(language === 'fr' ? 'fr-CA' : 'en-CA', {
      style: 'currency',
      currency: 'CAD',
    }).format(cents / 100);
  const percent = (basisPoints: number) =>
    new Intl.NumberFormat(language === 'fr' ? 'fr-CA' : 'en-CA', { maximumFractionDigits: 2 }).format(
      basisPoints / 100,
    );

  const onEstimate = async (event: React.FormEvent) => {
    event.preventDefault();
    const cents = toCents(value);
    const local: FieldErrors = {
      classification: /^\d{4}\.\d{2}\.\d{2}\.\d{2}$/.test(classification.trim())
        ? undefined
        : t('errors.classification'),
      valueForDutyCents: cents && cents > 0 ? undefined : t('errors.valueForDuty'),
    };
    const parsedQuantity = quantity.trim() ? Number(quantity.replace(',', '.')) : null;
    // No estimate stays on screen beside a refusal or while the next one is on its way.
    setEstimate(null);
    await form.submit({
      local,
      send: () =>
        dutyEstimate({
          classification: classification.trim(),
          valueForDutyCents: cents!,
          treatment: treatment as TariffTreatment,
          quantity: parsedQuantity,
        }),
      succeeded: (answer) => Boolean(answer.estimate),
      onSuccess: (answer) => {
        form.clear();
        setEstimate(answer.estimate ?? null);
      },
    });
  };

  const onSearch = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!search.trim()) return;
    const { data } = await client.query({
      query: ClassificationSearchDocument,
      variables: { query: search },
      fetchPolicy: 'network-only',
    });
    setFound(data?.classificationSearch ?? []);
  };

  return (
    <>
      <GcdsHeading tag="h1">{t('title')}</GcdsHeading>
      <GcdsNotice type="info" noticeTitleTag="h2" noticeTitle={t('examplesOnly')}>
        <GcdsText>{t('disclaimer')}</GcdsText>
      </GcdsNotice>
      <GcdsText>{t('howTo')}</GcdsText>
      <form noValidate onSubmit={(event) => void onEstimate(event)}>
        <FormErrorSummary errors={errors} fields={fields} focusKey={focusKey} />
        {unsent ? <PageLoadError kind="submit" /> : null}
        <TextField
          name="classification"
          label={t('classification')}
          hint={t('classificationHint')}
          required
          value={classification}
          error={errors.classification}
          onChange={setClassification}
        />
        <TextField
          name="valueForDutyCents"
          label={t('valueForDuty')}
          required
          inputmode="text"
          value={value}
          error={errors.valueForDutyCents}
          onChange={setValue}
        />
        <SelectField
          name="treatment"
          label={t('treatment')}
          placeholder=""
          required
          value={treatment}
          error={errors.treatment}
          options={treatments.map((code) => ({ value: code, label: t(`treatments.${code}`) }))}
          onChange={setTreatment}
        />
        <TextField
          name="quantity"
          label={t('quantity')}
          value={quantity}
          error={errors.quantity}
          onChange={setQuantity}
        />
        <GcdsButton type="submit">{t('submit')}</GcdsButton>
      </form>

      {estimate ? (
        <section aria-labelledby="calculator-summary">
          <GcdsHeading tag="h2" id="calculator-summary">
            {t('summary.title')}
          </GcdsHeading>
          <GcdsText>
            {t('summary.line', {
              classification: estimate.line.classification,
              description: estimate.line.description,
            })}
          </GcdsText>
          <table className="data-table">
            <caption>{t('summary.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('summary.step')}</th>
                <th scope="col">{t('summary.amount')}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td>{t('summary.valueForDuty')}</td>
                <td>{money(estimate.valueForDutyCents)}</td>
              </tr>
              <tr>
                <td>{t('summary.adValorem', { rate: percent(estimate.adValoremBasisPoints) })}</td>
                <td>{money(estimate.adValoremDutyCents)}</td>
              </tr>
              {estimate.specificCentsPerUnit ? (
                <tr>
                  <td>
                    {t('summary.specific', {
                      quantity: estimate.quantity ?? 0,
                      unit: estimate.line.unitName,
                      perUnit: money(estimate.specificCentsPerUnit),
                    })}
                  </td>
                  <td>{money(estimate.specificDutyCents)}</td>
                </tr>
              ) : null}
              <tr>
                <td>{t('summary.duty')}</td>
                <td>{money(estimate.dutyCents)}</td>
              </tr>
              <tr>
                <td>{t('summary.gstBase')}</td>
                <td>{money(estimate.gstBaseCents)}</td>
              </tr>
              <tr>
                <td>{t('summary.gst', { rate: percent(estimate.gstBasisPoints) })}</td>
                <td>{money(estimate.gstCents)}</td>
              </tr>
              <tr>
                <th scope="row">{t('summary.total')}</th>
                <td>
                  <strong>{money(estimate.totalCents)}</strong>
                </td>
              </tr>
            </tbody>
          </table>
          <GcdsText>{t('summary.rounding', { version: estimate.tariffVersion })}</GcdsText>
        </section>
      ) : null}

      <section aria-labelledby="calculator-helper">
        <GcdsHeading tag="h2" id="calculator-helper">
          {t('helper.title')}
        </GcdsHeading>
        <form noValidate onSubmit={(event) => void onSearch(event)}>
          <TextField name="search" label={t('helper.search')} value={search} onChange={setSearch} />
          <GcdsButton type="submit" buttonRole="secondary">
            {t('helper.button')}
          </GcdsButton>
        </form>
        {found && found.length === 0 ? <GcdsText>{t('helper.none')}</GcdsText> : null}
        {found && found.length > 0 ? (
          <table className="data-table">
            <caption>{t('helper.caption', { count: found.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('helper.number')}</th>
                <th scope="col">{t('helper.description')}</th>
                <th scope="col">{t('helper.choose')}</th>
              </tr>
            </thead>
            <tbody>
              {found.map((line) => (
                <tr key={line.classification}>
                  <td>{line.classification}</td>
                  <td>{line.description}</td>
                  <td>
                    <GcdsButton
                      type="button"
                      buttonRole="secondary"
                      size="small"
                      onClick={() => {
                        setClassification(line.classification);
                        document.getElementById('classification')?.focus();
                      }}
                    >
                      {t('helper.use', { classification: line.classification })}
                    </GcdsButton>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
    </>
  );
}
