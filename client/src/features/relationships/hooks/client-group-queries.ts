/** The client groups page, asked again before any change to a group or an assignment answers. */
export const clientGroupQueries = { refetchQueries: ['ClientGroupsData'], awaitRefetchQueries: true };
