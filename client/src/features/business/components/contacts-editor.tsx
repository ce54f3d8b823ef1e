import { GcdsButton, GcdsErrorMessage, GcdsFieldset, GcdsText } from '@cdssnc/gcds-components-react';
import { emailProblems } from '@rules/credential-rules';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldId } from '../../../components/forms/field-id';
import { TextField } from '../../../components/forms/fields';
import { type ContactInput } from '../../../generated/graphql';
import { type FieldErrors, type UserError } from '../../../lib/user-errors';
import { type ContactValues } from '../../../components/business/business-parts';

/**
 * The server's limits on a list of contacts, the same for a business's settings
 * (updateBusinessSettings) and a program account's contacts (updateProgramAccountContacts).
 */
export const contactLimits = {
  contacts: 20,
  name: 175,
  title: 100,
  phone: 25,
} as const;

interface ContactDraft {
  /** Stable React key: contacts can be removed from the middle of the list. */
  key: number;
  name: string;
  title: string;
  phone: string;
  email: string;
}

type ContactField = 'name' | 'title' | 'phone' | 'email';
const contactFields: readonly ContactField[] = ['name', 'title', 'phone', 'email'];

/** The field, input path and error id of the list as a whole (too many contacts). */
export const contactsGroupField = 'contacts';

const draftOf = (contact: ContactValues, key: number): ContactDraft => ({
  key,
  name: contact.name,
  title: contact.title ?? '',
  phone: contact.phone ?? '',
  email: contact.email ?? '',
});

/**
 * The state of a contacts editor: the drafts, their fields (`contacts.<i>.<field>`, in the order the
 * form shows them), the client-side checks, where a server error on a contact goes, and the values
 * to send. The form that holds the editor owns the submission, the error state and the summary.
 */
export function useContactsEditor(initial: readonly ContactValues[]) {
  const { t } = useTranslation('business');
  const [contacts, setContacts] = useState<ContactDraft[]>(() => initial.map(draftOf));
  const [nextKey, setNextKey] = useState(initial.length);

  const fields = contacts.flatMap((_, index) =>
    contactFields.map((field) => `${contactsGroupField}.${index}.${field}`),
  );

  const set = (index: number, field: ContactField) => (value: string) =>
    setContacts((current) =>
      current.map((contact, i) => (i === index ? { ...contact, [field]: value } : contact)),
    );
  const add = () => {
    setContacts((current) => [...current, { key: nextKey, name: '', title: '', phone: '', email: '' }]);
    setNextKey((key) => key + 1);
  };
  const remove = (index: number) => setContacts((current) => current.filter((_, i) => i !== index));

  /** The same rules as the server's, with messages that name the contact. */
  const check = (): FieldErrors => {
    const local: FieldErrors = {};
    const max = contactLimits;
    contacts.forEach((contact, index) => {
      const number = index + 1;
      const at = (field: ContactField) => `${contactsGroupField}.${index}.${field}`;
      const length = (value: string) => [...value.trim()].length;
      if (!contact.name.trim()) local[at('name')] = t('contactsEditor.errors.nameRequired', { number });
      else if (length(contact.name) > max.name)
        local[at('name')] = t('contactsEditor.errors.nameTooLong', { number, max: max.name });
      if (length(contact.title) > max.title)
        local[at('title')] = t('contactsEditor.errors.titleTooLong', { number, max: max.title });
      if (length(contact.phone) > max.phone)
        local[at('phone')] = t('contactsEditor.errors.phoneTooLong', { number, max: max.phone });
      if (contact.email.trim() && emailProblems(contact.email.trim()).length > 0)
        local[at('email')] = t('contactsEditor.errors.emailInvalid', { number });
    });
    return local;
  };

  /**
   * The field a server error on `path` (relative to the input: `contacts.1.email`) belongs to:
   * `contacts.<i>` is about that contact as a whole, shown beside its name. Undefined for any other
   * path (`contacts` itself, too many of them): the form decides where those go.
   */
  const fieldOf = (path: string): string | undefined => {
    if (fields.includes(path)) return path;
    const contact = /^contacts\.(\d+)/.exec(path);
    return contact && Number(contact[1]) < contacts.length ? `contacts.${contact[1]}.name` : undefined;
  };

  /**
   * Where the server's user errors go, the first message per field: beside the form's field the path
   * names, beside a contact's name for `["input", "contacts", "0"]` (that contact as a whole), else beside
   * `fallback`.
   */
  const errorsOf = (
    userErrors: readonly UserError[],
    formFields: readonly string[],
    fallback: string,
  ): FieldErrors => {
    const byField: FieldErrors = {};
    for (const userError of userErrors) {
      const [first, ...rest] = userError.field;
      const path = (first === 'input' ? rest : userError.field).join('.');
      byField[formFields.includes(path) ? path : (fieldOf(path) ?? fallback)] ??= userError.message;
    }
    return byField;
  };

  /** The contacts to send: trimmed, blanks as null. */
  const values = (): ContactInput[] => {
    const blank = (value: string) => value.trim() || null;
    return contacts.map((contact) => ({
      name: contact.name.trim(),
      title: blank(contact.title),
      phone: blank(contact.phone),
      email: blank(contact.email),
    }));
  };

  return { contacts, fields, set, add, remove, check, fieldOf, errorsOf, values };
}

