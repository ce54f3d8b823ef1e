import { ArgsType, Field, Int } from 'type-graphql';

/**
 * The arguments of every connection field: `first` (1 to 100, default 25; outside it BAD_USER_INPUT with
 * reason PAGE_SIZE_OUT_OF_RANGE, checked by `pageSize`) and `after`, the `endCursor` of the previous page.
 */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, defaultValue: 25, description: 'How many to read: 1 to 100.' })
  first: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'The `endCursor` of the previous page; omit for the first page.',
  })
  after: string | null;
}
