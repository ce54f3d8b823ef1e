import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { type AppContext } from '../../app/context.js';
import { toUserErrors } from '../../common/errors/problems.js';
import { requireTermsAccepted } from '../sessions/session.guards.js';
import { SavePersonalProfileInput } from './dto/save-personal-profile.input.js';
import { savePersonalProfile } from './profile.service.js';
import { PersonalProfilePayload } from './profile.types.js';

@Resolver()
export class ProfileResolver {
  @Mutation(() => PersonalProfilePayload, {
    description:
      'Creates or updates the personal profile of the signed-in person. UNAUTHENTICATED without a session; FORBIDDEN (reason TERMS_NOT_ACCEPTED) until the terms of use are accepted in the session.',
  })
  async savePersonalProfile(
    @Arg('input', () => SavePersonalProfileInput, { description: 'The personal profile to save.' })
    input: SavePersonalProfileInput,
    @Ctx() ctx: AppContext,
  ): Promise<PersonalProfilePayload> {
    const { user } = requireTermsAccepted(ctx);
    const result = await savePersonalProfile(ctx.dataSource, ctx.config, user.id, input, ctx.client);
    return result.ok
      ? { profile: result.profile, userErrors: [] }
      : { profile: null, userErrors: toUserErrors(result.problems, ctx.t) };
  }
}
