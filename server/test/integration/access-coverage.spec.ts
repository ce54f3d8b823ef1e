import { getDirective } from '@graphql-tools/utils';
import {
  getNamedType,
  isObjectType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAppSchema } from '../../src/app/build-schema.js';

// Default deny, checked on the real schema: a field added to a type that holds a business's data, or a
// mutation added anywhere, fails here until it carries @access or is listed below with its reason.

/** Types holding a business's data: every field carries @access, but these. */
const guardedTypes: Record<string, Record<string, string>> = {
  Business: {
    id: 'an opaque id; the node is reachable only with a standing toward the business',
    viewerMembership: 'the caller’s own membership (FORBIDDEN when there is none)',
    viewerAccess: 'the caller’s own access, computed from the same table',
  },
  BusinessProfile: {},
  ProgramAccount: {
    id: 'an opaque id',
    viewerCanEdit: 'the caller’s own capability, computed from the same table',
  },
};

/**
 * Types that hold a business's data and must be reachable only by crossing a guarded field or mutation: a
 * walk of the schema from its roots that never crosses a guard must not meet them (checked below), so no
 * unguarded path can lead to them, now or after a change.
 */
const onlyBehindGuards = [
  'BusinessProfile',
  'ProgramAccount',
  'Address',
  'Contact',
  'Owner',
  'SubProgram',
  'BusinessRelationship',
  'BusinessRelationshipConnection',
  'RelationshipEvent',
  'ClientGroup',
  'EmployeeAssignment',
];

/** Mutations that do not change a business's data guarded by the access tables, with the reason. */
const unguardedMutations: Record<string, string> = {
  registerLocalCredential: 'identity: the caller’s own credential',
  signIn: 'identity',
  signOut: 'identity',
  signOutEverywhere: 'identity',
  respondToTerms: 'identity',
  changePassword: 'identity: the caller’s own credential',
  changeRecovery: 'identity: the caller’s own credential',
  revokeCredential: 'identity: the caller’s own credential',
  resetForgottenPassword: 'identity',
  savePersonalProfile: 'the caller’s own personal profile',
  unlockCredential: 'agency officer console (role OFFICER)',
  startExport:
    'queues the caller’s own export; its pages run as the caller, through the same @access rules as their queries',
  issueActivationKey: 'agency officer console (role OFFICER)',
  unlockBusinessRegistration: 'agency officer console (role OFFICER)',
  startBusinessRegistration: 'onboarding: the caller proves authority with the registry answers',
  validateBusiness: 'onboarding: the caller’s own registration',
  answerRegistrationQuestions: 'onboarding: the caller’s own registration',
  redeemActivationKey: 'onboarding: the key is the authority',
  requestEmployerAccess: 'the caller’s own access request',
  cancelAccessRequest: 'the caller’s own access request',
  switchBusiness: 'the caller’s own session (only businesses the caller is a member of)',
  markNoticeRead: 'the caller’s own read state, of a notice the access table lets them see',
  postNotice: 'agency officer console (role OFFICER)',
  postBulletin: 'agency officer console (role OFFICER)',
  demoSignIn: 'the demo’s prepared people only, only while the demo is on (never in production)',
  retryMailDelivery: 'agency officer console (role OFFICER)',
  markMessageThreadRead: 'the caller’s own read state, of a thread the access table lets them see',
  markLetterRead: 'the caller’s own read state, of a letter the access table lets them see',
  officerOpenMessageThread: 'agency officer console (role OFFICER)',
  officerReply: 'agency officer console (role OFFICER)',
  assignMessageThread: 'agency officer console (role OFFICER)',
  setMessageThreadClosed: 'agency officer console (role OFFICER)',
  issueLetter: 'agency officer console (role OFFICER)',
  takeClaim: 'agency officer console (role OFFICER): claims',
  requestClaimInformation: 'agency officer console (role OFFICER): claims',
  approveClaim: 'agency officer console (role OFFICER): claims',
  rejectClaim: 'agency officer console (role OFFICER): claims',
  markRepaymentPaid: 'agency officer console (role OFFICER): repayments',
  withholdRepayment: 'agency officer console (role OFFICER): repayments',
  decideRuling: 'agency officer console (role OFFICER): ruling requests (decision 0046)',
  decideFinancialSecurityChange:
    'agency officer console (role OFFICER): financial security changes (decision 0046)',
};

const accessOf = (schema: GraphQLSchema, field: GraphQLField<unknown, unknown>) =>
  getDirective(schema, field, 'access')?.[0] as { area: string; action: string } | undefined;

describe('@access coverage of the published schema', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildAppSchema();
  });

  it('guards every field of the types that hold a business’s data', () => {
    const missing: string[] = [];
    for (const [typeName, exempt] of Object.entries(guardedTypes)) {
      const type = schema.getType(typeName) as GraphQLObjectType;
      expect(type, typeName).toBeDefined();
      for (const field of Object.values(type.getFields()))
        if (!(field.name in exempt) && !accessOf(schema, field)) missing.push(`${typeName}.${field.name}`);
    }
    expect(missing).toEqual([]);
  });

  it('reaches the types holding a business’s data only through guarded fields and mutations', () => {
    // Breadth-first from the root types, never crossing a field that carries @access.
    const seen = new Set<string>();
    const queue: GraphQLObjectType[] = [schema.getQueryType()!, schema.getMutationType()!];
    while (queue.length) {
      const type = queue.shift()!;
      if (seen.has(type.name)) continue;
      seen.add(type.name);
      for (const field of Object.values(type.getFields())) {
        if (accessOf(schema, field)) continue;
        const target = getNamedType(field.type);
        if (isObjectType(target) && !seen.has(target.name)) queue.push(target);
      }
    }
    expect(onlyBehindGuards.filter((name) => seen.has(name))).toEqual([]);
    // The list stays honest: each of them is a real type, and each is reached through some guard.
    for (const name of onlyBehindGuards) expect(schema.getType(name), name).toBeDefined();
  });

  it('guards every mutation that is not listed as outside the access tables, with EDIT', () => {
    const mutations = Object.values(schema.getMutationType()!.getFields());
    const unguarded = mutations
      .filter((m) => !(m.name in unguardedMutations) && !accessOf(schema, m))
      .map((m) => m.name);
    expect(unguarded).toEqual([]);
    for (const mutation of mutations.filter((m) => accessOf(schema, m)))
      expect(accessOf(schema, mutation)?.action, mutation.name).toBe('EDIT');
    // The list stays honest: every name in it is a real mutation.
    expect(Object.keys(unguardedMutations).filter((name) => !mutations.some((m) => m.name === name))).toEqual(
      [],
    );
  });

  it('states the rule in words in every guarded field’s description', () => {
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        const access = accessOf(schema, field);
        if (access)
          expect(field.description, `${type.name}.${field.name}`).toContain(
            `Access ${access.area} ${access.action} —`,
          );
      }
    }
  });
});
