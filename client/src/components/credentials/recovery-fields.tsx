import { GcdsGrid, GcdsText } from '@cdssnc/gcds-components-react';
import { useTranslation } from 'react-i18next';
import { type FieldErrors } from '../../lib/user-errors';
import { fieldId } from '../forms/field-id';
import { SelectField, TextField } from '../forms/fields';
import { LiveChecklist } from '../forms/live-checklist';
import { type RecoveryValues, useRecoveryChecklist } from './checklists';
import { recoveryFieldNames } from './validate';

interface RecoveryFieldsProps {
  /** Prefix of the field names (`recovery.` where the API nests them in a RecoveryInput). */
  prefix: string;
  questions: ReadonlyArray<{ id: string; text: string }>;
  values: RecoveryValues;
  onChange: (field: keyof RecoveryValues, value: string) => void;
  errors: FieldErrors;
  today: string;
  /** Level of the checklist's heading, under the section the fields are in. */
  checklistLevel?: 'h2' | 'h3';
}

/**
 * The seed's "Create your questions, answers and hints" (§1.6): a recovery question and answer, a
 * memorable person and date, each with an optional hint, the guidance on what answers and hints may
 * contain, and a checklist that ticks as the person types.
 */
export function RecoveryFields({
  prefix,
  questions,
  values,
  onChange,
  errors,
  today,
  checklistLevel = 'h2',
}: RecoveryFieldsProps) {
  const { t } = useTranslation('credentials');
  const names = recoveryFieldNames(prefix);
  const checklist = useRecoveryChecklist(values, today);
  return (
    <GcdsGrid columns="1fr" columnsDesktop="3fr 2fr" gap="400">
      <div>
        <GcdsText>{t('recovery.purpose')}</GcdsText>
        <SelectField
          name={names.questionId}
          label={t('recovery.question.label')}
          placeholder={t('recovery.question.placeholder')}
          required
          value={values.questionId}
          onChange={(value) => onChange('questionId', value)}
          options={questions.map((question) => ({ value: question.id, label: question.text }))}
          error={errors[names.questionId]}
        />
        <TextField
          name={names.answer}
          label={t('recovery.answer.label')}
          autocomplete="off"
          required
          value={values.answer}
          onChange={(value) => onChange('answer', value)}
          error={errors[names.answer]}
        />
        <TextField
          name={names.memorablePerson}
          label={t('recovery.memorablePerson.label')}
          autocomplete="off"
          required
          value={values.memorablePerson}
          onChange={(value) => onChange('memorablePerson', value)}
          error={errors[names.memorablePerson]}
        />
        <TextField
          name={names.memorablePersonHint}
          label={t('recovery.memorablePersonHint.label')}
          hint={t('recovery.hintHint')}
          autocomplete="off"
          value={values.memorablePersonHint}
          onChange={(value) => onChange('memorablePersonHint', value)}
          error={errors[names.memorablePersonHint]}
        />
        <TextField
          name={names.memorableDate}
          label={t('recovery.memorableDate.label')}
          hint={t('recovery.memorableDate.hint')}
          autocomplete="off"
          inputmode="numeric"
          size={10}
          required
          value={values.memorableDate}
          onChange={(value) => onChange('memorableDate', value)}
          error={errors[names.memorableDate]}
        />
        <TextField
          name={names.memorableDateHint}
          label={t('recovery.memorableDateHint.label')}
          hint={t('recovery.hintHint')}
          autocomplete="off"
          value={values.memorableDateHint}
          onChange={(value) => onChange('memorableDateHint', value)}
          error={errors[names.memorableDateHint]}
        />
      </div>
      <div>
        <LiveChecklist
          id={`${fieldId(names.answer)}-checklist`}
          title={t('checklist.recovery.title')}
          headingLevel={checklistLevel}
          items={checklist}
        />
        <GcdsText size="small">{t('recovery.guidance')}</GcdsText>
      </div>
    </GcdsGrid>
  );
}

export const emptyRecovery: RecoveryValues = {
  questionId: '',
  answer: '',
  memorablePerson: '',
  memorablePersonHint: '',
  memorableDate: '',
  memorableDateHint: '',
};
