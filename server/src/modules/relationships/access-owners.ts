import { type AppContext } from '../../app/context.js';
import { type OwnerFromArgs } from '../../common/auth/access-directive.js';
import { AccessAction, AccessArea, decideAccess } from '../../common/auth/access-table.js';
import { businessExists } from '../businesses/business-directory.service.js';
import { providerOfGroupId } from '../client-groups/client-groups.service.js';
import { BusinessRelationship } from './relationships.entities.js';

// How the guarded mutations of relationships and client groups find the business they act for (see `Access`
// in common/auth). Read directly, not through the request's loaders, so that no pre-change row is cached.

type Args = Record<string, unknown>;
const input = (args: Args) => (args.input ?? {}) as Record<string, unknown>;

function exists(context: unknown, businessId: unknown): Promise<boolean> {
  const { dataSource } = context as AppContext;
  return businessExists(dataSource.manager, String(businessId));
}

async function relationship(context: unknown, args: Args) {
  const { dataSource } = context as AppContext;
  const id = String(args.relationshipId ?? args.id ?? input(args).relationshipId);
  return dataSource.getRepository(BusinessRelationship).findOne({
    select: { id: true, providerBusinessId: true, clientBusinessId: true },
    where: { id },
  });
}

/** The provider named by `input.providerBusinessId` (requesting, groups, assignments). */
export const providerFromInput: OwnerFromArgs = async (args, context) => {
  const id = input(args).providerBusinessId;
  return (await exists(context, id)) ? { businessId: String(id) } : null;
};

/** The client of a relationship: the side that decides. */
export const clientOfRelationship: OwnerFromArgs = async (args, context) => {
  const found = await relationship(context, args);
  return found ? { businessId: found.clientBusinessId } : null;
};

/** The provider of a relationship: the side that withdraws a request. */
export const providerOfRelationship: OwnerFromArgs = async (args, context) => {
  const found = await relationship(context, args);
  return found ? { businessId: found.providerBusinessId } : null;
};

/**
 * The side of a relationship whose standing allows RELATIONSHIP_MANAGEMENT `action` (the client first), so
 * that a person who is, say, an Editor of the client and the BAM of the provider acts as the provider's BAM.
 * Nobody allowed on either side: the client, and FORBIDDEN.
 */
function sideOf(action: AccessAction): OwnerFromArgs {
  return async (args, context) => {
    const found = await relationship(context, args);
    if (!found) return null;
    const { access } = context as AppContext;
    for (const businessId of [found.clientBusinessId, found.providerBusinessId]) {
      const standing = await access.standing(businessId);
      if (decideAccess(standing, AccessArea.RELATIONSHIP_MANAGEMENT, action, { businessId }))
        return { businessId };
    }
    return { businessId: found.clientBusinessId };
  };
}

/** Either side may end a relationship. */
export const sideOfRelationship = sideOf(AccessAction.EDIT);

/** Either side may read a relationship by id (`relationship(id)`). */
export const readerSideOfRelationship = sideOf(AccessAction.VIEW);

/** The provider of a client group (`groupId` or `input.groupId`). */
export const providerOfGroup: OwnerFromArgs = async (args, context) => {
  const { dataSource } = context as AppContext;
  const id = String(args.groupId ?? input(args).groupId);
  const providerBusinessId = await providerOfGroupId(dataSource.manager, id);
  return providerBusinessId ? { businessId: providerBusinessId } : null;
};
