import { type OpenMessageThreadInput, useOpenMessageThreadMutation } from '../../../generated/graphql';

/** Opens a thread with the agency (its files already uploaded); the page then goes to the new thread. */
export function useOpenMessageThread() {
  const [open, { loading }] = useOpenMessageThreadMutation();
  const send = async (input: OpenMessageThreadInput) =>
    (await open({ variables: { input } })).data?.openMessageThread;
  return { openMessageThread: send, loading };
}
