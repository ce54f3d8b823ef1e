import { Field, ObjectType } from 'type-graphql';
import { UserErrorsPayload } from '../../common/graphql/user-error.type.js';
import { PersonalProfileRecord } from './personal-profile.entity.js';

@ObjectType({ description: 'The saved personal profile, or the problems with the input.' })
export class PersonalProfilePayload extends UserErrorsPayload {
  @Field(() => PersonalProfileRecord, {
    nullable: true,
    description: 'The saved personal profile; null when the input had problems.',
  })
  profile: PersonalProfileRecord | null;
}
