import { type SavePersonalProfileInput, useSavePersonalProfileMutation } from '../../../generated/graphql';

/**
 * Saves the signed-in person's profile. The payload's profile has no id of its own: the hook puts it on
 * the person, so the header and every page showing the person's name see the change.
 */
export function useSavePersonalProfile(viewerId: string) {
  const [save, { loading }] = useSavePersonalProfileMutation();
  const send = async (input: SavePersonalProfileInput) =>
    (
      await save({
        update: (cache, { data: saved }) => {
          const next = saved?.savePersonalProfile.profile;
          if (!next) return;
          cache.modify({
            id: cache.identify({ __typename: 'Viewer', id: viewerId }),
            fields: { profile: (existing: object | null) => ({ ...existing, ...next }) },
          });
        },
        variables: { input },
      })
    ).data?.savePersonalProfile;
  return { savePersonalProfile: send, loading };
}
