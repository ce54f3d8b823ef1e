import { AccessAction, AccessArea } from '../../common/auth/access-table.js';
import { AccessType } from '../../common/auth/access-directive.js';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../common/graphql/connection.js';
import { DateTimeScalar } from '../../common/graphql/date-time.scalar.js';
import { UserErrorsPayload } from '../../common/graphql/user-error.type.js';

@ObjectType({ description: 'One public event type of the catalogue (docs/api.md "Events").' })
export class WebhookEventTypeNode {
  @Field(() => String, { description: 'e.g. relationship.ended.' })
  type: string;

  @Field(() => Int, { description: 'The payload’s version.' })
  version: number;

  @Field(() => String, { description: 'What happened (English).' })
  description: string;
}

@AccessType(AccessArea.ACCESS_MANAGEMENT, AccessAction.VIEW)
@ObjectType({ description: 'One sending of an event to an endpoint.' })
export class WebhookDeliveryNode {
  @Field(() => ID, { description: 'The delivery’s id (resendWebhookDelivery takes it).' })
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

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the last attempt was made.' })
  lastAttemptAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the next attempt is due (PENDING).' })
  nextAttemptAt: Date | null;

  @Field(() => DateTimeScalar, { description: 'When the delivery was queued.' })
  createdAt: Date;
}

@AccessType(AccessArea.ACCESS_MANAGEMENT, AccessAction.VIEW)
@ObjectType({ description: 'A webhook endpoint of a business.' })
export class WebhookEndpointNode {
  @Field(() => ID, { description: 'The endpoint’s id.' })
  id: string;

  @Field(() => String, { description: 'Where events are POSTed.' })
  url: string;

  @Field(() => String, { description: 'The business’s own label (may be empty).' })
  description: string;

  @Field(() => [String], { description: 'The event types sent to it.' })
  eventTypes: string[];

  @Field(() => [ID], {
    description: 'Only events about clients of these client groups (empty: every client).',
  })
  clientGroupIds: string[];

  @Field(() => Boolean, { description: 'Whether events are sent to it.' })
  enabled: boolean;

  @Field(() => String, { nullable: true, description: 'FAILING (disabled by the sender) or BY_USER.' })
  disabledReason: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'First failure since the last success.' })
  failingSince: Date | null;

  @Field(() => DateTimeScalar, { description: 'When it was registered.' })
  createdAt: Date;

  businessId: string;
}

@InputType({ description: 'A webhook endpoint to register.' })
export class CreateWebhookEndpointInput {
  @Field(() => ID, { description: 'Your business.' })
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
  @Field(() => String, { nullable: true, description: 'A new https:// address.' })
  url?: string | null;

  @Field(() => String, { nullable: true, description: 'A new label (at most 100 characters).' })
  description?: string | null;

  @Field(() => [String], { nullable: true, description: 'The new list of event types (at least one).' })
  eventTypes?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'The new client groups (empty: every client).' })
  clientGroupIds?: string[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Enabling clears the failure; disabling stops deliveries.',
  })
  enabled?: boolean | null;
}

@ObjectType({ description: 'What an endpoint mutation did.' })
export class WebhookEndpointPayload extends UserErrorsPayload {
  @Field(() => WebhookEndpointNode, { nullable: true, description: 'The endpoint; null with userErrors.' })
  endpoint: WebhookEndpointNode | null;

  @Field(() => String, {
    nullable: true,
    description: 'The signing secret (`whsec_…`): in the answer to the registration only, never again.',
  })
  secret: string | null;
}

@ObjectType({ description: 'The delivery a resend or test queued.' })
export class WebhookDeliveryPayload extends UserErrorsPayload {
  @Field(() => WebhookDeliveryNode, {
    nullable: true,
    description: 'The new delivery; null with userErrors.',
  })
  delivery: WebhookDeliveryNode | null;
}

@ObjectType({ description: 'A public event (docs/api.md "Events"): the same body a webhook receives.' })
export class PublicEventNode {
  @Field(() => ID, { description: 'The event’s id (the `webhook-id` of its deliveries).' })
  id: string;

  @Field(() => String, { description: 'The catalogue type, e.g. notice.created.' })
  type: string;

  @Field(() => Int, { description: 'The payload’s version.' })
  version: number;

  @Field(() => DateTimeScalar, { description: 'When it happened.' })
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
