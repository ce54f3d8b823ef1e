import { GcdsGrid, GcdsText } from '@cdssnc/gcds-components-react';
import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useUsernameChecklist } from '../../../../components/credentials/checklists';
import { ruleValues } from '../../../../components/credentials/rule-messages';
import { TextField } from '../../../../components/forms/fields';
import { FormErrorSummary } from '../../../../components/forms/form-error-summary';
import { LiveChecklist } from '../../../../components/forms/live-checklist';
import { type FieldErrors } from '../../../../lib/user-errors';
import { PrivacyNote } from './privacy-note';
import { StepButtons } from './step-buttons';

interface UsernameStepProps {
  username: string;
  onChange: (value: string) => void;
  errors: FieldErrors;
  focusKey: number;
  busy: boolean;
  onSubmit: () => void;
  onBack: () => void;
}

const fields = ['username'] as const;
const adviceKeys = ['memorable', 'noPersonalInformation', 'confidential'] as const;

/** Step 2: the username, its checklist ticking as the person types; availability is checked on Continue. */
export function UsernameStep({
  username,
  onChange,
  errors,
  focusKey,
  busy,
  onSubmit,
  onBack,
}: UsernameStepProps) {
  const { t } = useTranslation('auth');
  const { t: tr } = useTranslation('credentials');
  const checklist = useUsernameChecklist(username);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form noValidate onSubmit={submit}>
      <FormErrorSummary errors={errors} fields={fields} focusKey={focusKey} />
      <GcdsText>{t('register.username.intro', ruleValues)}</GcdsText>
      <ul>
        {adviceKeys.map((key) => (
          <li key={key}>{t(`register.username.advice.${key}`)}</li>
        ))}
      </ul>
      <GcdsGrid columns="1fr" columnsDesktop="3fr 2fr" gap="400">
        <TextField
          name="username"
          label={tr('username.label')}
          hint={tr('username.hint', ruleValues)}
          autocomplete="username"
          required
          value={username}
          onChange={onChange}
          error={errors.username}
        />
        <LiveChecklist
          id="username-checklist"
          title={tr('checklist.username.title')}
          items={checklist}
          headingLevel="h3"
        />
      </GcdsGrid>
      <StepButtons busy={busy} onBack={onBack} />
      <PrivacyNote topic="username" />
    </form>
  );
}
