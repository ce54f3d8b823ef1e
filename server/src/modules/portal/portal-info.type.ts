import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Public facts about the portal, shown before sign-in.' })
export class PortalInfo {
  @Field(() => String, { description: 'Telephone number that trade consultants call to join the portal.' })
  agencyPhone: string;

  @Field(() => String, { description: 'Version of the portal software.' })
  version: string;
}
