import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { type AppContext } from '../../app/context.js';
import { Access, ownerFromArg } from '../../common/auth/access-directive.js';
import { AccessAction, AccessArea, type AccessOwner } from '../../common/auth/access-table.js';
import { AppError, ErrorCode } from '../../common/errors/app-error.js';
import { toUserErrors } from '../../common/errors/problems.js';
import { PAGE_SIZE_MAX, pageSize } from '../../common/graphql/connection.js';
import { businessFromInput } from '../businesses/access-owners.js';
import { businessLoaders } from '../businesses/business-loaders.js';
import { activeViewerMembership, isActiveBam } from '../businesses/business-view.service.js';
import { BusinessNode } from '../businesses/businesses.types.js';
import { requireTermsAccepted } from '../sessions/session.guards.js';
import { eventCatalogue, publicEventTypes } from './event-catalogue.js';
import { WebhookDelivery, WebhookEndpoint, WebhookEvent } from './webhooks.entities.js';
import {
  createEndpoint,
  deleteEndpoint,
  readFeed,
  resendDelivery,
  sendTestEvent,
  updateEndpoint,
  type WebhookActor,
} from './webhooks.service.js';
import {
  CreateWebhookEndpointInput,
  PublicEventConnection,
  UpdateWebhookEndpointInput,
  WebhookDeliveryNode,
  WebhookDeliveryPayload,
  WebhookEndpointNode,
  WebhookEndpointPayload,
  WebhookEventTypeNode,
} from './webhooks.types.js';
import { In } from 'typeorm';

export function endpointNode(row: WebhookEndpoint): WebhookEndpointNode {
  return {
    id: row.id,
    businessId: row.businessId,
    url: row.url,
    description: row.description,
    eventTypes: JSON.parse(row.eventTypes) as string[],
    clientGroupIds: JSON.parse(row.clientGroupIds) as string[],
    enabled: row.status === 'ENABLED',
    disabledReason: row.disabledReason,
    failingSince: row.failingSince,
    createdAt: row.createdAt,
  };
}

function deliveryNode(row: WebhookDelivery, eventType: string): WebhookDeliveryNode {
  return {
    id: row.id,
    eventId: row.eventId,
    eventType,
    status: row.status,
    attempts: row.attempts,
    responseStatus: row.responseStatus,
    lastError: row.lastError,
    lastAttemptAt: row.lastAttemptAt,
    nextAttemptAt: row.status === 'PENDING' ? row.nextAttemptAt : null,
    createdAt: row.createdAt,
  };
}

/** The business of an endpoint (`endpointId`). */
async function businessOfEndpointId(id: string, { dataSource }: AppContext): Promise<AccessOwner | null> {
  const row = await dataSource
    .getRepository(WebhookEndpoint)
    .findOne({ select: { id: true, businessId: true }, where: { id } });
  return row ? { businessId: row.businessId } : null;
}
const businessOfEndpoint = ownerFromArg(['endpointId'], businessOfEndpointId);

/** The business of a delivery's endpoint (`deliveryId`). */
const businessOfDelivery = ownerFromArg(['deliveryId'], async (id, context: AppContext) => {
  const row = await context.dataSource
    .getRepository(WebhookDelivery)
    .findOne({ select: { id: true, endpointId: true }, where: { id } });
  return row ? businessOfEndpointId(row.endpointId, context) : null;
});

/** The caller as the services see them: a person (checked a BAM there) or a token acting as its creator. */
function actorOf(ctx: AppContext): WebhookActor {
  const { user } = requireTermsAccepted(ctx);
  return { userId: user.id, tokenBusinessId: ctx.session.apiToken?.token.businessId ?? null };
}

function encodeFeedCursor(id: string | null): string | null {
  return id ? Buffer.from(`ev|${id}`, 'utf8').toString('base64url') : null;
}

function decodeFeedCursor(cursor: string): string {
  const match = /^ev\|([0-9a-f-]{36})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new AppError(ErrorCode.BAD_USER_INPUT, 'errors.badRequest', {}, { argument: 'after' });
  return match[1];
}

@Resolver()
export class WebhooksResolver {
  @Query(() => [WebhookEventTypeNode], { description: 'The public event catalogue (docs/api.md "Events").' })
  webhookEventTypes(): WebhookEventTypeNode[] {
    // A type fed by two domain events is listed once, with its descriptions joined.
    const byType = new Map<string, WebhookEventTypeNode>();
    for (const e of eventCatalogue) {
      const seen = byType.get(e.type);
      if (seen) seen.description = `${seen.description} ${e.description}`;
      else byType.set(e.type, { type: e.type, version: e.version, description: e.description });
    }
    return [...byType.values()];
  }

