import { AccessAction, AccessArea } from '../../common/auth/access-table.js';
import { AccessType } from '../../common/auth/access-directive.js';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../common/graphql/date-time.scalar.js';
import { UserError, UserErrorsPayload } from '../../common/graphql/user-error.type.js';
import { type ListConnection, listConnectionType } from '../../common/graphql/list-connection.js';
import { BusinessSummary, PersonSummary } from '../businesses/businesses.types.js';

/** A provider's group of clients; clients and assignees are resolved through loaders. */
@AccessType(AccessArea.ACCESS_MANAGEMENT, AccessAction.VIEW)
@ObjectType('ClientGroup', {
  description:
    'A named group of a service provider’s clients, to assign employees (or scope an API token) to many clients at once. Seen by the provider’s business account managers.',
})
export class ClientGroupNode {
  @Field(() => ID, { description: 'The client group’s id (opaque).' })
  id: string;

  @Field(() => String, {
    description:
      'The group’s name as the provider wrote it (at most 100 characters, unique for the provider ignoring case, spaces and accents).',
  })
  name: string;

  @Field(() => DateTimeScalar, { description: 'When the group was created.' })
  createdAt: Date;

  providerBusinessId: string;
}

/** A provider's employee assigned to one client or to a group. */
@AccessType(AccessArea.ACCESS_MANAGEMENT, AccessAction.VIEW)
@ObjectType('EmployeeAssignment', {
  description:
    'An employee of a service provider assigned to one client, or to a client group: the employee may then act for that client (or the group’s clients).',
})
export class EmployeeAssignmentNode {
  @Field(() => ID, { description: 'The employee assignment’s id (opaque).' })
  id: string;

  @Field(() => DateTimeScalar, { description: 'When the assignment was made.' })
  createdAt: Date;

  userId: string;
  clientBusinessId: string | null;
  clientGroupId: string | null;
}

@InputType({ description: 'A new, empty client group for a service provider.' })
export class CreateClientGroupInput {
  @Field(() => ID, { description: 'The service provider business’s id.' })
  providerBusinessId: string;

  @Field(() => String, {
    description: 'Max 100; unique for the provider, deleted groups included, ignoring case and accents.',
  })
  name: string;
}

@InputType({ description: 'A new name for a client group.' })
export class RenameClientGroupInput {
  @Field(() => ID, { description: 'The client group’s id.' })
  groupId: string;

  @Field(() => String, {
    description:
      'At most 100 characters; unique for the provider, deleted groups included, ignoring case and accents.',
  })
  name: string;
}

@InputType({
  description: 'A business account manager assigns one of the provider’s employees directly to one client.',
})
export class AssignEmployeeToClientInput {
  @Field(() => ID, { description: 'The service provider business’s id.' })
  providerBusinessId: string;

  @Field(() => ID, { description: 'An active employee of the provider.' })
  userId: string;

  @Field(() => ID, { description: 'A client with an ACCEPTED relationship with the provider.' })
  clientBusinessId: string;
}

@InputType({
  description: 'Ends an employee’s direct assignment to a client (assignments through groups stay).',
})
export class UnassignEmployeeFromClientInput {
  @Field(() => ID, { description: 'The service provider business’s id.' })
  providerBusinessId: string;

  @Field(() => ID, { description: 'The employee’s user id.' })
  userId: string;

  @Field(() => ID, { description: 'The client business’s id.' })
  clientBusinessId: string;
}

@InputType({
  description:
    'A business account manager assigns one of the provider’s employees to a client group (every client in it).',
})
export class AssignEmployeeToGroupInput {
  @Field(() => ID, { description: 'The client group’s id.' })
  groupId: string;

  @Field(() => ID, { description: 'The employee’s user id.' })
  userId: string;
}

@InputType({ description: 'Ends an employee’s assignment to a client group.' })
export class UnassignEmployeeFromGroupInput {
  @Field(() => ID, { description: 'The client group’s id.' })
  groupId: string;

  @Field(() => ID, { description: 'The employee’s user id.' })
  userId: string;
}

@ObjectType({ description: 'The client group, or the problems with the input.' })
export class ClientGroupPayload extends UserErrorsPayload {
  @Field(() => ClientGroupNode, {
    nullable: true,
    description: 'The client group; null when the input had problems.',
  })
  group: ClientGroupNode | null;
}

@AccessType(AccessArea.ACCESS_MANAGEMENT, AccessAction.VIEW)
@ObjectType({ description: 'The answer for one client of a bulk change.' })
export class ClientGroupClientResult extends UserErrorsPayload {
  @Field(() => ID, { description: 'The client business’s id.' })
  clientBusinessId: string;

  @Field(() => Boolean, {
    description: 'Whether this client was added (or removed); false with userErrors saying why.',
  })
  done: boolean;
}

@ObjectType({ description: 'The client group, or the problems with the input.' })
export class ClientGroupClientsPayload {
  @Field(() => ClientGroupNode, {
    nullable: true,
    description: 'The client group; null when the input had problems.',
  })
  group: ClientGroupNode | null;

  @Field(() => [ClientGroupClientResult], { description: 'One per client id, in input order.' })
  results: ClientGroupClientResult[];

  @Field(() => [UserError], { description: 'Problems with the request as a whole; then results is empty.' })
  userErrors: UserError[];
}

@ObjectType({ description: 'The employee assignment, or the problems with the input.' })
export class EmployeeAssignmentPayload extends UserErrorsPayload {
  @Field(() => EmployeeAssignmentNode, {
    nullable: true,
    description: 'The employee assignment; null when the input had problems.',
  })
  assignment: EmployeeAssignmentNode | null;
}

// ---- Connections over the older lists (docs/decisions/0017-connections-for-every-list.md) ------------------

export const ClientGroupConnection = listConnectionType<ClientGroupNode>('ClientGroup', ClientGroupNode, {
  items: 'client groups',
  item: 'a client group',
  order: 'by name',
});
export type ClientGroupConnection = ListConnection<ClientGroupNode>;

export const EmployeeAssignmentConnection = listConnectionType<EmployeeAssignmentNode>(
  'EmployeeAssignment',
  EmployeeAssignmentNode,
  { items: 'employee assignments', item: 'an employee assignment', order: 'oldest first' },
);
export type EmployeeAssignmentConnection = ListConnection<EmployeeAssignmentNode>;

export const ClientGroupClientConnection = listConnectionType<BusinessSummary>(
  'ClientGroupClient',
  BusinessSummary,
  { items: 'clients of the group', item: 'a client of the group', order: 'by name' },
);
export type ClientGroupClientConnection = ListConnection<BusinessSummary>;

export const ClientGroupAssigneeConnection = listConnectionType<PersonSummary>(
  'ClientGroupAssignee',
  PersonSummary,
  {
    items: 'employees assigned to the group',
    item: 'an employee assigned to the group',
    order: 'in assignment order',
  },
);
export type ClientGroupAssigneeConnection = ListConnection<PersonSummary>;
