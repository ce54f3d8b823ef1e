import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { type AppContext } from '../../app/context.js';
import { AppError, ErrorCode } from '../../common/errors/app-error.js';
import { Viewer } from '../users/viewer.type.js';
import { listRecentSecurityEvents, RECENT_EVENTS_MAX } from './audit.service.js';
import { SecurityEvent } from './security-event.entity.js';

/** The signed-in person's recent security events, a field this module adds to the users module's Viewer. */
@Resolver(() => Viewer)
export class ViewerSecurityEventsResolver {
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
