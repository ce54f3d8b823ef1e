/** Every list and page of the feature that a decision changes: asked again after each one. */
export const relationshipQueries = [
  'RelationshipsReceived',
  'RelationshipsSent',
  'RelationshipsActive',
  'RelationshipsViewer',
];
