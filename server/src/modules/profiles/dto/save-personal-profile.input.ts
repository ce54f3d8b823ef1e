import { Field, InputType } from 'type-graphql';
import { LanguageEnum } from '../../../common/graphql/language.enum.js';
import { type Language } from '../../../common/i18n/language.js';

@InputType({
  description: 'The personal profile, created at first sign-in and changed later; every field is replaced.',
})
export class SavePersonalProfileInput {
  @Field(() => String, { description: "Given name: 1 to 100 letters, spaces and '’-." })
  firstName: string;

  @Field(() => String, { description: "Family name: 1 to 100 letters, spaces and '’-." })
  lastName: string;

  @Field(() => String, { description: 'North American number with its area code, e.g. 613-555-0101.' })
  phone: string;

  @Field(() => String, { nullable: true, description: 'Optional extension, up to 6 digits.' })
  phoneExtension?: string | null;

  @Field(() => String, { description: 'Email address, at most 254 characters (64 before the @).' })
  email: string;

  @Field(() => String, { description: 'The email again; must be identical (ignoring case).' })
  emailConfirmation: string;

  @Field(() => Boolean, {
    description: 'Whether notices are also sent by email (urgent notices always are).',
  })
  receiveNoticeEmails: boolean;

  @Field(() => Boolean, {
    description:
      'Must be true: the person accepts the terms of notice emails (urgent notices are always sent).',
  })
  acceptNoticeTerms: boolean;

  @Field(() => LanguageEnum, {
    description: 'The language of the person’s emails and, by default, of the portal.',
  })
  preferredLanguage: Language;
}
