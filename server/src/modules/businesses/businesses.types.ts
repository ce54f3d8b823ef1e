import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { NodeInterface } from '../../common/graphql/node.type.js';
import { Access } from '../../common/auth/access-directive.js';
import { AccessAction, AccessArea } from '../../common/auth/access-table.js';
import { DateTimeScalar } from '../../common/graphql/date-time.scalar.js';
import { UserError } from '../../common/graphql/user-error.type.js';
import { type ListConnection, listConnectionType } from '../../common/graphql/list-connection.js';

export enum BusinessRole {
  BUSINESS_ACCOUNT_MANAGER = 'BUSINESS_ACCOUNT_MANAGER',
  PROGRAM_ACCOUNT_MANAGER = 'PROGRAM_ACCOUNT_MANAGER',
  EDITOR = 'EDITOR',
  READER = 'READER',
}
export enum MembershipStatus {
  ACTIVE = 'ACTIVE',
  REVOKED = 'REVOKED',
}
export enum AccessRequestStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  CANCELLED = 'CANCELLED',
}
export enum RegistrationStep {
  IDENTIFY = 'IDENTIFY',
  VALIDATE_BUSINESS = 'VALIDATE_BUSINESS',
  COMPLETED = 'COMPLETED',
}
export enum RegistrationQuestionKind {
  TRANSACTION_TOTAL = 'TRANSACTION_TOTAL',
  LATEST_PAYMENT = 'LATEST_PAYMENT',
  STATEMENT_BALANCE = 'STATEMENT_BALANCE',
}

registerEnumType(BusinessRole, {
  name: 'BusinessRole',
  description: 'A member’s role in a business, which decides what they may do.',
  valuesConfig: {
    BUSINESS_ACCOUNT_MANAGER: { description: 'Everything for the business (BAM).' },
    PROGRAM_ACCOUNT_MANAGER: { description: 'Its program accounts, including approving access to them.' },
    EDITOR: { description: 'View and edit within scope.' },
    READER: { description: 'View only within scope.' },
  },
});
registerEnumType(MembershipStatus, {
  name: 'MembershipStatus',
  description: 'Whether a person’s membership of a business still gives access.',
  valuesConfig: {
    ACTIVE: { description: 'The membership gives access.' },
    REVOKED: { description: 'The membership was revoked and gives no access.' },
  },
});
registerEnumType(AccessRequestStatus, {
  name: 'AccessRequestStatus',
  description: 'Where a request for access to a business stands.',
  valuesConfig: {
    PENDING: { description: 'Waiting for a decision.' },
    APPROVED: { description: 'Approved: the requester became a member.' },
    REJECTED: { description: 'Rejected.' },
    CANCELLED: { description: 'The requester withdrew it.' },
  },
});
registerEnumType(RegistrationStep, {
  name: 'RegistrationStep',
  description: 'The last step of a business registration completed.',
  valuesConfig: {
    IDENTIFY: { description: 'Step 1 done: BN, RM reference and attestation accepted.' },
    VALIDATE_BUSINESS: { description: 'Step 2 done: legal name and address matched.' },
    COMPLETED: { description: 'Step 3 done: questions answered, business registered.' },
  },
});
registerEnumType(RegistrationQuestionKind, {
  name: 'RegistrationQuestionKind',
  description: 'A question about the account’s financial records asked to register a business.',
  valuesConfig: {
    TRANSACTION_TOTAL: { description: 'The total of the transaction named by `transactionNumber`.' },
    LATEST_PAYMENT: { description: 'The amount of the latest payment.' },
    STATEMENT_BALANCE: { description: 'The balance of the latest statement of account.' },
  },
});

// ---- Summaries -------------------------------------------------------------------------------------------

@ObjectType()
export class PersonSummary {
  @Field(() => ID, { description: 'The person’s user id (opaque).' })
  id: string;

  @Field(() => String, { description: 'First and last name from the personal profile.' })
  name: string;

  @Field(() => String, { nullable: true })
  email: string | null;
}

@ObjectType()
export class BusinessSummary {
  @Field(() => ID, { description: 'The business’s id (opaque).' })
  id: string;

  @Field(() => String)
  businessNumber: string;

  @Field(() => String)
  name: string;
}

