import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../../common/graphql/user-error.type.js';
import { PersonalProfileRecord } from './personal-profile.entity.js';

@ObjectType({ description: 'The saved personal profile, or the problems with the input.' })
export class PersonalProfilePayload {
  @Field(() => PersonalProfileRecord, {
    nullable: true,
    description: 'The saved personal profile; null when the input had problems.',
  })
  profile: PersonalProfileRecord | null;

  @Field(() => [UserError], { description: 'What was wrong with the input; empty on success.' })
  userErrors: UserError[];
}
