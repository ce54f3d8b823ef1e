/** Every list and page of the feature that a decision changes: asked again after each one. */
export const relationshipQueries = [
  'RelationshipsReceived',
  'RelationshipsSent',
  'RelationshipsActive',
  'RelationshipsViewer',
];

/** A relationship mutation's options: the lists asked again before it answers. */
export const relationshipRefetch = { refetchQueries: relationshipQueries, awaitRefetchQueries: true };
