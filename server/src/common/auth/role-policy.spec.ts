import { describe, expect, it } from 'vitest';
import {
  coversWholeBusiness,
  isAgencyOfficer,
  isBusinessAccountManager,
  mayDecideAccessRequests,
  mayDecideRelationshipRequests,
  mayManageBusiness,
  type MemberRole,
} from './role-policy.js';

const roles: MemberRole[] = ['BUSINESS_ACCOUNT_MANAGER', 'PROGRAM_ACCOUNT_MANAGER', 'EDITOR', 'READER'];
const holders = (decide: (role: MemberRole) => boolean) => roles.filter(decide);

describe('role policy beside the access table', () => {
  it('gives the whole business (scope, management, the BAM count) to the BAM only', () => {
    expect(holders(isBusinessAccountManager)).toEqual(['BUSINESS_ACCOUNT_MANAGER']);
    expect(holders(coversWholeBusiness)).toEqual(['BUSINESS_ACCOUNT_MANAGER']);
    expect(holders(mayManageBusiness)).toEqual(['BUSINESS_ACCOUNT_MANAGER']);
    expect(mayManageBusiness(null)).toBe(false);
    expect(coversWholeBusiness(undefined)).toBe(false);
  });

  it('lets a BAM or a PAM decide access and relationship requests, as the table says', () => {
    const managers = ['BUSINESS_ACCOUNT_MANAGER', 'PROGRAM_ACCOUNT_MANAGER'];
    expect(holders(mayDecideAccessRequests)).toEqual(managers);
    expect(holders(mayDecideRelationshipRequests)).toEqual(managers);
    expect(mayDecideAccessRequests(null)).toBe(false);
    expect(mayDecideRelationshipRequests(undefined)).toBe(false);
  });

  it('knows agency staff', () => {
    expect(isAgencyOfficer('OFFICER')).toBe(true);
    expect(isAgencyOfficer('PERSON')).toBe(false);
    expect(isAgencyOfficer(null)).toBe(false);
  });
});
