import { type PostBulletinInput, useOfficerPostBulletinMutation } from '../../../generated/graphql';

/** Posts a bulletin on the public bulletins page; the public list is fetched again. */
export function usePostBulletin() {
  const [post, { loading }] = useOfficerPostBulletinMutation({ refetchQueries: ['Bulletins'] });
  const send = async (input: PostBulletinInput) => (await post({ variables: { input } })).data?.postBulletin;
  return { postBulletin: send, loading };
}
