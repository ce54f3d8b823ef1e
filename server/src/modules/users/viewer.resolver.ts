import { Ctx, Query, Resolver } from 'type-graphql';
import { type AppContext } from '../../app/context.js';
import { Viewer, viewerOf } from './viewer.type.js';

// The Viewer's profile and recentSecurityEvents are added by the modules that own them
// (profiles/viewer-profile.resolver.ts, audit/viewer-security-events.resolver.ts).
@Resolver(() => Viewer)
export class ViewerResolver {
  @Query(() => Viewer, {
    nullable: true,
    description: 'The signed-in person; null when not signed in, and for an API token (see viewerBusiness).',
  })
  me(@Ctx() ctx: AppContext): Viewer | null {
    // A token is its business's, not a person's: it does not read its creator's profile or sessions.
    if (ctx.session.apiToken) return null;
    const active = ctx.session.current;
    return active ? viewerOf(active) : null;
  }
}
