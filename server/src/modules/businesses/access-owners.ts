import { type AppContext } from '../../app/context.js';
import { type OwnerFromArgs } from '../../common/auth/access-directive.js';
import { type AccessOwner } from '../../common/auth/access-table.js';
import { businessLoaders } from './business-loaders.js';
import { AccessRequest, Business, BusinessMembership } from './businesses.entities.js';

// How the guarded root fields of the businesses module find what they touch from their arguments (see
// `Access` in common/auth). Null when the arguments name nothing: the caller gets FORBIDDEN either way.

type Args = Record<string, unknown>;
const input = (args: Args) => (args.input ?? {}) as Record<string, unknown>;

/**
 * A business by id (`input.businessId`). Read directly, not through the request's loaders: a mutation must
 * not leave the pre-change row in their cache for its own payload.
 */
export const businessFromInput: OwnerFromArgs = async (args, context) => {
  const { dataSource } = context as AppContext;
  const business = await dataSource
    .getRepository(Business)
    .findOne({ select: { id: true }, where: { id: String(input(args).businessId) } });
  return business ? { businessId: business.id } : null;
};

/** The business of an access request (`input.requestId`). */
export const businessOfAccessRequest: OwnerFromArgs = async (args, context) => {
  const { dataSource } = context as AppContext;
  const request = await dataSource
    .getRepository(AccessRequest)
    .findOne({ select: { id: true, businessId: true }, where: { id: String(input(args).requestId) } });
  return request ? { businessId: request.businessId } : null;
};

/** The business of a membership (`input.membershipId`, or `membershipId`). */
export const businessOfMembership: OwnerFromArgs = async (args, context) => {
  const { dataSource } = context as AppContext;
  const id = String(args.membershipId ?? input(args).membershipId);
  const membership = await dataSource
    .getRepository(BusinessMembership)
    .findOne({ select: { id: true, businessId: true }, where: { id } });
  return membership ? { businessId: membership.businessId } : null;
};

/** A program account by id (`id`), owned by the portal business registered for its registry business. */
export const programAccountById: OwnerFromArgs = async (args, context): Promise<AccessOwner | null> => {
  const loaders = businessLoaders(context as AppContext);
  const account = await loaders.programAccount.load(String(args.id));
  const business = account ? await loaders.businessOfRegistry.load(account.businessId) : null;
  return account && business ? { businessId: business.id, programAccountId: account.id } : null;
};
