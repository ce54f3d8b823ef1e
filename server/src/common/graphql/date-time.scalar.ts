import { GraphQLScalarType } from 'graphql';
import { DateTimeISOResolver } from 'graphql-scalars';

/**
 * `DateTime` in the published schema: graphql-scalars' DateTimeISO (ISO 8601 with offset, always UTC "Z" on
 * output), under the name the API contract uses.
 */
export const DateTimeScalar = new GraphQLScalarType({
  ...DateTimeISOResolver.toConfig(),
  name: 'DateTime',
  description: 'A date and time in ISO 8601 with an offset, e.g. 2026-11-23T14:05:00.000Z.',
});
