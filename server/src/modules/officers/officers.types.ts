import { Field, ID, Int, ObjectType } from 'type-graphql';
import { type ListConnection, listConnectionType } from '../../common/graphql/list-connection.js';
import { DateTimeScalar } from '../../common/graphql/date-time.scalar.js';
import { UserErrorsPayload } from '../../common/graphql/user-error.type.js';

@ObjectType({ description: 'A local credential locked after too many failed attempts.' })
export class LockedCredential {
  @Field(() => ID, { description: 'The user’s id.' })
  userId: string;

  @Field(() => String, { description: 'The locked username.' })
  username: string;

  @Field(() => DateTimeScalar, {
    description: 'When the lock ends by itself (an officer can unlock it sooner).',
  })
  lockedUntil: Date;

  @Field(() => Int, { description: 'Consecutive failed attempts that locked it.' })
  failedAttempts: number;
}

@ObjectType({ description: 'Whether a locked credential was unlocked, or the problems with the input.' })
export class UnlockCredentialPayload extends UserErrorsPayload {
  @Field(() => Boolean, { description: 'True when the credential was locked and is now unlocked.' })
  unlocked: boolean;
}

export const LockedCredentialConnection = listConnectionType<LockedCredential>(
  'LockedCredential',
  LockedCredential,
  { items: 'locked credentials', item: 'a locked credential', order: 'soonest unlock first' },
);
export type LockedCredentialConnection = ListConnection<LockedCredential>;