@ObjectType()
export class ProgramAccountSummary {
  @Field(() => ID, { description: 'The program account’s id (opaque).' })
  id: string;

  @Field(() => String)
  accountNumber: string;

  @Field(() => String)
  name: string;
}

// ---- Registry-backed profiles ----------------------------------------------------------------------------

@ObjectType()
export class Address {
  @Field(() => String)
  addressType: string;

  @Field(() => String)
  line1: string;

  @Field(() => String, { nullable: true })
  line2: string | null;

  @Field(() => String, { nullable: true })
  poBoxOrRuralRoute: string | null;

  @Field(() => String, { nullable: true })
  city: string | null;

  @Field(() => String, { nullable: true })
  provinceOrState: string | null;

  @Field(() => String, { nullable: true })
  postalCode: string | null;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2.' })
  country: string;
}

@ObjectType()
export class Contact {
  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true })
  title: string | null;

  @Field(() => String, { nullable: true })
  phone: string | null;

  @Field(() => String, { nullable: true })
  email: string | null;
}

@ObjectType()
export class Owner {
  @Field(() => String)
  name: string;

  @Field(() => String)
  role: string;
}

@ObjectType()
export class SubProgram {
  @Field(() => String)
  code: string;

  @Field(() => String)
  name: string;
}

@ObjectType()
export class ProgramAccount {
  @Field(() => ID, { description: 'The program account’s id (opaque).' })
  id: string;

  @Access(AccessArea.PROGRAM_PROFILE, AccessAction.VIEW)
  @Field(() => String, { nullable: true, description: 'e.g. 123456789RM0001' })
  accountNumber: string;

  @Access(AccessArea.PROGRAM_PROFILE, AccessAction.VIEW)
  @Field(() => String, { nullable: true })
  programCode: string;

  @Access(AccessArea.PROGRAM_PROFILE, AccessAction.VIEW)
  @Field(() => String, { nullable: true })
  programType: string;

  @Access(AccessArea.PROGRAM_PROFILE, AccessAction.VIEW)
  @Field(() => String, { nullable: true })
  name: string;

  @Access(AccessArea.PROGRAM_PROFILE, AccessAction.VIEW)
  @Field(() => String, { nullable: true })
  billingType: string;

  @Access(AccessArea.PROGRAM_PROFILE, AccessAction.VIEW)
  @Field(() => String, { nullable: true })
  status: string;

  @Access(AccessArea.PROGRAM_PROFILE, AccessAction.VIEW)
  @Field(() => [Address], { nullable: true })
  addresses: Address[];

  @Access(AccessArea.PROGRAM_PROFILE, AccessAction.VIEW)
  @Field(() => [Contact], { nullable: true })
  contacts: Contact[];

  @Access(AccessArea.PROGRAM_PROFILE, AccessAction.VIEW)
  @Field(() => [Owner], { nullable: true })
  owners: Owner[];

  @Access(AccessArea.PROGRAM_PROFILE, AccessAction.VIEW)
  @Field(() => [SubProgram], { nullable: true })
  subPrograms: SubProgram[];

  @Field(() => Boolean, {
    description: 'Whether the viewer may edit this account’s profile (role and scope).',
  })
  viewerCanEdit: boolean;
}

@ObjectType()
export class BusinessProfile {
  @Access(AccessArea.BUSINESS_PROFILE, AccessAction.VIEW)
  @Field(() => String, { nullable: true })
  legalName: string;

  @Access(AccessArea.BUSINESS_PROFILE, AccessAction.VIEW)
  @Field(() => String, { nullable: true })
  operatingName: string | null;

  @Access(AccessArea.BUSINESS_PROFILE, AccessAction.VIEW)
  @Field(() => String, { nullable: true })
  businessType: string;

  @Access(AccessArea.BUSINESS_PROFILE, AccessAction.VIEW)
  @Field(() => Boolean, { nullable: true })
  soleProprietor: boolean;

  @Access(AccessArea.BUSINESS_PROFILE, AccessAction.VIEW)
  @Field(() => Boolean, { nullable: true })
  serviceProvider: boolean;

  @Access(AccessArea.BUSINESS_PROFILE, AccessAction.VIEW)
  @Field(() => String, { nullable: true })
  serviceProviderKind: string | null;