  @Query(() => PublicEventConnection, {
    description:
      'The changes feed: events about your business and the clients it reaches now, oldest first, kept 30 days, each cut by the access table now. A token reads its own business’s feed; a business account manager passes `businessId`.',
  })
  async events(
    @Ctx() ctx: AppContext,
    @Arg('after', () => String, {
      nullable: true,
      description: 'The endCursor you stored; none: from 30 days ago.',
    })
    after: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 100, description: `1 to ${PAGE_SIZE_MAX}.` })
    first: number | null,
    @Arg('types', () => [String], { nullable: true, description: 'Only these event types.' })
    types: string[] | null,
    @Arg('businessId', () => ID, { nullable: true, description: 'With a browser session: the business.' })
    businessId: string | null,
  ): Promise<PublicEventConnection> {
    const size = pageSize(first, 100);
    const { user } = requireTermsAccepted(ctx);
    const token = ctx.session.apiToken;
    if (types?.some((t) => !publicEventTypes.includes(t)))
      throw new AppError(ErrorCode.BAD_USER_INPUT, 'errors.badRequest', {}, { argument: 'types' });
    let audience;
    if (token) {
      if (businessId && businessId !== token.token.businessId)
        throw new AppError(ErrorCode.FORBIDDEN, 'errors.forbidden');
      audience = {
        businessId: token.token.businessId,
        createdBy: user.id,
        clientGroupIds: token.clientGroupIds,
      };
    } else {
      if (!businessId || !isActiveBam(await activeViewerMembership(businessLoaders(ctx), businessId)))
        throw new AppError(ErrorCode.FORBIDDEN, 'errors.forbidden');
      audience = { businessId, createdBy: user.id, clientGroupIds: [] };
    }
    const page = await readFeed(
      ctx.dataSource,
      ctx.config,
      audience,
      after ? decodeFeedCursor(after) : null,
      size,
      types,
    );
    return {
      nodes: page.events.map((e) => ({ ...e, time: new Date(e.time) })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: encodeFeedCursor(page.endCursor) },
    };
  }

  @Access(AccessArea.ACCESS_MANAGEMENT, AccessAction.EDIT, { owner: businessFromInput })
  @Mutation(() => WebhookEndpointPayload, {
    description:
      'A business account manager (or a READ_WRITE token) registers a webhook endpoint; the signing secret is in the payload, once. Audited.',
  })
  async createWebhookEndpoint(
    @Arg('input', () => CreateWebhookEndpointInput, { description: 'The endpoint to register.' })
    input: CreateWebhookEndpointInput,
    @Ctx() ctx: AppContext,
  ): Promise<WebhookEndpointPayload> {
    const result = await createEndpoint(ctx.dataSource, ctx.config, actorOf(ctx), input.businessId, input);
    if (!result.ok) return { endpoint: null, secret: null, userErrors: toUserErrors(result.problems, ctx.t) };
    return { endpoint: endpointNode(result.endpoint), secret: result.secret ?? null, userErrors: [] };
  }

  @Access(AccessArea.ACCESS_MANAGEMENT, AccessAction.EDIT, { owner: businessOfEndpoint })
  @Mutation(() => WebhookEndpointPayload, {
    description: 'Changes, enables or disables an endpoint. Audited.',
  })
  async updateWebhookEndpoint(
    @Arg('endpointId', () => ID, { description: 'The endpoint.' }) endpointId: string,
    @Arg('input', () => UpdateWebhookEndpointInput, { description: 'What to change.' })
    input: UpdateWebhookEndpointInput,
    @Ctx() ctx: AppContext,
  ): Promise<WebhookEndpointPayload> {
    const result = await updateEndpoint(ctx.dataSource, ctx.config, actorOf(ctx), endpointId, input);
    if (!result.ok) return { endpoint: null, secret: null, userErrors: toUserErrors(result.problems, ctx.t) };
    return { endpoint: endpointNode(result.endpoint), secret: null, userErrors: [] };
  }

  @Access(AccessArea.ACCESS_MANAGEMENT, AccessAction.EDIT, { owner: businessOfEndpoint })
  @Mutation(() => WebhookEndpointPayload, { description: 'Deletes an endpoint and its deliveries. Audited.' })
  async deleteWebhookEndpoint(
    @Arg('endpointId', () => ID, { description: 'The endpoint.' }) endpointId: string,
    @Ctx() ctx: AppContext,
  ): Promise<WebhookEndpointPayload> {
    const result = await deleteEndpoint(ctx.dataSource, ctx.config, actorOf(ctx), endpointId);
    if (!result.ok) return { endpoint: null, secret: null, userErrors: toUserErrors(result.problems, ctx.t) };
    return { endpoint: endpointNode(result.endpoint), secret: null, userErrors: [] };
  }

  @Access(AccessArea.ACCESS_MANAGEMENT, AccessAction.EDIT, { owner: businessOfEndpoint })
  @Mutation(() => WebhookDeliveryPayload, { description: 'Queues a `webhook.test` event to the endpoint.' })
  async sendWebhookTestEvent(
    @Arg('endpointId', () => ID, { description: 'The endpoint.' }) endpointId: string,
    @Ctx() ctx: AppContext,
  ): Promise<WebhookDeliveryPayload> {
    const result = await sendTestEvent(ctx.dataSource, ctx.config, actorOf(ctx), endpointId);
    if (!result.ok) return { delivery: null, userErrors: toUserErrors(result.problems, ctx.t) };
    return { delivery: deliveryNode(result.delivery, 'webhook.test'), userErrors: [] };
  }

  @Access(AccessArea.ACCESS_MANAGEMENT, AccessAction.EDIT, { owner: businessOfDelivery })
  @Mutation(() => WebhookDeliveryPayload, {
    description: 'Sends a delivery’s event again (a new delivery, same event id).',
  })
  async resendWebhookDelivery(
    @Arg('deliveryId', () => ID, { description: 'The delivery to send again.' }) deliveryId: string,
    @Ctx() ctx: AppContext,
  ): Promise<WebhookDeliveryPayload> {
    const result = await resendDelivery(ctx.dataSource, ctx.config, actorOf(ctx), deliveryId);
    if (!result.ok) return { delivery: null, userErrors: toUserErrors(result.problems, ctx.t) };
    const event = await ctx.dataSource.getRepository(WebhookEvent).findOneBy({ id: result.delivery.eventId });
    return { delivery: deliveryNode(result.delivery, event?.type ?? ''), userErrors: [] };
  }
}

