import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { NodeInterface } from '../../common/graphql/node.type.js';
import { Access, AccessType } from '../../common/auth/access-directive.js';
import { AccessAction, AccessArea } from '../../common/auth/access-table.js';
import { DateTimeScalar } from '../../common/graphql/date-time.scalar.js';
import { UserErrorsPayload } from '../../common/graphql/user-error.type.js';
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

@ObjectType({
  description: 'A person named in another object (a member, a requester, an actor): id, name and email only.',
})
export class PersonSummary {
  @Field(() => ID, { description: 'The person’s user id (opaque).' })
  id: string;

  @Field(() => String, { description: 'First and last name from the personal profile.' })
  name: string;

  @Field(() => String, {
    nullable: true,
    description: 'Email from the personal profile; null for a person without one (an agency officer).',
  })
  email: string | null;
}

@ObjectType({
  description:
    'A business named in another object (a relationship, a membership, a group): its id, BN9 and name, with no guarded fields.',
})
export class BusinessSummary {
  @Field(() => ID, { description: 'The business’s id (opaque).' })
  id: string;

  @Field(() => String, { description: 'BN9: the 9-digit business number.' })
  businessNumber: string;

  @Field(() => String, { description: 'Operating name, else legal name.' })
  name: string;
}

@ObjectType({
  description:
    'A program account named in another object (a membership’s scope, a relationship): id, number and name, with no guarded fields.',
})
export class ProgramAccountSummary {
  @Field(() => ID, { description: 'The program account’s id (opaque).' })
  id: string;

  @Field(() => String, {
    description: 'The 15-character account number: BN9, program code, reference (e.g. 123456789RM0001).',
  })
  accountNumber: string;

  @Field(() => String, { description: 'The account’s name.' })
  name: string;
}

// ---- Registry-backed profiles ----------------------------------------------------------------------------

@ObjectType({ description: 'A postal address from the agency’s registry (read only in the portal).' })
export class Address {
  @Field(() => String, {
    description:
      'What the address is for: PHYSICAL, MAILING or BOOKS_AND_RECORDS (where the books are kept).',
  })
  addressType: string;

  @Field(() => String, { description: 'Street address: number and street, or the first line as registered.' })
  line1: string;

  @Field(() => String, { nullable: true, description: 'Second line (suite, unit, floor); null when none.' })
  line2: string | null;

  @Field(() => String, { nullable: true, description: 'PO box or rural route, when the address has one.' })
  poBoxOrRuralRoute: string | null;

  @Field(() => String, { nullable: true, description: 'City or municipality.' })
  city: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Two-letter province or territory code in Canada (e.g. ON), or the state or region abroad.',
  })
  provinceOrState: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Postal code (A1A 1A1 in Canada) or ZIP code; null when the country has none.',
  })
  postalCode: string | null;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2.' })
  country: string;
}

@ObjectType({ description: 'A person the agency may contact about a business or a program account.' })
export class Contact {
  @Field(() => String, { description: 'Full name.' })
  name: string;

  @Field(() => String, {
    nullable: true,
    description: 'Job title (e.g. Customs compliance manager); null when not given.',
  })
  title: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Telephone number, e.g. 613-555-0101; null when not given.',
  })
  phone: string | null;

  @Field(() => String, { nullable: true, description: 'Email address; null when not given.' })
  email: string | null;
}

@AccessType(AccessArea.PROGRAM_PROFILE, AccessAction.VIEW)
@ObjectType({
  description: 'An owner, director or officer of a program account’s business, from the registry.',
})
export class Owner {
  @Field(() => String, { description: 'Full name.' })
  name: string;

  @Field(() => String, { description: 'OWNER, DIRECTOR, OFFICER, PARTNER, SHAREHOLDER or TRUSTEE.' })
  role: string;
}

@AccessType(AccessArea.PROGRAM_PROFILE, AccessAction.VIEW)
@ObjectType({ description: 'A trade program a program account takes part in.' })
export class SubProgram {
  @Field(() => String, { description: 'The program’s code, e.g. CSA, PIP, CLVS, RPP.' })
  code: string;

  @Field(() => String, { description: 'The program’s name in the registry.' })
  name: string;
}