  @Access(AccessArea.BUSINESS_PROFILE, AccessAction.VIEW)
  @Field(() => [Address], { nullable: true })
  addresses: Address[];

  @Access(AccessArea.BUSINESS_PROFILE, AccessAction.VIEW)
  @Field(() => String, {
    nullable: true,
    description: 'Portal-side settings the business keeps up to date itself.',
  })
  businessActivity: string | null;

  @Access(AccessArea.BUSINESS_PROFILE, AccessAction.VIEW)
  @Field(() => [Contact], { nullable: true })
  contacts: Contact[];
}

// ---- Portal objects (roots of field resolvers) -----------------------------------------------------------

/** A portal-registered business. Relation fields are resolved by BusinessFieldsResolver through loaders. */
@ObjectType('Business', { implements: NodeInterface })
export class BusinessNode {
  @Field(() => ID, { description: 'The business’s id (opaque).' })
  id: string;

  @Access(AccessArea.BUSINESS_IDENTITY, AccessAction.VIEW)
  @Field(() => String, { nullable: true, description: 'BN9.' })
  businessNumber: string;

  @Access(AccessArea.BUSINESS_IDENTITY, AccessAction.VIEW)
  @Field(() => String, { nullable: true, description: 'Operating name, else legal name.' })
  name: string;

  @Access(AccessArea.BUSINESS_IDENTITY, AccessAction.VIEW)
  @Field(() => DateTimeScalar, { nullable: true })
  registeredAt: Date;

  registryBusinessId: string;
}

@ObjectType('Membership')
export class MembershipNode {
  @Field(() => ID, { description: 'The membership’s id (opaque).' })
  id: string;

  @Field(() => BusinessRole)
  role: BusinessRole;

  @Field(() => MembershipStatus)
  status: MembershipStatus;

  @Field(() => DateTimeScalar)
  grantedAt: Date;

  businessId: string;
  userId: string;
}

@ObjectType('AccessRequest')
export class AccessRequestNode {
  @Field(() => ID, { description: 'The access request’s id (opaque).' })
  id: string;

  @Field(() => String)
  reason: string;

  @Field(() => AccessRequestStatus)
  status: AccessRequestStatus;

  @Field(() => DateTimeScalar)
  requestedAt: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  decidedAt: Date | null;

  @Field(() => String, { nullable: true })
  decisionReason: string | null;

  @Field(() => BusinessRole, {
    nullable: true,
    description: 'On approval: the role granted.',
  })
  grantedRole: BusinessRole | null;

  businessId: string;
  requesterId: string;
  decidedBy: string | null;
}

@ObjectType()
export class RegistrationQuestion {
  @Field(() => RegistrationQuestionKind)
  kind: RegistrationQuestionKind;

  @Field(() => String, {
    nullable: true,
    description: 'For TRANSACTION_TOTAL: the transaction number shown (one of the 5 most recent).',
  })
  transactionNumber: string | null;
}

@ObjectType('BusinessRegistration')
export class BusinessRegistrationNode {
  @Field(() => ID, { description: 'The business registration’s id (opaque).' })
  id: string;

  @Field(() => String)
  businessNumber: string;

  @Field(() => String, { description: 'RM0001' })
  programAccountReference: string;

  @Field(() => String, { description: '"I, <name>, attest …" in the caller’s language.' })
  attestationName: string;

  @Field(() => RegistrationStep)
  step: RegistrationStep;

  @Field(() => [RegistrationQuestion], {
    description: '2 or 3 questions depending on the account’s billing type (monthly statement: 3).',
  })
  questions: RegistrationQuestion[];

  @Field(() => Int, {
    description:
      'How many failed attempts remain before registration of this business locks (10 in all, steps 2 and 3).',
  })
  attemptsRemaining: number;

  @Field(() => BusinessNode, { nullable: true, description: 'Once COMPLETED.' })
  business: BusinessNode | null;
}

// ---- Inputs -----------------------------------------------------------------------------------------------

@InputType()
export class StartBusinessRegistrationInput {
  @Field(() => String, { description: '9 digits.' })
  businessNumber: string;

  @Field(() => String, { description: 'RM + 4 digits.' })
  programAccountReference: string;

