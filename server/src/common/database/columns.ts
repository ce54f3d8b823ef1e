import { Column } from 'typeorm';

// Column shapes that behave the same on SQLite and MySQL (docs/decisions/0005-migrations-two-drivers.md).

/** A varchar(36) UUID assigned in code. */
export function UuidColumn(name: string, options: { nullable?: boolean } = {}): PropertyDecorator {
  return Column({ name, type: 'varchar', length: 36, nullable: options.nullable ?? false });
}

/**
 * A point in time, microsecond precision on MySQL. The value is always set by the service from the
 * injectable clock (AppConfig.now), never by a database default, so tests can move time.
 */
export function InstantColumn(name: string, options: { nullable?: boolean } = {}): PropertyDecorator {
  return Column({ name, type: 'datetime', precision: 6, nullable: options.nullable ?? false });
}
