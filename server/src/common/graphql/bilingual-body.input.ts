import { Field, InputType } from 'type-graphql';

/**
 * The plain-text body, in English and in French, of what an officer posts (a notice, a bulletin): their input
 * types extend it. The services hold each language to 1 to 5000 characters (`NOTICE_BODY_MAX_LENGTH`,
 * `BULLETIN_BODY_MAX_LENGTH`). No argument is of this type, so no type of that name is published.
 */
@InputType()
export abstract class BilingualBodyInput {
  @Field(() => String, { description: 'The body in English, plain text, 1 to 5000 characters.' })
  bodyEn: string;

  @Field(() => String, { description: 'The body in French, plain text, 1 to 5000 characters.' })
  bodyFr: string;
}
