import { AccessAction, AccessArea } from '../../common/auth/access-table.js';
import { AccessType } from '../../common/auth/access-directive.js';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../../common/graphql/connection.js';
import { DateTimeScalar } from '../../common/graphql/date-time.scalar.js';
import { UserErrorsPayload } from '../../common/graphql/user-error.type.js';
import { ProgramAccountSummary } from '../businesses/businesses.types.js';

export enum RulingType {
  TARIFF_CLASSIFICATION = 'TARIFF_CLASSIFICATION',
  ORIGIN = 'ORIGIN',
  VALUATION = 'VALUATION',
}

export enum RulingStatus {
  SUBMITTED = 'SUBMITTED',
  UNDER_REVIEW = 'UNDER_REVIEW',
  INFORMATION_REQUESTED = 'INFORMATION_REQUESTED',
  ISSUED = 'ISSUED',
  CLOSED = 'CLOSED',
}

registerEnumType(RulingType, {
  name: 'RulingType',
  description: 'What a ruling request asks the agency to rule on.',
  valuesConfig: {
    TARIFF_CLASSIFICATION: { description: 'Advance ruling on the tariff classification of goods.' },
    ORIGIN: { description: 'Advance ruling on the origin of goods (trade agreements).' },
    VALUATION: { description: 'National customs ruling on the value for duty.' },
  },
});
registerEnumType(RulingStatus, {
  name: 'RulingStatus',
  description: 'Where a ruling request stands.',
  valuesConfig: {
    SUBMITTED: { description: 'Received; not yet assigned to an officer.' },
    UNDER_REVIEW: { description: 'An officer is studying the request.' },
    INFORMATION_REQUESTED: { description: 'The agency needs more information or documents.' },
    ISSUED: { description: 'The ruling was issued.' },
    CLOSED: { description: 'Closed without a ruling (withdrawn or incomplete).' },
  },
});

@AccessType(AccessArea.REQUESTS_AND_TRANSACTIONS, AccessAction.VIEW)
@ObjectType('Ruling', {
  description:
    'A ruling request of a program account. Reached only through guarded fields (REQUESTS_AND_TRANSACTIONS VIEW).',
})
export class RulingNode {
  @Field(() => ID, { description: 'The ruling request’s id (opaque).' })
  id: string;

  @Field(() => String, { description: 'The case number (10 digits) documents attach to.' })
  caseNumber: string;

  @Field(() => RulingType, {
    description: 'What is asked: a TARIFF_CLASSIFICATION, ORIGIN or VALUATION ruling.',
  })
  type: RulingType;

  @Field(() => RulingStatus, {
    description:
      'Where the request stands at the agency: SUBMITTED, UNDER_REVIEW, INFORMATION_REQUESTED, ISSUED or CLOSED.',
  })
  status: RulingStatus;

  @Field(() => String, {
    description: 'The goods the ruling is about, as the requester described them (at most 2000 characters).',
  })
  goodsDescription: string;

  @Field(() => String, { nullable: true, description: 'The proposed classification, 0000.00.00.00.' })
  tariffClassification: string | null;

  @Field(() => String, {
    description: 'What the agency is asked to rule on, as written (at most 2000 characters).',
  })
  questions: string;

  @Field(() => DateTimeScalar, { description: 'When the request was submitted.' })
  requestedAt: Date;

  @Field(() => DateTimeScalar, { description: 'When the request last changed (e.g. its status).' })
  updatedAt: Date;

  @Field(() => ProgramAccountSummary, { description: 'The program account the request is made for.' })
  programAccount: ProgramAccountSummary;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the agency issued the ruling or closed the request; null while it is open.',
  })
  decidedAt: Date | null;

  businessId: string;
  programAccountId: string;
  requestedBy: string;
  /** The agency's last word in each language ('' for none); `agencyNote` gives the caller's. */
  agencyNoteEn: string;
  agencyNoteFr: string;
}

@ObjectType('RulingEdge', { description: 'A ruling in a list, with its cursor.' })
export class RulingEdge {
  @Field(() => String, { description: 'Pass as `after` to read the rulings after this one.' })
  cursor: string;

  @Field(() => RulingNode, { description: 'The ruling.' })
  node: RulingNode;
}

@ObjectType('RulingConnection', { description: 'A page of rulings, newest first.' })
export class RulingConnection {
  @Field(() => [RulingEdge], { description: 'The rulings of this page.' })
  edges: RulingEdge[];

  @Field(() => PageInfo, { description: 'Where this page ends.' })
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'Every ruling of the list, not only this page.' })
  totalCount: number;
}

@InputType({
  description:
    'A new ruling request for a program account; documents are uploaded afterwards to its case number.',
})
export class RequestRulingInput {
  @Field(() => ID, { description: 'The program account’s id.' })
  programAccountId: string;

  @Field(() => RulingType, { description: 'TARIFF_CLASSIFICATION, ORIGIN or VALUATION.' })
  type: RulingType;

  @Field(() => String, { description: 'At most 2000 characters.' })
  goodsDescription: string;

  @Field(() => String, {
    nullable: true,
    description: 'The classification proposed, 0000.00.00.00 (optional).',
  })
  tariffClassification?: string | null;

  @Field(() => String, { description: 'What the agency is asked to rule on; at most 2000 characters.' })
  questions: string;
}

@ObjectType({ description: 'The ruling, or the problems with the input.' })
export class RequestRulingPayload extends UserErrorsPayload {
  @Field(() => RulingNode, { nullable: true, description: 'The ruling; null when the input had problems.' })
  ruling: RulingNode | null;
}

@InputType({
  description:
    'An officer’s decision on a ruling request: the status it moves to, and the text in both languages (each at most 2000 characters; required except for UNDER_REVIEW).',
})
export class DecideRulingInput {
  @Field(() => ID, { description: 'The ruling request’s id.' })
  rulingId: string;

  @Field(() => RulingStatus, {
    description:
      'UNDER_REVIEW (take it, or resume after an answer), INFORMATION_REQUESTED (the question), ISSUED (the ruling given) or CLOSED (the reason).',
  })
  status: RulingStatus;

  @Field(() => String, { nullable: true, description: 'In English.' })
  textEn?: string | null;

  @Field(() => String, { nullable: true, description: 'In French.' })
  textFr?: string | null;
}
