import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../common/graphql/connection.js';
import { DateTimeScalar } from '../../common/graphql/date-time.scalar.js';
import { UserError } from '../../common/graphql/user-error.type.js';

@ObjectType({ description: 'One public event type of the catalogue (docs/api.md "Events").' })
export class WebhookEventTypeNode {
  @Field(() => String, { description: 'e.g. relationship.ended.' })
  type: string;

  @Field(() => Int, { description: 'The payload’s version.' })
  version: number;

  @Field(() => String, { description: 'What happened (English).' })
  description: string;
}

@ObjectType({ description: 'One sending of an event to an endpoint.' })
export class WebhookDeliveryNode {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { description: 'The event (the `webhook-id` header).' })
  eventId: string;

  @Field(() => String, { description: 'The event’s type.' })
  eventType: string;

  @Field(() => String, {
    description:
      'PENDING (waiting or retrying), DELIVERED (a 2xx answer), DEAD (every retry failed), SKIPPED (the business may no longer see the event, or the endpoint was disabled).',
  })
  status: string;

  @Field(() => Int, { description: 'Attempts made.' })
  attempts: number;

  @Field(() => Int, { nullable: true, description: 'The HTTP status of the last answer.' })
  responseStatus: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Why the last attempt failed: HTTP_<status>, TIMEOUT, CONNECTION, DNS, BLOCKED_ADDRESS, NOT_VISIBLE…',
  })
  lastError: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  lastAttemptAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the next attempt is due (PENDING).' })
  nextAttemptAt: Date | null;

  @Field(() => DateTimeScalar)
  createdAt: Date;
}

@ObjectType({ description: 'A webhook endpoint of a business.' })
export class WebhookEndpointNode {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  url: string;

  @Field(() => String)
  description: string;

  @Field(() => [String], { description: 'The event types sent to it.' })
  eventTypes: string[];

  @Field(() => [ID], {
    description: 'Only events about clients of these client groups (empty: every client).',
  })
  clientGroupIds: string[];

  @Field(() => Boolean)
  enabled: boolean;

  @Field(() => String, { nullable: true, description: 'FAILING (disabled by the sender) or BY_USER.' })
  disabledReason: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'First failure since the last success.' })
  failingSince: Date | null;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  businessId: string;
}

@InputType({ description: 'A webhook endpoint to register.' })
export class CreateWebhookEndpointInput {
  @Field(() => ID)
  businessId: string;

  @Field(() => String, { description: 'https:// address (at most 2,000 characters).' })
  url: string;

  @Field(() => String, { nullable: true, description: 'At most 100 characters.' })
  description?: string | null;

  @Field(() => [String], { description: 'At least one catalogue type.' })
  eventTypes: string[];

  @Field(() => [ID], { nullable: true, description: 'At most 20 of the business’s client groups.' })
  clientGroupIds?: string[] | null;
}

@InputType({ description: 'Changes to an endpoint (omitted fields stay).' })
export class UpdateWebhookEndpointInput {
  @Field(() => String, { nullable: true })
  url?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [String], { nullable: true })
  eventTypes?: string[] | null;

  @Field(() => [ID], { nullable: true })
  clientGroupIds?: string[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Enabling clears the failure; disabling stops deliveries.',
  })
  enabled?: boolean | null;
}

@ObjectType()
export class WebhookEndpointPayload {
  @Field(() => WebhookEndpointNode, { nullable: true })
  endpoint: WebhookEndpointNode | null;

  @Field(() => String, {
    nullable: true,
    description: 'The signing secret (`whsec_…`): in the answer to the registration only, never again.',
  })
  secret: string | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType()
export class WebhookDeliveryPayload {
  @Field(() => WebhookDeliveryNode, { nullable: true })
  delivery: WebhookDeliveryNode | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType({ description: 'A public event (docs/api.md "Events"): the same body a webhook receives.' })
export class PublicEventNode {
  @Field(() => ID, { description: 'The event’s id (the `webhook-id` of its deliveries).' })
  id: string;

  @Field(() => String)
  type: string;

  @Field(() => Int)
  version: number;

  @Field(() => DateTimeScalar)
  time: Date;

  @Field(() => ID, { description: 'The business the event concerns (yours, or a client’s).' })
  businessId: string;

  @Field(() => ID, { nullable: true, description: 'The program account it concerns, if that precise.' })
  programAccountId: string | null;

  @Field(() => GraphQLJSONObject, { description: 'The payload, cut to what your business may see now.' })
  data: Record<string, unknown>;
}

@ObjectType({ description: 'A page of the changes feed, oldest first.' })
export class PublicEventConnection {
  @Field(() => [PublicEventNode], {
    description: 'The events of the page you may see (possibly fewer than `first`: follow the cursor).',
  })
  nodes: PublicEventNode[];

  @Field(() => PageInfo, { description: 'Store `endCursor` and pass it as `after` next time.' })
  pageInfo: PageInfo;
}
