import { registerEnumType } from 'type-graphql';

export enum PersonRole {
  PERSON = 'PERSON',
  OFFICER = 'OFFICER',
}

export enum CredentialKind {
  LOCAL = 'LOCAL',
  PARTNER = 'PARTNER',
}

registerEnumType(PersonRole, {
  name: 'PersonRole',
  description: 'Whether a user is a member of the public or agency staff.',
  valuesConfig: {
    PERSON: { description: 'A member of the public.' },
    OFFICER: { description: 'Agency staff.' },
  },
});
registerEnumType(CredentialKind, {
  name: 'CredentialKind',
  description: 'How a person signs in.',
  valuesConfig: {
    LOCAL: { description: 'Username and password (the seed’s "GCKey").' },
    PARTNER: { description: 'A federated OpenID Connect sign-in partner.' },
  },
});
