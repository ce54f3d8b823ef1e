import { Ctx, Query, Resolver } from 'type-graphql';
import { type AppContext } from '../../app/context.js';
import { PortalInfo } from './portal-info.type.js';

@Resolver()
export class PortalResolver {
  @Query(() => PortalInfo, {
    description: 'Public facts about the portal shown on the landing page. Needs no sign-in.',
  })
  portalInfo(@Ctx() { config }: AppContext): PortalInfo {
    return { agencyPhone: config.agencyPhone, version: config.version };
  }
}
