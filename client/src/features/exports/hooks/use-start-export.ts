import { type StartExportInput, useExportsStartMutation } from '../../../generated/graphql';

/** Starts a bulk export; the page's list is asked again (and then polled) before it answers. */
export function useStartExport() {
  const [start, { loading }] = useExportsStartMutation({
    refetchQueries: ['ExportsData'],
    awaitRefetchQueries: true,
  });
  const send = async (input: StartExportInput) => (await start({ variables: { input } })).data?.startExport;
  return { startExport: send, loading };
}
