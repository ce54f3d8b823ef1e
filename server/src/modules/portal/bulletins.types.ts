import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { UserErrorsPayload } from '../../common/graphql/user-error.type.js';
import { BilingualBodyInput } from '../../common/graphql/bilingual-body.input.js';
import { DateTimeScalar } from '../../common/graphql/date-time.scalar.js';

@ObjectType({
  description: 'A bulletin the agency posted about the portal, in the caller’s language. Public.',
})
export class BulletinNode {
  @Field(() => ID, { description: 'The bulletin’s opaque id.' })
  id: string;

  @Field(() => String, { description: 'The title in the caller’s language.' })
  title: string;

  @Field(() => String, { description: 'The body in the caller’s language, plain text.' })
  body: string;

  @Field(() => DateTimeScalar, { description: 'When an officer posted it.' })
  postedAt: Date;
}

@InputType({ description: 'An officer’s bulletin; title and body in both languages.' })
export class PostBulletinInput extends BilingualBodyInput {
  @Field(() => String, { description: 'The title in English, 1 to 200 characters.' })
  titleEn: string;

  @Field(() => String, { description: 'The title in French, 1 to 200 characters.' })
  titleFr: string;
}

@ObjectType({ description: 'The bulletin posted, or what was wrong with it.' })
export class PostBulletinPayload extends UserErrorsPayload {
  @Field(() => BulletinNode, { nullable: true, description: 'The bulletin, in the caller’s language.' })
  bulletin: BulletinNode | null;
}
