/** The officer's business page, asked again before an unlock or an issued key answers. */
export const officerBusinessQueries = { refetchQueries: ['OfficerBusiness'], awaitRefetchQueries: true };
