import { type DataSource } from 'typeorm';

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

/**
 * The entity a raw row holds under `prefix` (see entityColumns), its values converted as the driver converts
 * a query builder's (dates, booleans); null when the row has none (an outer join that matched nothing).
 */
export function hydrate<T>(
  dataSource: DataSource,
  entity: EntityClass<T>,
  row: Record<string, unknown>,
  prefix: string,
): T | null {
  const metadata = dataSource.getMetadata(entity);
  if (metadata.primaryColumns.some((column) => row[`${prefix}${column.databaseName}`] == null)) return null;
  const value = new entity() as Record<string, unknown>;
  for (const column of metadata.columns)
    value[column.propertyName] = dataSource.driver.prepareHydratedValue(
      row[`${prefix}${column.databaseName}`],
      column,
    );
  return value as T;
}
