import { AccessAction, AccessArea } from '../../common/auth/access-table.js';
import { AccessType } from '../../common/auth/access-directive.js';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../../common/graphql/date-time.scalar.js';
import { UserError, UserErrorsPayload } from '../../common/graphql/user-error.type.js';
import { NodeInterface } from '../../common/graphql/node.type.js';
import {
  type CountedConnection,
  countedConnectionType,
  type ListConnection,
  listConnectionType,
} from '../../common/graphql/list-connection.js';

export enum RelationshipType {
  BUSINESS_MANAGEMENT = 'BUSINESS_MANAGEMENT',
  PROGRAM_MANAGEMENT = 'PROGRAM_MANAGEMENT',
}
export enum RelationshipStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
  CANCELLED = 'CANCELLED',
  EXPIRED = 'EXPIRED',
  ENDED = 'ENDED',
}
export enum RelationshipEventType {
  REQUESTED = 'REQUESTED',
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
  CANCELLED = 'CANCELLED',
  EXPIRED = 'EXPIRED',
  ENDED = 'ENDED',
}

registerEnumType(RelationshipType, {
  name: 'RelationshipType',
  description: 'Which of the client’s program accounts a relationship covers.',
  valuesConfig: {
    BUSINESS_MANAGEMENT: {
      description: 'Every program account of the client, including accounts added later.',
    },
    PROGRAM_MANAGEMENT: { description: 'Only the program accounts named in the relationship.' },
  },
});
registerEnumType(RelationshipStatus, {
  name: 'RelationshipStatus',
  description: 'Where a business relationship (or its request) stands.',
  valuesConfig: {
    PENDING: { description: 'Waiting for the client’s answer.' },
    ACCEPTED: { description: 'Active: the provider acts for the client.' },
    REJECTED: { description: 'The client said no.' },
    CANCELLED: { description: 'The provider withdrew the request before an answer.' },
    EXPIRED: { description: 'Not answered in time (RELATIONSHIP_EXPIRY_DAYS).' },
    ENDED: { description: 'Either side’s Business Account Manager ended the active relationship.' },
  },
});
registerEnumType(RelationshipEventType, {
  name: 'RelationshipEventType',
  description: 'What happened to a business relationship at one step of its timeline.',
  valuesConfig: {
    REQUESTED: { description: 'The provider asked for the relationship.' },
    ACCEPTED: { description: 'The client accepted it.' },
    REJECTED: { description: 'The client rejected it.' },
    CANCELLED: { description: 'The provider withdrew the request before an answer.' },
    EXPIRED: { description: 'The request was not answered in time.' },
    ENDED: { description: 'Either side ended the active relationship.' },
  },
});

@AccessType(AccessArea.RELATIONSHIP_MANAGEMENT, AccessAction.VIEW)
@ObjectType('RelationshipEvent', { description: 'One step of a relationship’s timeline.' })
export class RelationshipEventNode {
  @Field(() => ID, { description: 'The relationship event’s id (opaque).' })
  id: string;

  @Field(() => RelationshipEventType, {
    description: 'What happened: REQUESTED, ACCEPTED, REJECTED, CANCELLED, EXPIRED or ENDED.',
  })
  type: RelationshipEventType;

  @Field(() => DateTimeScalar, { description: 'When it happened.' })
  occurredAt: Date;

  @Field(() => String, {
    nullable: true,
    description: 'ACCEPTED: the type; REJECTED: the reason.',
  })
  detail: string | null;

  actorId: string | null;
}

export const RelationshipEventConnection = listConnectionType<RelationshipEventNode>(
  'RelationshipEvent',
  RelationshipEventNode,
  { items: 'timeline events', item: 'a timeline event', order: 'oldest first' },
);
export type RelationshipEventConnection = ListConnection<RelationshipEventNode>;

/** A relationship; provider, client, programAccounts and timeline are resolved through loaders. */
@AccessType(AccessArea.RELATIONSHIP_MANAGEMENT, AccessAction.VIEW)
@ObjectType('BusinessRelationship', {
  implements: NodeInterface,
  description:
    'A business relationship (seed 003 §2): a service provider (customs broker, trade consultant) asks a client business to act for it; once ACCEPTED, the provider’s people may act for the client within the relationship’s type. Seen by both sides’ managers (docs/relationships.md).',
})
export class BusinessRelationshipNode {
  @Field(() => ID, { description: 'The business relationship’s id (opaque).' })
  id: string;

  @Field(() => RelationshipType, { nullable: true, description: 'Chosen by the client on acceptance.' })
  type: RelationshipType | null;

