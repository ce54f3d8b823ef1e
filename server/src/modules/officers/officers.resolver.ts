import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { type AppContext } from '../../app/context.js';
import { toUserErrors } from '../../common/errors/problems.js';
import { requireOfficer } from '../sessions/session.guards.js';
import { listLockedCredentials, unlockCredential } from './officers.service.js';
import { LockedCredential, UnlockCredentialPayload } from './officers.types.js';

@Resolver()
export class OfficersResolver {
  @Query(() => [LockedCredential], {
    description:
      'OFFICER only: local credentials locked after too many failed attempts, soonest unlock first.',
  })
  lockedCredentials(@Ctx() ctx: AppContext): Promise<LockedCredential[]> {
    requireOfficer(ctx);
    return listLockedCredentials(ctx.dataSource, ctx.config);
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