@Resolver(() => BusinessNode)
export class BusinessWebhooksResolver {
  @Access(AccessArea.ACCESS_MANAGEMENT, AccessAction.VIEW)
  @FieldResolver(() => [WebhookEndpointNode], {
    nullable: true,
    description:
      'The business’s webhook endpoints (at most 10). Business account managers only (else FORBIDDEN).',
  })
  async webhookEndpoints(@Root() node: BusinessNode, @Ctx() ctx: AppContext): Promise<WebhookEndpointNode[]> {
    requireTermsAccepted(ctx);
    const token = ctx.session.apiToken;
    const allowed = token
      ? token.token.businessId === node.id
      : isActiveBam(await activeViewerMembership(businessLoaders(ctx), node.id));
    if (!allowed) throw new AppError(ErrorCode.FORBIDDEN, 'errors.forbidden');
    const rows = await ctx.dataSource
      .getRepository(WebhookEndpoint)
      .find({ where: { businessId: node.id }, order: { id: 'ASC' }, take: 10 });
    return rows.map(endpointNode);
  }
}

@Resolver(() => WebhookEndpointNode)
export class WebhookEndpointDeliveriesResolver {
  @FieldResolver(() => [WebhookDeliveryNode], {
    description: 'The endpoint’s most recent deliveries, newest first.',
  })
  async recentDeliveries(
    @Root() node: WebhookEndpointNode,
    @Ctx() ctx: AppContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: '1 to 100.' })
    first: number | null,
  ): Promise<WebhookDeliveryNode[]> {
    const rows = await ctx.dataSource
      .getRepository(WebhookDelivery)
      .find({ where: { endpointId: node.id }, order: { id: 'DESC' }, take: pageSize(first, 20) });
    const events = rows.length
      ? await ctx.dataSource.getRepository(WebhookEvent).find({
          select: { id: true, type: true },
          where: { id: In([...new Set(rows.map((r) => r.eventId))]) },
        })
      : [];
    const typeOf = new Map(events.map((e) => [e.id, e.type]));
    return rows.map((r) => deliveryNode(r, typeOf.get(r.eventId) ?? ''));
  }
}
