import { setTimeout as sleep } from 'node:timers/promises';
import { Arg, Ctx, Field, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { type AppContext } from '../../src/app/context.js';
import { AppError, ErrorCode } from '../../src/common/errors/app-error.js';
import { UserError } from '../../src/common/graphql/user-error.type.js';

@ObjectType()
class RenamePayload {
  @Field(() => String, { nullable: true })
  name: string | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}

/**
 * Resolvers that exist only in tests, to drive the HTTP and error contract through real requests: an
 * unexpected failure, a deliberate AppError, a database round trip, a slow request and a mutation with
 * user errors.
 */
@Resolver()
export class ContractTestResolver {
  @Query(() => String)
  unexpectedFailure(): string {
    throw new Error('SELECT secret_column FROM internal_table; password=hunter2');
  }

  @Query(() => String)
  forbiddenThing(): string {
    throw new AppError(ErrorCode.FORBIDDEN, 'errors.forbidden');
  }

  @Query(() => Int)
  async databaseRoundTrip(@Ctx() { dataSource }: AppContext): Promise<number> {
    const rows: Array<{ one: number | string }> = await dataSource.query('SELECT 1 AS one');
    return Number(rows[0]?.one);
  }

  @Mutation(() => Int)
  async databaseWrite(@Ctx() { dataSource }: AppContext): Promise<number> {
    // A write that changes nothing still needs the database's write lock.
    await dataSource.query("UPDATE migrations SET name = name WHERE name = 'none'");
    return 1;
  }

  @Query(() => String)
  async slow(@Arg('ms', () => Int) ms: number): Promise<string> {
    await sleep(ms);
    return 'done';
  }

  @Mutation(() => RenamePayload)
  rename(@Arg('name', () => String) name: string, @Ctx() { t }: AppContext): RenamePayload {
    if (name.length > 5) {
      return {
        name: null,
        userErrors: [
          {
            field: ['name'],
            code: 'TOO_LONG',
            message: t('validation.tooLong', { field: 'name', max: 5 }),
          },
        ],
      };
    }
    return { name, userErrors: [] };
  }
}
