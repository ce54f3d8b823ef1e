import {
  type UpdateProgramAccountContactsInput,
  useUpdateProgramAccountContactsMutation,
} from '../../../generated/graphql';

/** Replaces a program account's contacts; the payload's program account says it was done. */
export function useUpdateProgramAccountContacts() {
  const [save, { loading }] = useUpdateProgramAccountContactsMutation();
  const send = async (input: UpdateProgramAccountContactsInput) =>
    (await save({ variables: { input } })).data?.updateProgramAccountContacts;
  return { updateProgramAccountContacts: send, loading };
}