@AccessType(AccessArea.PROGRAM_PROFILE, AccessAction.VIEW)
@ObjectType({
  description:
    'A program account of a business (e.g. the RM import-export account, 123456789RM0001), from the registry, with its finances and requests. Each field is guarded by the access tables.',
})
export class ProgramAccount {
  @Field(() => ID, { description: 'The program account’s id (opaque).' })
  id: string;

  @Access(AccessArea.PROGRAM_PROFILE, AccessAction.VIEW)
  @Field(() => String, { nullable: true, description: 'e.g. 123456789RM0001' })
  accountNumber: string;

  @Access(AccessArea.PROGRAM_PROFILE, AccessAction.VIEW)
  @Field(() => String, {
    nullable: true,
    description: 'The two-letter program identifier of the account number (e.g. RM).',
  })
  programCode: string;

  @Access(AccessArea.PROGRAM_PROFILE, AccessAction.VIEW)
  @Field(() => String, {
    nullable: true,
    description:
      'What the account is for: IMPORTER, EXPORTER, CUSTOMS_BROKER, TRADE_CONSULTANT, GST_HST, PAYROLL, CORPORATE_INCOME_TAX.',
  })
  programType: string;

  @Access(AccessArea.PROGRAM_PROFILE, AccessAction.VIEW)
  @Field(() => String, {
    nullable: true,
    description: 'The account’s name (usually the business’s operating name).',
  })
  name: string;

  @Access(AccessArea.PROGRAM_PROFILE, AccessAction.VIEW)
  @Field(() => String, {
    nullable: true,
    description: 'How the agency bills the account: DAILY_NOTICE or MONTHLY_STATEMENT.',
  })
  billingType: string;

  @Access(AccessArea.PROGRAM_PROFILE, AccessAction.VIEW)
  @Field(() => String, { nullable: true, description: 'ACTIVE or CLOSED.' })
  status: string;

  @Access(AccessArea.PROGRAM_PROFILE, AccessAction.VIEW)
  @Field(() => [Address], { nullable: true, description: 'The account’s addresses in the registry.' })
  addresses: Address[];

  @Access(AccessArea.PROGRAM_PROFILE, AccessAction.VIEW)
  @Field(() => [Contact], {
    nullable: true,
    description: 'The people the agency may contact about this account (updateProgramAccountContacts).',
  })
  contacts: Contact[];

  @Access(AccessArea.PROGRAM_PROFILE, AccessAction.VIEW)
  @Field(() => [Owner], {
    nullable: true,
    description: 'Owners, directors and officers on file for the account.',
  })
  owners: Owner[];

  @Access(AccessArea.PROGRAM_PROFILE, AccessAction.VIEW)
  @Field(() => [SubProgram], {
    nullable: true,
    description: 'Trade programs the account takes part in (e.g. CSA, PIP).',
  })
  subPrograms: SubProgram[];

  @Field(() => Boolean, {
    description: 'Whether the viewer may edit this account’s profile (role and scope).',
  })
  viewerCanEdit: boolean;
}

@ObjectType({
  description:
    'The business account profile (seed 003 §3.2 BUSINESS_PROFILE): the registry’s data, read only, plus the settings the business keeps itself.',
})
export class BusinessProfile {
  @Access(AccessArea.BUSINESS_PROFILE, AccessAction.VIEW)
  @Field(() => String, { nullable: true, description: 'The legal name as registered with the agency.' })
  legalName: string;

  @Access(AccessArea.BUSINESS_PROFILE, AccessAction.VIEW)
  @Field(() => String, {
    nullable: true,
    description: 'The operating (trade) name; null when the business uses its legal name.',
  })
  operatingName: string | null;

  @Access(AccessArea.BUSINESS_PROFILE, AccessAction.VIEW)
  @Field(() => String, {
    nullable: true,
    description:
      'Legal form: CORPORATION, SOLE_PROPRIETORSHIP, PARTNERSHIP, TRUST, COOPERATIVE or NON_PROFIT.',
  })
  businessType: string;

