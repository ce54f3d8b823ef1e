/** The page's list, asked again before a create or a revoke answers. */
export const apiTokenQueries = { refetchQueries: ['ApiTokensData'], awaitRefetchQueries: true };