  @Field(() => Boolean, { description: 'Must be true.' })
  attest: boolean;
}

@InputType()
export class RegistrationAddressInput {
  @Field(() => String)
  line1: string;

  @Field(() => String, { nullable: true })
  line2?: string | null;

  @Field(() => String, { nullable: true })
  poBoxOrRuralRoute?: string | null;

  @Field(() => String)
  country: string;
}

@InputType()
export class ValidateBusinessInput {
  @Field(() => ID, { description: 'The registration’s id, from startBusinessRegistration.' })
  registrationId: string;

  @Field(() => String, { description: 'Max 175.' })
  legalName: string;

  @Field(() => RegistrationAddressInput)
  address: RegistrationAddressInput;
}

@InputType()
export class AnswerRegistrationQuestionsInput {
  @Field(() => ID, { description: 'The registration’s id, from startBusinessRegistration.' })
  registrationId: string;

  @Field(() => String, {
    description:
      "Amounts: digits and at most one decimal point (e.g. 1234.56); '$' or ',' is a FORMAT error, not a wrong answer.",
  })
  transactionTotal: string;

  @Field(() => String)
  latestPayment: string;

  @Field(() => String, { nullable: true, description: 'Required when 3 questions.' })
  statementBalance?: string | null;
}

// ---- Payloads ---------------------------------------------------------------------------------------------

@ObjectType({ description: 'The registration in progress, or the problems with the input.' })
export class BusinessRegistrationPayload {
  @Field(() => BusinessRegistrationNode, {
    nullable: true,
    description: 'The registration in progress; null when the input had problems.',
  })
  registration: BusinessRegistrationNode | null;

  @Field(() => [UserError], { description: 'What was wrong with the input; empty on success.' })
  userErrors: UserError[];
}

@ObjectType({ description: 'The business, or the problems with the input.' })
export class BusinessPayload {
  @Field(() => BusinessNode, {
    nullable: true,
    description: 'The business; null when the input had problems.',
  })
  business: BusinessNode | null;

  @Field(() => [UserError], { description: 'What was wrong with the input; empty on success.' })
  userErrors: UserError[];
}

// ---- Officer console and activation keys ------------------------------------------------------------------

@ObjectType({ description: 'Shown once, when issued.' })
export class IssuedActivationKey {
  @Field(() => String)
  key: string;

  @Field(() => String)
  businessNumber: string;

  @Field(() => String)
  contactName: string;

  @Field(() => DateTimeScalar)
  expiresAt: Date;
}

@ObjectType()
export class ActivationKeySummary {
  @Field(() => ID, { description: 'The activation key’s id (opaque).' })
  id: string;

  @Field(() => String)
  contactName: string;

  @Field(() => DateTimeScalar)
  issuedAt: Date;

  @Field(() => DateTimeScalar)
  expiresAt: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  usedAt: Date | null;
}

@ObjectType('BusinessAuditEvent')
export class BusinessAuditEventNode {
  @Field(() => ID, { description: 'The business audit event’s id (opaque).' })
  id: string;

  @Field(() => String, { description: 'e.g. REGISTRATION_FAILED, REGISTRATION_LOCKED, REGISTERED …' })
  type: string;

  @Field(() => DateTimeScalar)
  occurredAt: Date;

  @Field(() => String, { nullable: true })
  detail: string | null;

  actorId: string | null;
}

@ObjectType('OfficerBusinessView')
export class OfficerBusinessView {
  @Field(() => String)
  businessNumber: string;

  @Field(() => String)
  legalName: string;

  registryBusinessId: string;
}

@InputType()
export class IssueActivationKeyInput {
  @Field(() => String)
  businessNumber: string;

  @Field(() => String)
  contactName: string;
}

@ObjectType({ description: 'The activation key issued, or the problems with the input.' })
export class IssueActivationKeyPayload {
  @Field(() => IssuedActivationKey, {
    nullable: true,
    description: 'The activation key issued; null when the input had problems.',
  })
  activationKey: IssuedActivationKey | null;

  @Field(() => [UserError], { description: 'What was wrong with the input; empty on success.' })
  userErrors: UserError[];
}

