import { type DataSource, type EntityMetadata } from 'typeorm';

type ColumnMetadata = EntityMetadata['columns'][number];

/**
 * Runs SQL written with named parameters (`:name`, `:...list`), as query builders take them, for statements
 * they cannot build (a UNION, a derived table): the driver turns the names into its placeholders and dates
 * into its datetime text, exactly as for a query builder's parameters.
 */
export function queryNamed<T>(
  dataSource: DataSource,
  sql: string,
  params: Record<string, unknown>,
): Promise<T> {
  const [text, values] = dataSource.driver.escapeQueryWithParameters(sql, params);
  return dataSource.query<T>(text, values);
}

type EntityClass<T> = new () => T;

/** `alias.column AS prefixcolumn, …` for every column of an entity: a raw SELECT that `hydrate` reads back. */
export function entityColumns<T>(
  dataSource: DataSource,
  entity: EntityClass<T>,
  alias: string,
  prefix: string,
) {
  return dataSource
    .getMetadata(entity)
    .columns.map((column) => `${alias}.${column.databaseName} AS ${prefix}${column.databaseName}`)
    .join(', ');
}

/** How hydrate reads one entity under one prefix: each column's key in the row, worked out once. */
interface HydratePlan {
  primaryKeys: string[];
  columns: Array<{ key: string; property: string; column: ColumnMetadata }>;
}

const plans = new WeakMap<DataSource, Map<EntityClass<unknown>, Map<string, HydratePlan>>>();

function hydratePlan<T>(dataSource: DataSource, entity: EntityClass<T>, prefix: string): HydratePlan {
  let byEntity = plans.get(dataSource);
  if (!byEntity) plans.set(dataSource, (byEntity = new Map()));
  let byPrefix = byEntity.get(entity);
  if (!byPrefix) byEntity.set(entity, (byPrefix = new Map()));
  let plan = byPrefix.get(prefix);
  if (!plan) {
    const metadata = dataSource.getMetadata(entity);
    plan = {
      primaryKeys: metadata.primaryColumns.map((column) => `${prefix}${column.databaseName}`),
      columns: metadata.columns.map((column) => ({
        key: `${prefix}${column.databaseName}`,
        property: column.propertyName,
        column,
      })),
    };
    byPrefix.set(prefix, plan);
  }
  return plan;
}

/**
 * The entity a raw row holds under `prefix` (see entityColumns), its values converted as the driver converts
 * a query builder's (dates, booleans); null when the row has none (an outer join that matched nothing). The
 * row's keys are worked out once per entity and prefix (a page of 100 rows read 30 columns each).
 */
export function hydrate<T>(
  dataSource: DataSource,
  entity: EntityClass<T>,
  row: Record<string, unknown>,
  prefix: string,
): T | null {
  const plan = hydratePlan(dataSource, entity, prefix);
  for (const key of plan.primaryKeys) if (row[key] == null) return null;
  const value = new entity() as Record<string, unknown>;
  const { driver } = dataSource;
  for (const { key, property, column } of plan.columns)
    value[property] = driver.prepareHydratedValue(row[key], column);
  return value as T;
}
