import { Field, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../common/graphql/date-time.scalar.js';
import { UserErrorsPayload } from '../../common/graphql/user-error.type.js';

@ObjectType({ description: 'The current session.' })
export class SessionInfo {
  @Field(() => String, {
    description: 'Send it back in the X-CSRF-Token header of every mutation made with the session cookie.',
  })
  csrfToken: string;

  @Field(() => DateTimeScalar, {
    description: 'When the session ends without activity (20 minutes after the last request).',
  })
  idleExpiresAt: Date;

  @Field(() => DateTimeScalar, { description: 'When the session ends regardless of activity.' })
  absoluteExpiresAt: Date;
}

@ObjectType({ description: 'Whether sessions were ended, or the problems with the input.' })
export class SignOutPayload extends UserErrorsPayload {
  @Field(() => Boolean, { description: 'True when the sessions were ended.' })
  signedOut: boolean;
}