  @Access(AccessArea.BUSINESS_PROFILE, AccessAction.VIEW)
  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether the business is run by one person in their own name.',
  })
  soleProprietor: boolean;

  @Access(AccessArea.BUSINESS_PROFILE, AccessAction.VIEW)
  @Field(() => Boolean, {
    nullable: true,
    description:
      'Whether the business offers services to other businesses (a customs broker or a trade consultant) and may request business relationships.',
  })
  serviceProvider: boolean;

  @Access(AccessArea.BUSINESS_PROFILE, AccessAction.VIEW)
  @Field(() => String, {
    nullable: true,
    description: 'For a service provider: CUSTOMS_BROKER or TRADE_CONSULTANT; null otherwise.',
  })
  serviceProviderKind: string | null;

  @Access(AccessArea.BUSINESS_PROFILE, AccessAction.VIEW)
  @Field(() => [Address], {
    nullable: true,
    description: 'The business’s addresses in the registry (physical, mailing, books and records).',
  })
  addresses: Address[];

  @Access(AccessArea.BUSINESS_PROFILE, AccessAction.VIEW)
  @Field(() => String, {
    nullable: true,
    description: 'Portal-side settings the business keeps up to date itself.',
  })
  businessActivity: string | null;

  @Access(AccessArea.BUSINESS_PROFILE, AccessAction.VIEW)
  @Field(() => [Contact], {
    nullable: true,
    description:
      'The people the agency may contact about the business, as the business keeps them (updateBusinessSettings).',
  })
  contacts: Contact[];
}

// ---- Portal objects (roots of field resolvers) -----------------------------------------------------------

/** A portal-registered business. Relation fields are resolved by BusinessFieldsResolver through loaders. */
@AccessType(AccessArea.BUSINESS_IDENTITY, AccessAction.VIEW)
@ObjectType('Business', {
  implements: NodeInterface,
  description:
    'A business registered on the portal (an importer, a customs broker, a trade consultant…), linked to its record in the agency’s registry. Each field is guarded by the access tables (see `@access`).',
})
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
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the business was registered on the portal.',
  })
  registeredAt: Date;

  registryBusinessId: string;
}

@AccessType(AccessArea.ACCESS_MANAGEMENT, AccessAction.VIEW)
@ObjectType('Membership', {
  description:
    'A person’s membership of a business: their role and, for a program role, the program accounts in scope. The person sees their own; a business account manager sees the business’s.',
})
export class MembershipNode {
  @Field(() => ID, { description: 'The membership’s id (opaque).' })
  id: string;

  @Field(() => BusinessRole, {
    description: 'The role in the business, which decides what the person may do (docs/access-model.md).',
  })
  role: BusinessRole;

  @Field(() => MembershipStatus, { description: 'ACTIVE, or REVOKED (no access any more).' })
  status: MembershipStatus;

  @Field(() => DateTimeScalar, {
    description: 'When the membership was granted (registration, or approval of an access request).',
  })
  grantedAt: Date;

  businessId: string;
  userId: string;
}

@AccessType(AccessArea.ACCESS_MANAGEMENT, AccessAction.VIEW)
@ObjectType('AccessRequest', {
  description:
    'A person’s request to join a business as an employee (seed 003 §1.7), decided by its business account manager or a program account manager. The requester sees their own; the business’s managers see those of the business.',
})
export class AccessRequestNode {
  @Field(() => ID, { description: 'The access request’s id (opaque).' })
  id: string;

  @Field(() => String, {
    description: 'Why the requester asks for access, as they wrote it (at most 500 characters).',
  })
  reason: string;

  @Field(() => AccessRequestStatus, {
    description: 'Where the request stands: PENDING until decided or withdrawn.',
  })
  status: AccessRequestStatus;

  @Field(() => DateTimeScalar, { description: 'When the request was made.' })
  requestedAt: Date;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When it was approved, rejected or cancelled; null while PENDING.',
  })
  decidedAt: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'On rejection: the reason the manager gave (shown to the requester). Null otherwise.',
  })
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

@ObjectType({
  description:
    'One question of step 3 of business registration, about the program account’s financial records.',
})
export class RegistrationQuestion {
  @Field(() => RegistrationQuestionKind, {
    description: 'What is asked (and which answer field of AnswerRegistrationQuestionsInput takes it).',
  })
  kind: RegistrationQuestionKind;

  @Field(() => String, {
    nullable: true,
    description: 'For TRANSACTION_TOTAL: the transaction number shown (one of the 5 most recent).',
  })
  transactionNumber: string | null;
}

