import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { type AppContext } from '../../app/context.js';
import { Access, ownerFromArg } from '../../common/auth/access-directive.js';
import { AccessAction, AccessArea } from '../../common/auth/access-table.js';
import { AppError, ErrorCode } from '../../common/errors/app-error.js';
import { toUserErrors } from '../../common/errors/problems.js';
import { decodeCursor, keysetBefore, pageSize, toConnectionPage } from '../../common/graphql/connection.js';
import { businessFromInput } from '../businesses/access-owners.js';
import { businessLoaders } from '../businesses/business-loaders.js';
import { activeViewerMembership, isActiveBam } from '../businesses/business-view.service.js';
import { BusinessNode } from '../businesses/businesses.types.js';
import { requireTermsAccepted } from '../sessions/session.guards.js';
import { ApiToken, ApiTokenClientGroup } from './api-tokens.entities.js';
import { type ApiTokenScope, createApiToken, revokeApiToken } from './api-tokens.service.js';
import {
  ApiTokenConnection,
  ApiTokenNode,
  CreateApiTokenInput,
  CreateApiTokenPayload,
  RevokeApiTokenPayload,
} from './api-tokens.types.js';
import { In } from 'typeorm';

/** The API's view of a token row. */
export function tokenNode(row: ApiToken, clientGroupIds: string[], now: Date): ApiTokenNode {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scope: row.scope as ApiTokenScope,
    clientGroupIds,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt,
    lastUsedAt: row.lastUsedAt,
    active: !row.revokedAt && row.expiresAt > now,
    createdBy: row.createdBy,
  };
}

/** The business of a token (`tokenId`). */
const businessOfToken = ownerFromArg(['tokenId'], async (id, { dataSource }: AppContext) => {
  const token = await dataSource
    .getRepository(ApiToken)
    .findOne({ select: { id: true, businessId: true }, where: { id } });
  return token ? { businessId: token.businessId } : null;
});

/** Tokens are managed by a person: a token cannot list, create or revoke tokens. */
function requirePerson(ctx: AppContext) {
  const active = requireTermsAccepted(ctx);
  if (ctx.session.apiToken)
    throw new AppError(ErrorCode.FORBIDDEN, 'errors.tokenNotAllowed', {}, { reason: 'TOKEN_NOT_ALLOWED' });
  return active;
}

@Resolver()
export class ApiTokensResolver {
  @Access(AccessArea.ACCESS_MANAGEMENT, AccessAction.EDIT, { owner: businessFromInput })
  @Mutation(() => CreateApiTokenPayload, {
    description:
      'A business account manager creates an API token for the business; the secret is in the payload, once. Audited.',
  })
  async createApiToken(
    @Arg('input', () => CreateApiTokenInput, { description: 'The token to create.' })
    input: CreateApiTokenInput,
    @Ctx() ctx: AppContext,
  ): Promise<CreateApiTokenPayload> {
    const { user } = requirePerson(ctx);
    const result = await createApiToken(ctx.dataSource, ctx.config, user.id, input);
    if (!result.ok) return { token: null, secret: null, userErrors: toUserErrors(result.problems, ctx.t) };
    return {
      token: tokenNode(result.token, result.clientGroupIds, ctx.config.now()),
      secret: result.secret,
      userErrors: [],
    };
  }

  @Access(AccessArea.ACCESS_MANAGEMENT, AccessAction.EDIT, { owner: businessOfToken })
  @Mutation(() => RevokeApiTokenPayload, {
    description: 'A business account manager revokes a token: its next request is UNAUTHENTICATED. Audited.',
  })
  async revokeApiToken(
    @Arg('tokenId', () => ID, { description: 'The token to revoke.' }) tokenId: string,
    @Ctx() ctx: AppContext,
  ): Promise<RevokeApiTokenPayload> {
    const { user } = requirePerson(ctx);
    const result = await revokeApiToken(ctx.dataSource, ctx.config, user.id, tokenId);
    if (!result.ok) return { token: null, userErrors: toUserErrors(result.problems, ctx.t) };
    const groups = await ctx.dataSource.getRepository(ApiTokenClientGroup).findBy({ tokenId });
    return {
      token: tokenNode(
        result.token,
        groups.map((g) => g.clientGroupId),
        ctx.config.now(),
      ),
      userErrors: [],
    };
  }
}

@Resolver(() => BusinessNode)
export class BusinessApiTokensResolver {
  @Access(AccessArea.ACCESS_MANAGEMENT, AccessAction.VIEW)
  @FieldResolver(() => ApiTokenConnection, {
    nullable: true,
    description:
      'The business’s API tokens (revoked and expired ones too), newest first. Business account managers only (else FORBIDDEN).',
  })
  async apiTokens(
    @Root() node: BusinessNode,
    @Ctx() ctx: AppContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 25, description: '1 to 100.' })
    first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page.' })
    after: string | null,
  ): Promise<ApiTokenConnection> {
    requirePerson(ctx);
    if (!isActiveBam(await activeViewerMembership(businessLoaders(ctx), node.id)))
      throw new AppError(ErrorCode.FORBIDDEN, 'errors.forbidden');
    const size = pageSize(first);
    const query = ctx.dataSource
      .getRepository(ApiToken)
      .createQueryBuilder('t')
      .where('t.business_id = :businessId', { businessId: node.id });
    const counted = query.clone();
    const count = () => counted.getCount();
    if (after) {
      const keyset = keysetBefore('t.created_at', 't.id', decodeCursor(after));
      query.andWhere(keyset.sql, keyset.params);
    }
    const rows = await query
      .orderBy('t.created_at', 'DESC')
      .addOrderBy('t.id', 'DESC')
      .take(size + 1)
      .getMany();
    const groups = rows.length
      ? await ctx.dataSource.getRepository(ApiTokenClientGroup).findBy({ tokenId: In(rows.map((r) => r.id)) })
      : [];
    const now = ctx.config.now();
    return {
      ...toConnectionPage(
        rows,
        size,
        (row) => ({ at: row.createdAt, id: row.id }),
        (row) =>
          tokenNode(
            row,
            groups.filter((g) => g.tokenId === row.id).map((g) => g.clientGroupId),
            now,
          ),
      ),
      count,
    };
  }
}

@Resolver(() => ApiTokenConnection)
export class ApiTokenConnectionResolver {
  @FieldResolver(() => Int, { description: 'Every token of the business, not only this page.' })
  totalCount(@Root() connection: ApiTokenConnection): Promise<number> {
    return connection.count();
  }
}
