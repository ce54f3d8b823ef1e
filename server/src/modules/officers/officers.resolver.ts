import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { type AppContext } from '../../app/context.js';
import { toUserErrors } from '../../common/errors/problems.js';
import { AFTER_ARG, FIRST_ARG, listConnection } from '../../common/graphql/list-connection.js';
import { requireOfficer } from '../sessions/session.guards.js';
import { listLockedCredentials, unlockCredential } from './officers.service.js';
import { LockedCredential, LockedCredentialConnection, UnlockCredentialPayload } from './officers.types.js';

@Resolver()
export class OfficersResolver {
  @Query(() => [LockedCredential], {
    description:
      'OFFICER only: local credentials locked after too many failed attempts, soonest unlock first.',
    deprecationReason: 'Use lockedCredentialsConnection: the same credentials, in pages of at most 100.',
  })
  lockedCredentials(@Ctx() ctx: AppContext): Promise<LockedCredential[]> {
    requireOfficer(ctx);
    return listLockedCredentials(ctx.dataSource, ctx.config);
  }

  @Query(() => LockedCredentialConnection, {
    description:
      'Agency officers only (else FORBIDDEN): local credentials locked now after too many failed attempts, soonest unlock first.',
  })
  async lockedCredentialsConnection(
    @Ctx() ctx: AppContext,
    @Arg('first', () => Int, FIRST_ARG) first: number | null,
    @Arg('after', () => String, AFTER_ARG) after: string | null,
  ): Promise<LockedCredentialConnection> {
    return listConnection(
      await this.lockedCredentials(ctx),
      { first, after },
      // A user has one local credential: the user id is the row's identity.
      { key: (locked) => [locked.lockedUntil], id: (locked) => locked.userId, direction: 'ASC' },
      (locked) => locked,
    );
  }

  @Mutation(() => UnlockCredentialPayload, {
    description: 'OFFICER only: unlocks a locked credential (recorded with the officer as actor).',
  })
  async unlockCredential(
    @Arg('userId', () => ID, { description: 'The user whose credential is locked.' }) userId: string,
    @Ctx() ctx: AppContext,
  ): Promise<UnlockCredentialPayload> {
    const { user: officer } = requireOfficer(ctx);
    const result = await unlockCredential(ctx.dataSource, ctx.config, officer, userId, ctx.client);
    return result.ok
      ? { unlocked: result.unlocked, userErrors: [] }
      : { unlocked: false, userErrors: toUserErrors(result.problems, ctx.t) };
  }
}
