import { Field } from 'type-graphql';

/**
 * A calendar date (no time of day, no zone), published as a String `YYYY-MM-DD`. `what` says which date; the
 * format is added to it (`<what>, YYYY-MM-DD.`), so that every such field states it the same way.
 */
export function CalendarDateField(what: string, options: { nullable?: boolean } = {}) {
  return Field(() => String, { ...options, description: `${what}, YYYY-MM-DD.` });
}
