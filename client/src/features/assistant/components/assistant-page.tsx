import { GcdsButton, GcdsHeading, GcdsLink, GcdsText } from '@cdssnc/gcds-components-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/forms/fields';
import { FormErrorSummary } from '../../../components/forms/form-error-summary';
import { useMutationForm } from '../../../components/forms/use-mutation-form';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import { type FieldErrors } from '../../../lib/user-errors';
import { useLanguage } from '../../../lib/use-language';
import { recogniseQuestion, type ScenarioId, scenarioIds, scenarios } from './assistant-scenarios';

const fields = ['question'] as const;

interface Exchange {
  id: number;
  question: string;
  answer: ScenarioId | null;
}

function Answer({ id }: { id: ScenarioId | null }) {
  const { t } = useTranslation('assistant');
  const language = useLanguage();
  if (!id)
    return (
      <>
        <GcdsText>{t('notUnderstood')}</GcdsText>
        <GcdsLink href={`/${language}/faq`}>{t('faq')}</GcdsLink>
      </>
    );
  const scenario = scenarios[id];
  return (
    <>
      <GcdsHeading tag="h3">{t(`scenarios.${id}.title`)}</GcdsHeading>
      <ol>
        {scenario.steps.map((step) => (
          <li key={step}>{t(`scenarios.${id}.${step}` as `scenarios.${ScenarioId}.step1`)}</li>
        ))}
      </ol>
      <GcdsText>{t('nextSteps')}</GcdsText>
      <ul>
        {Object.entries(scenario.links).map(([key, path]) => (
          <li key={key}>
            <GcdsLink href={`/${language}/${path}`}>
              {t(`scenarios.${id}.links.${key}` as `scenarios.registerBusiness.links.register`)}
            </GcdsLink>
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * The guided assistant (seed 003, "Resources"): a person asks in their own words; the page recognises the
 * question by keywords and answers from a prepared, bilingual scenario with its steps and next-step links,
 * or offers the common questions. Nothing leaves the browser. The conversation is a list; the newest answer
 * is announced politely while focus stays in the question field, ready for the next question.
 */
export function AssistantPage() {
  const { t } = useTranslation('assistant');
  const language = useLanguage();
  useDocumentTitle(t('title'));
  const form = useMutationForm({ fields });
  const { errors, clear, focusKey } = form;
  const [question, setQuestion] = useState('');
  const [exchanges, setExchanges] = useState<Exchange[]>([]);

  const ask = (text: string, answer: ScenarioId | null) =>
    setExchanges((current) => [...current, { id: current.length + 1, question: text, answer }]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const text = question.trim();
    const local: FieldErrors = text ? {} : { question: t('errors.questionRequired') };
    await form.submit({
      local,
      // Answered in the browser, from the scenarios: nothing is sent.
      send: () => Promise.resolve({ userErrors: [], answer: recogniseQuestion(text, language) }),
      succeeded: () => true,
      onSuccess: ({ answer }) => {
        clear();
        ask(text, answer);
      },
    });
  };

  const latest = exchanges.at(-1);
  return (
    <>
      <GcdsHeading tag="h1">{t('title')}</GcdsHeading>
      <GcdsText>{t('lead')}</GcdsText>

      <form noValidate onSubmit={(event) => void submit(event)}>
        <FormErrorSummary errors={errors} fields={fields} focusKey={focusKey} />
        <TextField
          name="question"
          label={t('question')}
          hint={t('questionHint')}
          required
          autocomplete="off"
          value={question}
          onChange={setQuestion}
          error={errors.question}
        />
        <div className="button-group">
          <GcdsButton type="submit">{t('ask')}</GcdsButton>
        </div>
      </form>

      <section aria-labelledby="assistant-suggestions">
        <GcdsHeading tag="h2" id="assistant-suggestions">
          {t('suggestions')}
        </GcdsHeading>
        <ul className="assistant-suggestions">
          {scenarioIds.map((id) => (
            <li key={id}>
              <GcdsButton
                type="button"
                buttonRole="secondary"
                size="small"
                onClick={() => ask(t(`scenarios.${id}.question`), id)}
              >
                {t(`scenarios.${id}.question`)}
              </GcdsButton>
            </li>
          ))}
        </ul>
      </section>

      {/* Announced politely: the newest answer's title, or that there is none. */}
      <div role="status" className="visually-hidden">
        {latest ? (latest.answer ? t(`scenarios.${latest.answer}.title`) : t('notUnderstood')) : ''}
      </div>

      {exchanges.length ? (
        <section aria-labelledby="assistant-conversation">
          <GcdsHeading tag="h2" id="assistant-conversation">
            {t('conversation')}
          </GcdsHeading>
          <ol className="assistant-conversation">
            {exchanges.map((exchange) => (
              <li key={exchange.id}>
                <GcdsText>
                  <strong>{t('you', { question: exchange.question })}</strong>
                </GcdsText>
                <Answer id={exchange.answer} />
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </>
  );
}