@ObjectType('BusinessRegistration', {
  description:
    'A person’s registration of a business on the portal, in three steps (identify, validate the business, answer the questions); only the registrant sees it.',
})
export class BusinessRegistrationNode {
  @Field(() => ID, { description: 'The business registration’s id (opaque).' })
  id: string;

  @Field(() => String, { description: 'The BN9 being registered.' })
  businessNumber: string;

  @Field(() => String, { description: 'RM0001' })
  programAccountReference: string;

  @Field(() => String, { description: '"I, <name>, attest …" in the caller’s language.' })
  attestationName: string;

  @Field(() => RegistrationStep, {
    description: 'The last step completed; COMPLETED once the business is registered.',
  })
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

@InputType({
  description:
    'Step 1 of business registration: which business, and the attestation that the person may register it.',
})
export class StartBusinessRegistrationInput {
  @Field(() => String, { description: '9 digits.' })
  businessNumber: string;

  @Field(() => String, { description: 'RM + 4 digits.' })
  programAccountReference: string;

  @Field(() => Boolean, { description: 'Must be true.' })
  attest: boolean;
}

@InputType({
  description:
    'The business address as the registrant writes it, compared with the registry’s (step 2 of registration).',
})
export class RegistrationAddressInput {
  @Field(() => String, { description: 'Street address, as registered with the agency.' })
  line1: string;

  @Field(() => String, { nullable: true, description: 'Second line (suite, unit), if any.' })
  line2?: string | null;

  @Field(() => String, { nullable: true, description: 'PO box or rural route, if any.' })
  poBoxOrRuralRoute?: string | null;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2 country code (e.g. CA).' })
  country: string;
}

@InputType({
  description: 'Step 2 of business registration: the legal name and address, checked against the registry.',
})
export class ValidateBusinessInput {
  @Field(() => ID, { description: 'The registration’s id, from startBusinessRegistration.' })
  registrationId: string;

  @Field(() => String, { description: 'Max 175.' })
  legalName: string;

  @Field(() => RegistrationAddressInput, {
    description: 'The business address as registered with the agency.',
  })
  address: RegistrationAddressInput;
}

@InputType({
  description:
    'Step 3 of business registration: the answers to the questions about the program account’s financial records.',
})
export class AnswerRegistrationQuestionsInput {
  @Field(() => ID, { description: 'The registration’s id, from startBusinessRegistration.' })
  registrationId: string;

  @Field(() => String, {
    description:
      "Amounts: digits and at most one decimal point (e.g. 1234.56); '$' or ',' is a FORMAT error, not a wrong answer.",
  })
  transactionTotal: string;

  @Field(() => String, {
    description: 'The amount of the latest payment on the account, in dollars (e.g. 1234.56).',
  })
  latestPayment: string;

  @Field(() => String, { nullable: true, description: 'Required when 3 questions.' })
  statementBalance?: string | null;
}

// ---- Payloads ---------------------------------------------------------------------------------------------

@ObjectType({ description: 'The registration in progress, or the problems with the input.' })
export class BusinessRegistrationPayload extends UserErrorsPayload {
  @Field(() => BusinessRegistrationNode, {
    nullable: true,
    description: 'The registration in progress; null when the input had problems.',
  })
  registration: BusinessRegistrationNode | null;
}

@ObjectType({ description: 'The business, or the problems with the input.' })
export class BusinessPayload extends UserErrorsPayload {
  @Field(() => BusinessNode, {
    nullable: true,
    description: 'The business; null when the input had problems.',
  })
  business: BusinessNode | null;
}

// ---- Officer console and activation keys ------------------------------------------------------------------

@ObjectType({ description: 'Shown once, when issued.' })
export class IssuedActivationKey {
  @Field(() => String, {
    description: 'The activation key itself: shown only in this answer, never again (only its hash is kept).',
  })
  key: string;

  @Field(() => String, { description: 'The BN9 the key registers.' })
  businessNumber: string;

  @Field(() => String, { description: 'The business contact the key is for.' })
  contactName: string;

  @Field(() => DateTimeScalar, { description: 'After this instant the key no longer works.' })
  expiresAt: Date;
}

@ObjectType({
  description:
    'An activation key an officer issued for a business, as officers see it: the key itself is never shown again.',
})
export class ActivationKeySummary {
  @Field(() => ID, { description: 'The activation key’s id (opaque).' })
  id: string;

