import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { type AppContext } from '../../app/context.js';
import { AppError, ErrorCode } from '../../common/errors/app-error.js';
import { startSession } from '../sessions/session.service.js';
import { findLocalUser } from '../users/users.service.js';
import { ViewerPayload, viewerOf } from '../users/viewer.type.js';
import { demoUsernames } from './demo-world.service.js';
import { DemoPersona } from './demo.types.js';

const personas = Object.values(DemoPersona);

@Resolver()
export class DemoResolver {
  @Query(() => [DemoPersona], {
    description:
      'The demo’s prepared people one can sign in as with one click; empty when the demo is off (production, or SEED_DEMO_DATA=false). Needs no sign-in.',
  })
  demoPersonas(@Ctx() { config }: AppContext): DemoPersona[] {
    return config.demo ? personas : [];
  }

  @Mutation(() => ViewerPayload, {
    description:
      'Signs in as one of the demo’s prepared people, without a password, and sets the session cookie; the terms of use are then asked as after every sign-in. NOT_FOUND when the demo is off or not seeded.',
  })
  async demoSignIn(
    @Arg('persona', () => DemoPersona, { description: 'Who to sign in as.' }) persona: DemoPersona,
    @Ctx() ctx: AppContext,
  ): Promise<ViewerPayload> {
    const user = ctx.config.demo ? await findLocalUser(ctx.dataSource, demoUsernames[persona]) : null;
    if (!user) throw new AppError(ErrorCode.NOT_FOUND, 'errors.notFound');
    const started = await startSession(ctx.dataSource, ctx.config, {
      userId: user.id,
      ipAddress: ctx.client.ipAddress,
      userAgent: ctx.client.userAgent,
      replacesToken: ctx.session.token,
    });
    ctx.session.begin(started);
    ctx.log.info({ persona }, 'demo sign-in');
    return { viewer: viewerOf(started), userErrors: [] };
  }
}
