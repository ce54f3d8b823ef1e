import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { type AppContext } from '../../app/context.js';
import { Viewer } from '../users/viewer.type.js';
import { PersonalProfileRecord } from './personal-profile.entity.js';
import { findProfile } from './profile.service.js';

/** The signed-in person's profile, a field this module adds to the users module's Viewer (decision 0042). */
@Resolver(() => Viewer)
export class ViewerProfileResolver {
  @FieldResolver(() => PersonalProfileRecord, {
    nullable: true,
    description: 'Null until the personal profile is created (asked at first sign-in).',
  })
  profile(@Root() viewer: Viewer, @Ctx() ctx: AppContext): Promise<PersonalProfileRecord | null> {
    return findProfile(ctx.dataSource, viewer.id);
  }
}