export type ContactsEditorState = ReturnType<typeof useContactsEditor>;

interface ContactsEditorProps {
  editor: ContactsEditorState;
  errors: FieldErrors;
  /** Said instead of the "add" button once the list is full. */
  maxNotice: string;
  /** Called after a contact is removed: the messages of the others would now point at the wrong one. */
  onRemove?: () => void;
  /**
   * Shows `errors.contacts` (an error on the list as a whole) above the contacts, where the error
   * summary's link leads. Forms that show such errors elsewhere leave it off.
   */
  groupError?: boolean;
}

/** One fieldset per contact (name, title, phone, email, remove), then "add a contact". */
export function ContactsEditor({ editor, errors, maxNotice, onRemove, groupError }: ContactsEditorProps) {
  const { t } = useTranslation('business');
  const groupMessage = groupError ? errors[contactsGroupField] : undefined;
  return (
    <>
      {groupError ? (
        <div id={fieldId(contactsGroupField)} tabIndex={-1}>
          {groupMessage ? (
            <GcdsErrorMessage messageId={`${fieldId(contactsGroupField)}-error`}>
              {groupMessage}
            </GcdsErrorMessage>
          ) : null}
        </div>
      ) : null}
      {editor.contacts.map((contact, index) => {
        const number = index + 1;
        const name = (field: ContactField) => `${contactsGroupField}.${index}.${field}`;
        return (
          <GcdsFieldset key={contact.key} legend={t('contactsEditor.legend', { number })} legendSize="h3">
            <TextField
              name={name('name')}
              label={t('contactsEditor.name', { number })}
              autocomplete="off"
              required
              value={contact.name}
              onChange={editor.set(index, 'name')}
              error={errors[name('name')]}
            />
            <TextField
              name={name('title')}
              label={t('contactsEditor.title', { number })}
              autocomplete="off"
              value={contact.title}
              onChange={editor.set(index, 'title')}
              error={errors[name('title')]}
            />
            <TextField
              name={name('phone')}
              type="tel"
              label={t('contactsEditor.phone', { number })}
              autocomplete="off"
              size={14}
              value={contact.phone}
              onChange={editor.set(index, 'phone')}
              error={errors[name('phone')]}
            />
            <TextField
              name={name('email')}
              type="email"
              label={t('contactsEditor.email', { number })}
              autocomplete="off"
              value={contact.email}
              onChange={editor.set(index, 'email')}
              error={errors[name('email')]}
            />
            <GcdsButton
              type="button"
              buttonRole="secondary"
              size="small"
              onClick={() => {
                onRemove?.();
                editor.remove(index);
              }}
            >
              {t('contactsEditor.remove', { number })}
            </GcdsButton>
          </GcdsFieldset>
        );
      })}
      {editor.contacts.length < contactLimits.contacts ? (
        <GcdsButton type="button" buttonRole="secondary" onClick={editor.add}>
          {t('contactsEditor.add')}
        </GcdsButton>
      ) : (
        <GcdsText>{maxNotice}</GcdsText>
      )}
    </>
  );
}
