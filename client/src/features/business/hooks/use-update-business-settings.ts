import {
  type UpdateBusinessSettingsInput,
  useUpdateBusinessSettingsMutation,
} from '../../../generated/graphql';

/** Saves a business's activity and contacts; the payload's business (its new profile) says it was done. */
export function useUpdateBusinessSettings() {
  const [save, { loading }] = useUpdateBusinessSettingsMutation();
  const send = async (input: UpdateBusinessSettingsInput) =>
    (await save({ variables: { input } })).data?.updateBusinessSettings;
  return { updateBusinessSettings: send, loading };
}
