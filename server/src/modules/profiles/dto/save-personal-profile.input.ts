import { Field, InputType } from 'type-graphql';
import { LanguageEnum } from '../../../common/graphql/language.enum.js';
import { type Language } from '../../../common/i18n/language.js';

@InputType()
export class SavePersonalProfileInput {
  @Field(() => String)
  firstName: string;

  @Field(() => String)
  lastName: string;

  @Field(() => String, { description: 'North American number with its area code, e.g. 613-555-0101.' })
  phone: string;

  @Field(() => String, { nullable: true })
  phoneExtension?: string | null;

  @Field(() => String)
  email: string;

  @Field(() => String)
  emailConfirmation: string;

  @Field(() => Boolean)
  receiveNoticeEmails: boolean;

  @Field(() => Boolean, {
    description:
      'Must be true: the person accepts the terms of notice emails (urgent notices are always sent).',
  })
  acceptNoticeTerms: boolean;

  @Field(() => LanguageEnum)
  preferredLanguage: Language;
}
