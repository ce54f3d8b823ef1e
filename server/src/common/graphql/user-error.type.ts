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

/**
 * The `userErrors` of a mutation payload: a payload class extends this and adds what the mutation answers
 * (null when `userErrors` is not empty). No field answers it, so no type of that name is published.
 */
@ObjectType()
export abstract class UserErrorsPayload {
  @Field(() => [UserError], { description: 'What was wrong with the input; empty on success.' })
  userErrors: UserError[];
}
