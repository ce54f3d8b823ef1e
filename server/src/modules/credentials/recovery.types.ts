import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A recovery question a person can choose.' })
export class RecoveryQuestion {
  @Field(() => ID, { description: 'The recovery question’s id (opaque).' })
  id: string;

  @Field(() => String, { description: 'In the caller’s language.' })
  text: string;
}

@ObjectType({ description: 'What a person must answer to reset a forgotten password.' })
export class RecoveryChallenge {
  @Field(() => RecoveryQuestion, {
    description:
      'The recovery question the person chose, in the caller’s language. For an unknown username a question is still shown (the same one each time), so the answer says nothing about which usernames exist.',
  })
  question: RecoveryQuestion;

  @Field(() => String, {
    nullable: true,
    description: 'The person’s own hint for their memorable person; null when they gave none.',
  })
  memorablePersonHint: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The person’s own hint for their memorable date; null when they gave none.',
  })
  memorableDateHint: string | null;
}
