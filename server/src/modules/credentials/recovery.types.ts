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
  @Field(() => RecoveryQuestion)
  question: RecoveryQuestion;

  @Field(() => String, { nullable: true })
  memorablePersonHint: string | null;

  @Field(() => String, { nullable: true })
  memorableDateHint: string | null;
}
