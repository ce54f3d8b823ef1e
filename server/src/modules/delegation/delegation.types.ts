import { AccessAction, AccessArea } from '../../common/auth/access-table.js';
import { AccessType } from '../../common/auth/access-directive.js';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { type ListConnection, listConnectionType } from '../../common/graphql/list-connection.js';
import { DateTimeScalar } from '../../common/graphql/date-time.scalar.js';
import { BusinessNode, ProgramAccountSummary } from '../businesses/businesses.types.js';
import { BusinessRelationshipNode, RelationshipType } from '../relationships/relationships.types.js';

@AccessType(AccessArea.BUSINESS_IDENTITY, AccessAction.VIEW)
@ObjectType('ClientAccess', {
  description:
    'A client a service provider’s caller can act for: the accepted relationship, its type and the program accounts in scope.',
})
export class ClientAccessNode {
  @Field(() => ID, { description: 'The id of the relationship that gives the access.' })
  id: string;

  @Field(() => BusinessNode, { description: 'The client; its fields are guarded by @access as anywhere.' })
  client: BusinessNode;

  @Field(() => BusinessRelationshipNode, { description: 'The accepted relationship.' })
  relationship: BusinessRelationshipNode;

  @Field(() => RelationshipType, {
    description: 'Business management (every account) or program management.',
  })
  type: RelationshipType;

  @Field(() => [ProgramAccountSummary], {
    description:
      'The program accounts in scope, by number: every account of the client under business management, the named ones under program management.',
  })
  programAccounts: ProgramAccountSummary[];

  @Field(() => DateTimeScalar, { description: 'When the client accepted the relationship.' })
  since: Date;

  clientBusinessId: string;
  relationshipType: RelationshipType;
}

export const ClientAccessConnection = listConnectionType<ClientAccessNode>('ClientAccess', ClientAccessNode, {
  items: 'clients',
  item: 'a client and the access',
  order: 'most recently accepted first',
});
export type ClientAccessConnection = ListConnection<ClientAccessNode>;

export enum DelegateKind {
  EMPLOYEE = 'EMPLOYEE',
  SERVICE_PROVIDER = 'SERVICE_PROVIDER',
}
registerEnumType(DelegateKind, {
  name: 'DelegateKind',
  description: 'Who holds a delegated access.',
  valuesConfig: {
    EMPLOYEE: { description: 'A person with an active role in the business.' },
    SERVICE_PROVIDER: { description: 'A service provider through an accepted business relationship.' },
  },
});

@AccessType(AccessArea.ACCESS_MANAGEMENT, AccessAction.VIEW)
@ObjectType('Delegation', {
  description:
    'One line of the delegation of authority report: who has which access to the business’s program accounts.',
})
export class DelegationNode {
  @Field(() => ID, { description: 'The membership or relationship id.' })
  id: string;

  @Field(() => DelegateKind, { description: 'An employee or a service provider.' })
  kind: DelegateKind;

  @Field(() => String, { description: 'The person’s name, or the provider’s business name.' })
  holderName: string;

  @Field(() => String, { nullable: true, description: 'The provider’s BN9; null for an employee.' })
  businessNumber: string | null;

  @Field(() => String, {
    description:
      'The role (BusinessRole: BUSINESS_ACCOUNT_MANAGER, PROGRAM_ACCOUNT_MANAGER, EDITOR, READER) or the relationship type (BUSINESS_MANAGEMENT, PROGRAM_MANAGEMENT).',
  })
  access: string;

  @Field(() => Boolean, { description: 'The access covers every program account, including later ones.' })
  allProgramAccounts: boolean;

  @Field(() => [ProgramAccountSummary], {
    description: 'The program accounts covered, by number (all of them when allProgramAccounts).',
  })
  programAccounts: ProgramAccountSummary[];

  @Field(() => DateTimeScalar, {
    description: 'Since when: the role was granted or the relationship accepted.',
  })
  since: Date;
}

export const DelegationConnection = listConnectionType<DelegationNode>('Delegation', DelegationNode, {
  items: 'lines of the delegation report',
  item: 'a line',
  order: 'most recent first',
});
export type DelegationConnection = ListConnection<DelegationNode>;
