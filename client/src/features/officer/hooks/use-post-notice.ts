import { type PostNoticeInput, useOfficerPostNoticeMutation } from '../../../generated/graphql';

/** Posts a notice to an audience; the payload counts the notices written and the emails queued. */
export function usePostNotice() {
  const [post, { loading }] = useOfficerPostNoticeMutation();
  const send = async (input: PostNoticeInput) => (await post({ variables: { input } })).data?.postNotice;
  return { postNotice: send, loading };
}
