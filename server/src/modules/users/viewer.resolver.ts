import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { type AppContext } from '../../app/context.js';
import { AppError, ErrorCode } from '../../common/errors/app-error.js';
import { listRecentSecurityEvents, RECENT_EVENTS_MAX } from '../audit/audit.service.js';
import { SecurityEvent } from '../audit/security-event.entity.js';
import { PersonalProfileRecord } from '../profiles/personal-profile.entity.js';
import { findProfile } from '../profiles/profile.service.js';
import { Viewer, viewerOf } from './viewer.type.js';

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

  @FieldResolver(() => PersonalProfileRecord, {
    nullable: true,
    description: 'Null until the personal profile is created (asked at first sign-in).',
  })
  profile(@Root() viewer: Viewer, @Ctx() ctx: AppContext): Promise<PersonalProfileRecord | null> {
    return findProfile(ctx.dataSource, viewer.id);
  }

  @FieldResolver(() => [SecurityEvent], { description: `Newest first, at most ${RECENT_EVENTS_MAX}.` })
  recentSecurityEvents(
    @Root() viewer: Viewer,
    @Arg('first', () => Int, { nullable: true, defaultValue: 10, description: 'The most events to return.' })
    first: number | null,
    @Ctx() ctx: AppContext,
  ): Promise<SecurityEvent[]> {
    if (first !== null && first < 0) throw new AppError(ErrorCode.BAD_USER_INPUT, 'errors.badRequest');
    return listRecentSecurityEvents(ctx.dataSource, viewer.id, first ?? 10);
  }
}
