import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { type AppContext } from '../../app/context.js';
import { toUserErrors } from '../../common/errors/problems.js';
import { requireOfficer } from '../sessions/session.guards.js';
import { type Bulletin } from './bulletin.entity.js';
import { listBulletins, postBulletin } from './bulletins.service.js';
import { BulletinNode, PostBulletinInput, PostBulletinPayload } from './bulletins.types.js';

function bulletinNode(row: Bulletin, lang: AppContext['lang']): BulletinNode {
  return {
    id: row.id,
    title: lang === 'fr' ? row.titleFr : row.titleEn,
    body: lang === 'fr' ? row.bodyFr : row.bodyEn,
    postedAt: row.postedAt,
  };
}

@Resolver()
export class BulletinsResolver {
  @Query(() => [BulletinNode], {
    description: 'The bulletins agency officers posted, newest first, at most 50. Needs no sign-in.',
  })
  async bulletins(@Ctx() ctx: AppContext): Promise<BulletinNode[]> {
    return (await listBulletins(ctx.dataSource)).map((row) => bulletinNode(row, ctx.lang));
  }

  @Mutation(() => PostBulletinPayload, {
    description: 'Officers: posts a bulletin on the public bulletins page, in English and French.',
  })
  async postBulletin(
    @Arg('input', () => PostBulletinInput, { description: 'The title and body in English and French.' })
    input: PostBulletinInput,
    @Ctx() ctx: AppContext,
  ): Promise<PostBulletinPayload> {
    const { user } = requireOfficer(ctx);
    const result = await postBulletin(ctx.dataSource, user.id, input, ctx.config.now());
    if (!result.ok) return { bulletin: null, userErrors: toUserErrors(result.problems, ctx.t) };
    ctx.log.info({ bulletin: result.bulletin.id, officer: user.id }, 'bulletin posted');
    return { bulletin: bulletinNode(result.bulletin, ctx.lang), userErrors: [] };
  }
}
