import { Ctx, Field, FieldResolver, ID, ObjectType, registerEnumType, Resolver, Root } from 'type-graphql';
import { type AppContext } from '../../app/context.js';
import { AccessAction, AccessArea, decideAccess, visibleScope } from '../../common/auth/access-table.js';
import { businessLoaders } from '../businesses/business-loaders.js';
import { BusinessNode, ProgramAccountSummary } from '../businesses/businesses.types.js';

registerEnumType(AccessArea, {
  name: 'AccessArea',
  description: 'What a guarded field or mutation is about (seed 003 §3.2). See docs/access-model.md.',
  valuesConfig: {
    BUSINESS_IDENTITY: { description: 'The business number and name: what identifies a business.' },
    BUSINESS_PROFILE: {
      description:
        'The business account profile: general information, ownership, addresses, activity, contacts.',
    },
    PROGRAM_PROFILE: {
      description: 'A program account’s profile: general information, addresses, contacts.',
    },
    PROGRAM_LIST: { description: 'The list of the business’s program accounts.' },
    FINANCIAL_SECURITY: { description: 'A program account’s financial security (bonds and deposits).' },
    REQUESTS_AND_TRANSACTIONS: { description: 'Requests (e.g. rulings) and transactions (e.g. CADs).' },
    PAD: { description: 'Pre-authorized debit agreements.' },
    COLLECTIONS_NOTICES: { description: 'Notices about collections and payment arrangements.' },
    NOTICES: { description: 'The business’s other notices (statements, registration, agency notices).' },
    ACCESS_MANAGEMENT: { description: 'The business’s access requests and its employees’ access.' },
    RELATIONSHIP_MANAGEMENT: {
      description: 'The business’s pending relationship requests and its active relationships.',
    },
    MESSAGES: { description: 'Secure messages with the agency: threads, messages and attachments.' },
    CORRESPONDENCE: { description: 'The agency’s letters to the business.' },
  },
});

@ObjectType({ description: 'What the caller may do in one area of a business (the access table’s answer).' })
export class AreaAccess {
  @Field(() => AccessArea, { description: 'The area of the access tables.' })
  area: AccessArea;

  @Field(() => Boolean, { description: 'For the business, or for at least the program accounts in scope.' })
  view: boolean;

  @Field(() => Boolean, {
    description:
      'Whether the caller may change things in this area (for the business, or at least the program accounts in scope).',
  })
  edit: boolean;
}

@ObjectType({ description: 'The caller’s access to a business: what an app shows and what it hides.' })
export class BusinessAccess {
  @Field(() => [AreaAccess], { description: 'Every area, in the order of the access table.' })
  areas: AreaAccess[];

  @Field(() => [ID], {
    description:
      'The program accounts whose profile the caller may view (programAccount(id)): every one, or the scope of the caller’s role or relationship.',
  })
  programAccountIds: string[];

  // The app's account pickers label these ids; Business.programAccounts (PROGRAM_LIST) is denied to a
  // provider under program management, who may still view the profile (number, name) of each of these.
  @Field(() => [ProgramAccountSummary], {
    description:
      'The same program accounts as programAccountIds, with their number and name, in account number order.',
  })
  programAccounts: ProgramAccountSummary[];
}

@Resolver(() => BusinessNode)
export class BusinessAccessResolver {
  @FieldResolver(() => BusinessAccess, {
    description: 'The caller’s own access to this business, from the access table (docs/access-model.md).',
  })
  async viewerAccess(@Root() node: BusinessNode, @Ctx() ctx: AppContext): Promise<BusinessAccess> {
    const standing = await ctx.access.standing(node.id);
    const owner = { businessId: node.id };
    const areas = Object.values(AccessArea).map((area) => ({
      area,
      view:
        visibleScope(standing, area, AccessAction.VIEW) === 'ALL' ||
        decideAccess(standing, area, AccessAction.VIEW, owner),
      edit: decideAccess(standing, area, AccessAction.EDIT, owner),
    }));
    const business = await businessLoaders(ctx).business.load(node.id);
    const accounts = business
      ? await businessLoaders(ctx).programAccountsOfRegistryBusiness.load(business.registryBusinessId)
      : [];
    const scope = visibleScope(standing, AccessArea.PROGRAM_PROFILE, AccessAction.VIEW);
    const visible = accounts.filter((a) => scope === 'ALL' || scope.has(a.id));
    return {
      areas,
      programAccountIds: visible.map((a) => a.id),
      programAccounts: visible.map((a) => ({ id: a.id, accountNumber: a.accountNumber, name: a.name })),
    };
  }
}
