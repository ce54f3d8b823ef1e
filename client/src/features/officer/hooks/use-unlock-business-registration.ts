import { useOfficerUnlockBusinessRegistrationMutation } from '../../../generated/graphql';
import { officerBusinessQueries } from './officer-business-queries';

/** Unlocks a registry business's registration; the payload's `view` says it was done. */
export function useUnlockBusinessRegistration() {
  const [unlock, { loading }] = useOfficerUnlockBusinessRegistrationMutation(officerBusinessQueries);
  const send = async (businessNumber: string) =>
    (await unlock({ variables: { businessNumber } })).data?.unlockBusinessRegistration;
  return { unlockBusinessRegistration: send, loading };
}
