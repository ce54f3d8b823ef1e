import { Arg, Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { type AppContext } from '../../app/context.js';
import { pageSize } from '../../common/graphql/connection.js';
import { RegistryBusiness } from './registry-business.entity.js';

@ObjectType({
  description: 'A customs broker licensed by the agency, as the business registry lists it. Public.',
})
export class LicensedCustomsBroker {
  @Field(() => String, { description: 'The broker’s business number (BN9).' })
  businessNumber: string;

  @Field(() => String, { description: 'The broker’s legal name, as on record.' })
  legalName: string;

  @Field(() => String, { description: 'The broker’s operating name; empty when it has none.' })
  operatingName: string;
}

/** `%` and `_` typed by a person are letters to find, not patterns (`!` escapes alike on both drivers). */
function likeLiteral(text: string): string {
  return text.replace(/[!%_]/g, (c) => `!${c}`);
}

@Resolver()
export class LicensedBrokersResolver {
  @Query(() => [LicensedCustomsBroker], {
    description:
      'The list of licensed customs brokers shown to the public (seed 003 §1.2): service providers of kind ' +
      'CUSTOMS_BROKER in the registry, by legal name, at most `first` (1 to 100, 25 by default). `search` ' +
      'keeps those whose legal or operating name contains it, or whose business number starts with it. ' +
      'Needs no sign-in.',
  })
  async licensedCustomsBrokers(
    @Ctx() { dataSource }: AppContext,
    @Arg('search', () => String, { nullable: true, description: 'Part of a name, or the start of a BN9.' })
    search: string | null,
    @Arg('first', () => Int, { nullable: true, description: 'How many brokers, 1 to 100 (25 by default).' })
    first: number | null,
  ): Promise<LicensedCustomsBroker[]> {
    const size = pageSize(first);
    const query = dataSource
      .getRepository(RegistryBusiness)
      .createQueryBuilder('b')
      .where('b.is_service_provider = :yes AND b.service_provider_kind = :kind', {
        yes: true,
        kind: 'CUSTOMS_BROKER',
      })
      .orderBy('b.legal_name', 'ASC')
      .addOrderBy('b.id', 'ASC')
      .take(size);
    const text = search?.trim().slice(0, 175) ?? '';
    if (text) {
      const like = `%${likeLiteral(text.toLowerCase())}%`;
      query.andWhere(
        "(LOWER(b.legal_name) LIKE :like ESCAPE '!' OR LOWER(b.operating_name) LIKE :like ESCAPE '!' OR b.business_number LIKE :prefix ESCAPE '!')",
        { like, prefix: `${likeLiteral(text)}%` },
      );
    }
    const rows = await query.getMany();
    return rows.map((r) => ({
      businessNumber: r.businessNumber,
      legalName: r.legalName,
      operatingName: r.operatingName,
    }));
  }
}
