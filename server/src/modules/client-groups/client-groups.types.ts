import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../common/graphql/date-time.scalar.js';
import { UserError } from '../../common/graphql/user-error.type.js';
import { type ListConnection, listConnectionType } from '../../common/graphql/list-connection.js';
import { BusinessSummary, PersonSummary } from '../businesses/businesses.types.js';

/** A provider's group of clients; clients and assignees are resolved through loaders. */
@ObjectType('ClientGroup')
export class ClientGroupNode {
  @Field(() => ID, { description: 'The client group’s id (opaque).' })
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  providerBusinessId: string;
}

/** A provider's employee assigned to one client or to a group. */
@ObjectType('EmployeeAssignment')
export class EmployeeAssignmentNode {
  @Field(() => ID, { description: 'The employee assignment’s id (opaque).' })
  id: string;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  userId: string;
  clientBusinessId: string | null;
  clientGroupId: string | null;
}

@InputType()
export class CreateClientGroupInput {
  @Field(() => ID, { description: 'The service provider business’s id.' })
  providerBusinessId: string;

  @Field(() => String, {
    description: 'Max 100; unique for the provider, deleted groups included, ignoring case and accents.',
  })
  name: string;
}

@InputType()
export class RenameClientGroupInput {
  @Field(() => ID, { description: 'The client group’s id.' })
  groupId: string;

  @Field(() => String)
  name: string;
}

@InputType()
export class AssignEmployeeToClientInput {
  @Field(() => ID, { description: 'The service provider business’s id.' })
  providerBusinessId: string;

  @Field(() => ID, { description: 'An active employee of the provider.' })
  userId: string;

  @Field(() => ID, { description: 'A client with an ACCEPTED relationship with the provider.' })
  clientBusinessId: string;
}

@InputType()
export class UnassignEmployeeFromClientInput {
  @Field(() => ID, { description: 'The service provider business’s id.' })
  providerBusinessId: string;

  @Field(() => ID, { description: 'The employee’s user id.' })
  userId: string;

  @Field(() => ID, { description: 'The client business’s id.' })
  clientBusinessId: string;
}

@InputType()
export class AssignEmployeeToGroupInput {
  @Field(() => ID, { description: 'The client group’s id.' })
  groupId: string;

  @Field(() => ID, { description: 'The employee’s user id.' })
  userId: string;
}

@InputType()
export class UnassignEmployeeFromGroupInput {
  @Field(() => ID, { description: 'The client group’s id.' })
  groupId: string;

  @Field(() => ID, { description: 'The employee’s user id.' })
  userId: string;
}

@ObjectType({ description: 'The client group, or the problems with the input.' })
export class ClientGroupPayload {
  @Field(() => ClientGroupNode, {
    nullable: true,
    description: 'The client group; null when the input had problems.',
  })
  group: ClientGroupNode | null;

  @Field(() => [UserError], { description: 'What was wrong with the input; empty on success.' })
  userErrors: UserError[];
}

@ObjectType({ description: 'The answer for one client of a bulk change.' })
export class ClientGroupClientResult {
  @Field(() => ID, { description: 'The client business’s id.' })
  clientBusinessId: string;

  @Field(() => Boolean)
  done: boolean;

  @Field(() => [UserError], { description: 'What was wrong with the input; empty on success.' })
  userErrors: UserError[];
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
export class EmployeeAssignmentPayload {
  @Field(() => EmployeeAssignmentNode, {
    nullable: true,
    description: 'The employee assignment; null when the input had problems.',
  })
  assignment: EmployeeAssignmentNode | null;

  @Field(() => [UserError], { description: 'What was wrong with the input; empty on success.' })
  userErrors: UserError[];
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