  @Field(() => String, {
    description: 'The business contact the key was issued to (mailed to them by the agency).',
  })
  contactName: string;

  @Field(() => DateTimeScalar, { description: 'When the officer issued it.' })
  issuedAt: Date;

  @Field(() => DateTimeScalar, {
    description: 'After this instant the key no longer registers the business.',
  })
  expiresAt: Date;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the key was used to register the business; null while unused.',
  })
  usedAt: Date | null;
}

@ObjectType('BusinessAuditDetail', {
  description:
    'One fact of an audit entry, e.g. `{ name: "type", value: "PROGRAM_MANAGEMENT" }`: docs/businesses.md lists the names each type uses.',
})
export class BusinessAuditDetailNode {
  @Field(() => String, {
    description: 'What the fact is (e.g. `provider`, `client`, `type`, `role`, `account`, `cents`).',
  })
  name: string;

  @Field(() => String, {
    description: 'Its value: a code, a number, a business or account number, or an id.',
  })
  value: string;
}

@ObjectType('BusinessAuditEvent', {
  description:
    'One entry of a business’s audit trail (registration attempts, locks, activation keys, officer actions), for agency officers.',
})
export class BusinessAuditEventNode {
  @Field(() => ID, { description: 'The business audit event’s id (opaque).' })
  id: string;

  @Field(() => String, { description: 'e.g. REGISTRATION_FAILED, REGISTRATION_LOCKED, REGISTERED …' })
  type: string;

  @Field(() => DateTimeScalar, { description: 'When it happened.' })
  occurredAt: Date;

  @Field(() => String, {
    nullable: true,
    description:
      'More about the event as stored, `name=value` pairs (e.g. `step=IDENTIFY attempt=2`); null when the type says it all. `details` has the same as a list.',
  })
  detail: string | null;

  @Field(() => [BusinessAuditDetailNode], {
    description:
      'The same as `detail`, as named facts for an app to label in its language (issue 14, defect 6); empty when the type says it all.',
  })
  details: BusinessAuditDetailNode[];

  actorId: string | null;
}

@ObjectType('OfficerBusinessView', {
  description:
    'A business of the agency’s registry as agency officers see it (the officer console): registration state, activation keys, audit trail.',
})
export class OfficerBusinessView {
  @Field(() => String, { description: 'BN9.' })
  businessNumber: string;

  @Field(() => String, { description: 'The legal name in the registry.' })
  legalName: string;

  registryBusinessId: string;
}

@InputType({
  description:
    'An officer issues an activation key for a business that cannot answer the registration questions.',
})
export class IssueActivationKeyInput {
  @Field(() => String, { description: 'BN9 of a business in the registry.' })
  businessNumber: string;

  @Field(() => String, {
    description: 'The business contact the key is for (the agency mails it to them), at most 175 characters.',
  })
  contactName: string;
}

@ObjectType({ description: 'The activation key issued, or the problems with the input.' })
export class IssueActivationKeyPayload extends UserErrorsPayload {
  @Field(() => IssuedActivationKey, {
    nullable: true,
    description: 'The activation key issued; null when the input had problems.',
  })
  activationKey: IssuedActivationKey | null;
}

@ObjectType({ description: 'The business, as officers see it, or the problems with the input.' })
export class OfficerBusinessPayload extends UserErrorsPayload {
  @Field(() => OfficerBusinessView, {
    nullable: true,
    description: 'The business, as officers see it; null when the input had problems.',
  })
  view: OfficerBusinessView | null;
}

// ---- Employer access, roles and settings -----------------------------------------------------------------

@ObjectType({ description: 'Public part of the registry for an access request: only the name.' })
export class EmployerPreview {
  @Field(() => String, { description: 'The BN9 asked about.' })
  businessNumber: string;

  @Field(() => String, {
    description:
      'The business’s operating name, else its legal name: enough for the person to check it is their employer.',
  })
  name: string;
}

@InputType({ description: 'A person asks to join a business registered on the portal as an employee.' })
export class RequestEmployerAccessInput {
  @Field(() => String, { description: 'BN9 of the employer (see employerPreview).' })
  businessNumber: string;

  @Field(() => String, { description: 'Required, max 500.' })
  reason: string;
}

