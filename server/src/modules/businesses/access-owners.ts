import { type AppContext } from '../../app/context.js';
import { ownerFromArg } from '../../common/auth/access-directive.js';
import { type AccessOwner } from '../../common/auth/access-table.js';
import { businessLoaders } from './business-loaders.js';
import { AccessRequest, Business, BusinessMembership } from './businesses.entities.js';

// How the guarded root fields of the businesses module find what they touch from their arguments (see
// `Access` and `ownerFromArg` in common/auth: typed by the argument each reads). Null when the arguments name
// nothing: the caller gets FORBIDDEN either way.

/** A business by id. Read directly, not through the request's loaders (see businessFromInput). */
export async function businessById(id: string, { dataSource }: AppContext): Promise<AccessOwner | null> {
  const business = await dataSource.getRepository(Business).findOne({ select: { id: true }, where: { id } });
  return business ? { businessId: business.id } : null;
}

/**
 * A business by id (`input.businessId`). Read directly, not through the request's loaders: a mutation must
 * not leave the pre-change row in their cache for its own payload.
 */
export const businessFromInput = ownerFromArg(['input', 'businessId'], businessById);

/** The business of an access request (`input.requestId`). */
export const businessOfAccessRequest = ownerFromArg(
  ['input', 'requestId'],
  async (id, { dataSource }: AppContext) => {
    const request = await dataSource
      .getRepository(AccessRequest)
      .findOne({ select: { id: true, businessId: true }, where: { id } });
    return request ? { businessId: request.businessId } : null;
  },
);

async function businessOfMembershipId(id: string, { dataSource }: AppContext): Promise<AccessOwner | null> {
  const membership = await dataSource
    .getRepository(BusinessMembership)
    .findOne({ select: { id: true, businessId: true }, where: { id } });
  return membership ? { businessId: membership.businessId } : null;
}

/** The business of a membership (`membershipId`). */
export const businessOfMembership = ownerFromArg(['membershipId'], businessOfMembershipId);

/** The business of a membership (`input.membershipId`). */
export const businessOfMembershipInput = ownerFromArg(['input', 'membershipId'], businessOfMembershipId);

/** A program account by id, owned by the portal business registered for its registry business. */
export async function programAccountOwner(id: string, context: AppContext): Promise<AccessOwner | null> {
  const loaders = businessLoaders(context);
  const account = await loaders.programAccount.load(id);
  const business = account ? await loaders.businessOfRegistry.load(account.businessId) : null;
  return account && business ? { businessId: business.id, programAccountId: account.id } : null;
}

/** A program account by id (`id`). */
export const programAccountById = ownerFromArg(['id'], programAccountOwner);

/** The program account of `input.programAccountId`. */
export const programAccountOfInput = ownerFromArg(['input', 'programAccountId'], programAccountOwner);
