import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../common/graphql/date-time.scalar.js';
import { UserErrorsPayload } from '../../common/graphql/user-error.type.js';
import { type ActiveSession } from '../sessions/session.service.js';
import { CredentialKind, PersonRole } from './user.types.js';

/** The signed-in person as the API shows them; `profile` and `recentSecurityEvents` are resolved on demand. */
@ObjectType({ description: 'The signed-in person.' })
export class Viewer {
  @Field(() => ID, { description: 'The signed-in user’s id (opaque).' })
  id: string;

  @Field(() => PersonRole, {
    description: 'PERSON (a trade chain partner’s person) or OFFICER (an agency officer).',
  })
  role: PersonRole;

  @Field(() => CredentialKind, {
    description:
      'How the person signed in: LOCAL (username and password) or PARTNER (the federated sign-in partner).',
  })
  credentialKind: CredentialKind;

  @Field(() => String, { nullable: true, description: 'LOCAL credentials only.' })
  username: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the person signed in before this session; null on the very first sign-in.',
  })
  previousSignInAt: Date | null;

  @Field(() => Boolean, {
    description: 'Whether the portal’s terms of use were accepted in this session (asked at every sign-in).',
  })
  termsAccepted: boolean;
}

export function viewerOf({ user, session }: ActiveSession): Viewer {
  return {
    id: user.id,
    role: user.role,
    credentialKind: user.credentialKind,
    username: user.username,
    previousSignInAt: session.previousSignInAt,
    termsAccepted: session.termsAcceptedAt !== null,
  };
}

@ObjectType({ description: 'The signed-in person after a mutation, or the problems with its input.' })
export class ViewerPayload extends UserErrorsPayload {
  @Field(() => Viewer, {
    nullable: true,
    description: 'The signed-in person; null when the input had problems.',
  })
  viewer: Viewer | null;
}
