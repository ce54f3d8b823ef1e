import { Field, ObjectType } from 'type-graphql';

/**
 * A problem with what the caller sent to a mutation, for one field. Mutations return these in their payload
 * (`userErrors`) instead of throwing, so a form can show every problem beside its field at once.
 */
@ObjectType({ description: 'A problem with the input of a mutation, in the caller’s language.' })
export class UserError {
  @Field(() => [String], {
    description:
      'Path of the input field at fault, e.g. ["input", "legalName"]; empty when not about one field.',
  })
  field: string[];

  @Field(() => String, { description: 'Stable machine-readable code, e.g. TOO_LONG.' })
  code: string;

  @Field(() => String, { description: 'Explanation for a person, in English or French (Accept-Language).' })
  message: string;
}