  @Field(() => RelationshipStatus, {
    description:
      'Where the relationship stands: PENDING until the client answers or it expires, then ACCEPTED, REJECTED, CANCELLED or EXPIRED; ENDED when either side ends an accepted one.',
  })
  status: RelationshipStatus;

  @Field(() => String, { nullable: true, description: 'The provider’s message with the request.' })
  message: string | null;

  @Field(() => DateTimeScalar, { description: 'When the provider sent the request.' })
  requestedAt: Date;

  @Field(() => DateTimeScalar, { description: 'When a request not answered expires.' })
  expiresAt: Date;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'When the client accepted or rejected it; null while PENDING or when it was cancelled or expired.',
  })
  decidedAt: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'On rejection: the client’s reason (at most 500 characters). Null otherwise.',
  })
  decisionReason: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When an accepted relationship was ended; null while it lasts.',
  })
  endedAt: Date | null;

  providerBusinessId: string;
  clientBusinessId: string;
}

export const BusinessRelationshipConnection = countedConnectionType<BusinessRelationshipNode>(
  'BusinessRelationship',
  BusinessRelationshipNode,
  {
    edge: 'A relationship request in a list, with its cursor.',
    cursor: 'Pass as `after` to read the relationship requests after this one.',
    node: 'The relationship request.',
    connection: 'Newest request first.',
    edges: 'The relationship requests of this page.',
  },
);
export type BusinessRelationshipConnection = CountedConnection<BusinessRelationshipNode>;

// ---- Inputs -----------------------------------------------------------------------------------------------

@InputType({ description: 'A service provider asks one client business for a relationship.' })
export class RequestRelationshipInput {
  @Field(() => ID, { description: 'The service provider, a business the viewer is the BAM of.' })
  providerBusinessId: string;

  @Field(() => String, { description: 'BN9 of the client, a business registered on the portal.' })
  clientBusinessNumber: string;

  @Field(() => String, { nullable: true, description: 'Optional, max 500.' })
  message?: string | null;
}

@InputType({
  description:
    'A service provider asks several client businesses at once; each business number is answered on its own.',
})
export class RequestRelationshipsInput {
  @Field(() => ID, { description: 'The service provider business’s id.' })
  providerBusinessId: string;

  @Field(() => [String], { description: '1 to 50 BN9s; each is answered on its own.' })
  clientBusinessNumbers: string[];

  @Field(() => String, { nullable: true, description: 'Optional, max 500; sent with every request.' })
  message?: string | null;
}

@InputType({ description: 'The client’s answer to a relationship request.' })
export class DecideRelationshipInput {
  @Field(() => ID, { description: 'The relationship’s id.' })
  relationshipId: string;

  @Field(() => Boolean, { description: 'true to accept (with `type`), false to reject (with `reason`).' })
  approve: boolean;

  @Field(() => RelationshipType, { nullable: true, description: 'Required on approval.' })
  type?: RelationshipType | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'PROGRAM_MANAGEMENT: the client’s program accounts covered (at least one).',
  })
  programAccountIds?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Required on rejection, max 500.' })
  reason?: string | null;
}

// ---- Payloads ---------------------------------------------------------------------------------------------

@ObjectType({ description: 'The relationship, or the problems with the input.' })
export class RelationshipPayload extends UserErrorsPayload {
  @Field(() => BusinessRelationshipNode, {
    nullable: true,
    description: 'The relationship; null when the input had problems.',
  })
  relationship: BusinessRelationshipNode | null;
}

@AccessType(AccessArea.RELATIONSHIP_MANAGEMENT, AccessAction.VIEW)
@ObjectType({ description: 'The answer for one business number of a bulk request.' })
export class RelationshipRequestResult extends UserErrorsPayload {
  @Field(() => String, { description: 'The BN9 this answer is for, as sent.' })
  businessNumber: string;

  @Field(() => BusinessRelationshipNode, {
    nullable: true,
    description: 'The request made; null when this business number had problems (see userErrors).',
  })
  relationship: BusinessRelationshipNode | null;
}

@ObjectType({
  description: 'The answer for each business number, or the problems with the request as a whole.',
})
export class RequestRelationshipsPayload {
  @Field(() => [RelationshipRequestResult], { description: 'One per business number, in input order.' })
  results: RelationshipRequestResult[];

  @Field(() => [UserError], {
    description:
      'Problems with the request as a whole (provider, list size, message); then results is empty.',
  })
  userErrors: UserError[];
}
