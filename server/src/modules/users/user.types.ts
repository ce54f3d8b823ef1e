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
  valuesConfig: { OFFICER: { description: 'Agency staff.' } },
});
registerEnumType(CredentialKind, {
  name: 'CredentialKind',
  valuesConfig: {
    LOCAL: { description: 'Username and password (the seed’s "GCKey").' },
    PARTNER: { description: 'A federated OpenID Connect sign-in partner.' },
  },
});