@InputType({ description: 'A manager’s decision on a pending access request.' })
export class DecideAccessRequestInput {
  @Field(() => ID, { description: 'The access request’s id.' })
  requestId: string;

  @Field(() => Boolean, {
    description:
      'true to approve (the requester becomes a member with `role`), false to reject (with `reason`).',
  })
  approve: boolean;

  @Field(() => BusinessRole, { nullable: true, description: 'Required on approval.' })
  role?: BusinessRole | null;

  @Field(() => [ID], { nullable: true, description: 'Required on approval unless BAM.' })
  programAccountIds?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Required on rejection, max 500.' })
  reason?: string | null;
}

@InputType({
  description: 'A new role (and, for a program role, program accounts) for an employee of the business.',
})
export class ChangeMembershipInput {
  @Field(() => ID, { description: 'The membership’s id.' })
  membershipId: string;

  @Field(() => BusinessRole, {
    description:
      'The new role. Only a business account manager may grant BUSINESS_ACCOUNT_MANAGER; the business keeps at least one active one.',
  })
  role: BusinessRole;

  @Field(() => [ID], {
    nullable: true,
    description:
      'For PROGRAM_ACCOUNT_MANAGER, EDITOR or READER: the program accounts in scope (at least one). Ignored for a business account manager (every account).',
  })
  programAccountIds?: string[] | null;
}

@InputType({ description: 'A contact person, as the business writes it.' })
export class ContactInput {
  @Field(() => String, { description: 'Full name, required, at most 175 characters.' })
  name: string;

  @Field(() => String, { nullable: true, description: 'Job title, optional, at most 100 characters.' })
  title?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Telephone number, e.g. 613-555-0101 (optional, at most 25 characters).',
  })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Email address (optional).' })
  email?: string | null;
}

@InputType({ description: 'The settings a business keeps up to date itself: its activity and its contacts.' })
export class UpdateBusinessSettingsInput {
  @Field(() => ID, { description: 'The business’s id.' })
  businessId: string;

  @Field(() => String, {
    nullable: true,
    description: 'What the business does, in its own words (at most 500 characters); null clears it.',
  })
  businessActivity?: string | null;

  @Field(() => [ContactInput], { description: 'The business’s contacts, at most 20; replaces the list.' })
  contacts: ContactInput[];
}

@InputType({ description: 'New contacts for one program account.' })
export class UpdateProgramAccountContactsInput {
  @Field(() => ID, { description: 'The program account’s id.' })
  programAccountId: string;

  @Field(() => [ContactInput], { description: 'At most 20; replaces the account’s contacts.' })
  contacts: ContactInput[];
}

@ObjectType({ description: 'The program account, or the problems with the input.' })
export class ProgramAccountPayload extends UserErrorsPayload {
  @Field(() => ProgramAccount, {
    nullable: true,
    description: 'The program account; null when the input had problems.',
  })
  programAccount: ProgramAccount | null;
}

@ObjectType({ description: 'The access request, or the problems with the input.' })
export class AccessRequestPayload extends UserErrorsPayload {
  @Field(() => AccessRequestNode, {
    nullable: true,
    description: 'The access request; null when the input had problems.',
  })
  accessRequest: AccessRequestNode | null;
}

@ObjectType({ description: 'The membership, or the problems with the input.' })
export class MembershipPayload extends UserErrorsPayload {
  @Field(() => MembershipNode, {
    nullable: true,
    description: 'The membership; null when the input had problems.',
  })
  membership: MembershipNode | null;
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

export const BusinessConnection = listConnectionType<BusinessNode>('Business', BusinessNode, {
  items: 'businesses',
  item: 'a business',
  order: 'by name',
});
export type BusinessConnection = ListConnection<BusinessNode>;

export const ActivationKeySummaryConnection = listConnectionType<ActivationKeySummary>(
  'ActivationKeySummary',
  ActivationKeySummary,
  { items: 'activation keys', item: 'an activation key', order: 'newest first' },
);
export type ActivationKeySummaryConnection = ListConnection<ActivationKeySummary>;

export const BusinessAuditEventConnection = listConnectionType<BusinessAuditEventNode>(
  'BusinessAuditEvent',
  BusinessAuditEventNode,
  { items: 'audit events', item: 'an audit event', order: 'newest first' },
);
export type BusinessAuditEventConnection = ListConnection<BusinessAuditEventNode>;
