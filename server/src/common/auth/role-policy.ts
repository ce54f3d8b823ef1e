// Named policy functions beside the access table (issue 19 item 4): the decisions services used to make by
// comparing a role directly (`membership.role === BusinessRole.BUSINESS_ACCOUNT_MANAGER`). A service asks one of
// these (or `decideAccess`), so who may do what is decided here and in access-table.ts, nowhere else. The
// decisions that the table already holds are read from it (deciding access and relationship requests); the
// others are the roles' definitions (seed 003 §3.1, domain.md §5) stated once.
//
// common/ never imports modules/, so the roles are typed by their values: `BusinessRole` (businesses module)
// and `PersonRole` (users module) are string enums whose members are assignable to these unions.

import { AccessAction, AccessArea, ActorKind, decideAccess } from './access-table.js';

/** A member's role in a business: the values of the businesses module's `BusinessRole`. */
export type MemberRole = 'BUSINESS_ACCOUNT_MANAGER' | 'PROGRAM_ACCOUNT_MANAGER' | 'EDITOR' | 'READER';

/** Whether a user is a member of the public or agency staff: the values of the users module's `PersonRole`. */
export type PersonKind = 'PERSON' | 'OFFICER';

/** The actor kind of the access table for a business's own member of this role. */
export const memberActorKind: Readonly<Record<MemberRole, ActorKind>> = {
  BUSINESS_ACCOUNT_MANAGER: ActorKind.BUSINESS_ACCOUNT_MANAGER,
  PROGRAM_ACCOUNT_MANAGER: ActorKind.PROGRAM_ACCOUNT_MANAGER,
  EDITOR: ActorKind.EDITOR,
  READER: ActorKind.READER,
};

/** Whether the role is the business account manager's (BAM), the role the "at least one BAM" rule counts. */
export function isBusinessAccountManager(role: MemberRole | null | undefined): boolean {
  return role === 'BUSINESS_ACCOUNT_MANAGER';
}

/**
 * Whether the role reaches every program account of the business, now and later (a BAM), so that it has no
 * scope rows; any other role holds only the program accounts it was granted.
 */
export function coversWholeBusiness(role: MemberRole | null | undefined): boolean {
  return isBusinessAccountManager(role);
}

/**
 * Whether the role acts for the business as a whole: grants the BAM role, issues API tokens, keeps client
 * groups, asks for and ends relationships, changes a relationship's type. Only a BAM ("everything for the
 * business").
 */
export function mayManageBusiness(role: MemberRole | null | undefined): boolean {
  return isBusinessAccountManager(role);
}

/** Whether a member of the role may edit the area at all (for some program account), per the access table. */
function memberMayEdit(role: MemberRole | null | undefined, area: AccessArea): boolean {
  if (!role) return false;
  const grant = { kind: memberActorKind[role], scope: 'ALL' as const, mayEdit: true };
  return decideAccess({ grants: [grant] }, area, AccessAction.EDIT, { businessId: '' });
}

/** Whether the role may approve or reject access requests (BAM, and PAM for its programs): ACCESS_MANAGEMENT. */
export function mayDecideAccessRequests(role: MemberRole | null | undefined): boolean {
  return memberMayEdit(role, AccessArea.ACCESS_MANAGEMENT);
}

/** Whether the role may accept or refuse relationship requests (BAM and PAM): RELATIONSHIP_MANAGEMENT. */
export function mayDecideRelationshipRequests(role: MemberRole | null | undefined): boolean {
  return memberMayEdit(role, AccessArea.RELATIONSHIP_MANAGEMENT);
}

/** Whether the person is agency staff, who act through the officer console and never as a business's member. */
export function isAgencyOfficer(person: PersonKind | null | undefined): boolean {
  return person === 'OFFICER';
}
