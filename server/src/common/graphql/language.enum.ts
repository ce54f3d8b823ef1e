import { registerEnumType } from 'type-graphql';

/** English or French in the API (EN, FR); the values are the lower-case tags the i18n layer uses. */
export enum LanguageEnum {
  EN = 'en',
  FR = 'fr',
}

registerEnumType(LanguageEnum, {
  name: 'Language',
  description: 'English or French.',
  valuesConfig: {
    EN: { description: 'English (the `en` of portal addresses and the Accept-Language header).' },
    FR: { description: 'French (the `fr` of portal addresses and the Accept-Language header).' },
  },
});
