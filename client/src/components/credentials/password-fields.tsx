import { GcdsGrid } from '@cdssnc/gcds-components-react';
import { useTranslation } from 'react-i18next';
import { type FieldErrors } from '../../lib/user-errors';
import { fieldId } from '../forms/field-id';
import { TextField } from '../forms/fields';
import { LiveChecklist } from '../forms/live-checklist';
import { usePasswordChecklist } from './checklists';
import { useCommonPasswords } from './common-passwords';
import { ruleValues } from './rule-messages';
import { type PasswordFieldNames } from './validate';

interface PasswordFieldsProps {
  names: PasswordFieldNames;
  /** Whose password: no 3 consecutive characters of it may appear in the password. */
  username: string;
  password: string;
  confirmation: string;
  onPasswordChange: (value: string) => void;
  onConfirmationChange: (value: string) => void;
  errors: FieldErrors;
  /** "Create your password" at registration, "New password" when changing or resetting it. */
  wording: 'create' | 'new';
  /** Level of the checklist's heading, under the section the fields are in. */
  checklistLevel?: 'h2' | 'h3';
}

/** A new password and its confirmation, with the seed's password checklist ticking beside them. */
export function PasswordFields(props: PasswordFieldsProps) {
  const { t } = useTranslation('credentials');
  useCommonPasswords();
  const checklist = usePasswordChecklist(props.password, props.username, props.confirmation);
  return (
    <GcdsGrid columns="1fr" columnsDesktop="3fr 2fr" gap="400">
      <div>
        <TextField
          name={props.names.password}
          type="password"
          autocomplete="new-password"
          label={t(`password.${props.wording}.label`)}
          hint={t('password.hint', ruleValues)}
          required
          value={props.password}
          onChange={props.onPasswordChange}
          error={props.errors[props.names.password]}
        />
        <TextField
          name={props.names.confirmation}
          type="password"
          autocomplete="new-password"
          label={t(`password.${props.wording}.confirmationLabel`)}
          required
          value={props.confirmation}
          onChange={props.onConfirmationChange}
          error={props.errors[props.names.confirmation]}
        />
      </div>
      <LiveChecklist
        id={`${fieldId(props.names.password)}-checklist`}
        title={t('checklist.password.title')}
        headingLevel={props.checklistLevel ?? 'h2'}
        items={checklist}
      />
    </GcdsGrid>
  );
}