@ObjectType({ description: 'The business, as officers see it, or the problems with the input.' })
export class OfficerBusinessPayload {
  @Field(() => OfficerBusinessView, {
    nullable: true,
    description: 'The business, as officers see it; null when the input had problems.',
  })
  view: OfficerBusinessView | null;

  @Field(() => [UserError], { description: 'What was wrong with the input; empty on success.' })
  userErrors: UserError[];
}

// ---- Employer access, roles and settings -----------------------------------------------------------------

@ObjectType({ description: 'Public part of the registry for an access request: only the name.' })
export class EmployerPreview {
  @Field(() => String)
  businessNumber: string;

  @Field(() => String)
  name: string;
}

@InputType()
export class RequestEmployerAccessInput {
  @Field(() => String)
  businessNumber: string;

  @Field(() => String, { description: 'Required, max 500.' })
  reason: string;
}

@InputType()
export class DecideAccessRequestInput {
  @Field(() => ID, { description: 'The access request’s id.' })
  requestId: string;

  @Field(() => Boolean)
  approve: boolean;

  @Field(() => BusinessRole, { nullable: true, description: 'Required on approval.' })
  role?: BusinessRole | null;

  @Field(() => [ID], { nullable: true, description: 'Required on approval unless BAM.' })
  programAccountIds?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Required on rejection, max 500.' })
  reason?: string | null;
}

@InputType()
export class ChangeMembershipInput {
  @Field(() => ID, { description: 'The membership’s id.' })
  membershipId: string;

  @Field(() => BusinessRole)
  role: BusinessRole;

  @Field(() => [ID], { nullable: true })
  programAccountIds?: string[] | null;
}

@InputType()
export class ContactInput {
  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;
}

@InputType()
export class UpdateBusinessSettingsInput {
  @Field(() => ID, { description: 'The business’s id.' })
  businessId: string;

  @Field(() => String, { nullable: true })
  businessActivity?: string | null;

  @Field(() => [ContactInput])
  contacts: ContactInput[];
}

@InputType()
export class UpdateProgramAccountContactsInput {
  @Field(() => ID, { description: 'The program account’s id.' })
  programAccountId: string;

  @Field(() => [ContactInput], { description: 'At most 20; replaces the account’s contacts.' })
  contacts: ContactInput[];
}

@ObjectType({ description: 'The program account, or the problems with the input.' })
export class ProgramAccountPayload {
  @Field(() => ProgramAccount, {
    nullable: true,
    description: 'The program account; null when the input had problems.',
  })
  programAccount: ProgramAccount | null;

  @Field(() => [UserError], { description: 'What was wrong with the input; empty on success.' })
  userErrors: UserError[];
}

@ObjectType({ description: 'The access request, or the problems with the input.' })
export class AccessRequestPayload {
  @Field(() => AccessRequestNode, {
    nullable: true,
    description: 'The access request; null when the input had problems.',
  })
  accessRequest: AccessRequestNode | null;

  @Field(() => [UserError], { description: 'What was wrong with the input; empty on success.' })
  userErrors: UserError[];
}

@ObjectType({ description: 'The membership, or the problems with the input.' })
export class MembershipPayload {
  @Field(() => MembershipNode, {
    nullable: true,
    description: 'The membership; null when the input had problems.',
  })
  membership: MembershipNode | null;

  @Field(() => [UserError], { description: 'What was wrong with the input; empty on success.' })
  userErrors: UserError[];
}

// ---- Connections over the older lists (docs/decisions/0017-connections-for-every-list.md) ------------------

export const MembershipConnection = listConnectionType<MembershipNode>('Membership', MembershipNode, {
  items: 'memberships',
  item: 'a membership',
  order: 'active ones first, then oldest granted first',
});
export type MembershipConnection = ListConnection<MembershipNode>;

export const ProgramAccountConnection = listConnectionType<ProgramAccount>('ProgramAccount', ProgramAccount, {
  items: 'program accounts',
  item: 'a program account',
  order: 'by account number',
});
export type ProgramAccountConnection = ListConnection<ProgramAccount>;

export const AccessRequestConnection = listConnectionType<AccessRequestNode>(
  'AccessRequest',
  AccessRequestNode,
  {
    items: 'access requests',
    item: 'an access request',
    order: 'oldest request first',
  },
);
export type AccessRequestConnection = ListConnection<AccessRequestNode>;
