import { AccessAction, AccessArea } from '../../common/auth/access-table.js';
import { AccessType } from '../../common/auth/access-directive.js';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { type CountedConnection, countedConnectionType } from '../../common/graphql/list-connection.js';
import { DateTimeScalar } from '../../common/graphql/date-time.scalar.js';
import { UserError, UserErrorsPayload } from '../../common/graphql/user-error.type.js';
import { NodeInterface } from '../../common/graphql/node.type.js';
import { ApiTokenScope } from './api-tokens.service.js';

registerEnumType(ApiTokenScope, {
  name: 'ApiTokenScope',
  description: 'What an API token lets a system do.',
  valuesConfig: {
    READ: { description: 'Queries only: every mutation is FORBIDDEN (reason TOKEN_READ_ONLY).' },
    READ_WRITE: { description: 'Queries, and the mutations open to tokens (docs/api.md).' },
  },
});

@AccessType(AccessArea.ACCESS_MANAGEMENT, AccessAction.VIEW)
@ObjectType('ApiToken', {
  implements: NodeInterface,
  description:
    'A bearer token of a business for its systems (docs/api.md). The secret is shown once, at creation; only its hash is kept.',
})
export class ApiTokenNode {
  @Field(() => ID, { description: 'Stable id of the token.' })
  id: string;

  @Field(() => String, { description: 'The name the business gave it (e.g. the system that uses it).' })
  name: string;

  @Field(() => String, {
    description: 'The first characters of the secret (e.g. psl_AbCd1234), to tell tokens apart.',
  })
  prefix: string;

  @Field(() => ApiTokenScope, { description: 'READ or READ_WRITE.' })
  scope: ApiTokenScope;

  @Field(() => [ID], {
    description: 'The client groups the token is limited to; empty: every client of the business.',
  })
  clientGroupIds: string[];

  @Field(() => DateTimeScalar, { description: 'When it was created.' })
  createdAt: Date;

  @Field(() => DateTimeScalar, { description: 'When it stops working.' })
  expiresAt: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was revoked; null if it was not.' })
  revokedAt: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Its last use, to the minute (written at most once a minute); null if never used.',
  })
  lastUsedAt: Date | null;

  @Field(() => Boolean, { description: 'Neither revoked nor expired.' })
  active: boolean;

  createdBy: string;
}

export const ApiTokenConnection = countedConnectionType<ApiTokenNode>('ApiToken', ApiTokenNode, {
  edge: 'An API token in a list, with its cursor.',
  cursor: 'Pass as `after` to read the tokens after this one.',
  node: 'The token.',
  connection: 'A page of a business’s API tokens, newest first.',
  edges: 'The tokens of this page.',
});
export type ApiTokenConnection = CountedConnection<ApiTokenNode>;

@InputType({ description: 'A new API token for a business.' })
export class CreateApiTokenInput {
  @Field(() => ID, { description: 'The business, one the caller is the business account manager of.' })
  businessId: string;

  @Field(() => String, { description: 'A name to recognize it by, 1 to 100 characters.' })
  name: string;

  @Field(() => ApiTokenScope, { description: 'READ or READ_WRITE.' })
  scope: ApiTokenScope;

  @Field(() => Int, { description: 'Days until it expires, 1 to 365.' })
  expiresInDays: number;

  @Field(() => [ID], {
    nullable: true,
    description: 'Limit it to these client groups of the business (at most 20); none: every client.',
  })
  clientGroupIds?: string[] | null;
}

@ObjectType({ description: 'The result of createApiToken.' })
export class CreateApiTokenPayload extends UserErrorsPayload {
  @Field(() => ApiTokenNode, {
    nullable: true,
    description: 'The new token; null when userErrors is not empty.',
  })
  token: ApiTokenNode | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The secret to send as `Authorization: Bearer <secret>`. Shown this once: it cannot be read again.',
  })
  secret: string | null;
}

@ObjectType({ description: 'The result of revokeApiToken.' })
export class RevokeApiTokenPayload {
  @Field(() => ApiTokenNode, {
    nullable: true,
    description: 'The revoked token; null when userErrors is not empty.',
  })
  token: ApiTokenNode | null;

  @Field(() => [UserError], { description: 'What was wrong; empty on success.' })
  userErrors: UserError[];
}
