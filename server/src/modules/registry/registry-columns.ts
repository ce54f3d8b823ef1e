import { Column, type ValueTransformer } from 'typeorm';
import { type AddressType } from './registry.types.js';

// Registry columns are all NOT NULL, and an absent optional text is stored as '': the exact comparisons of
// registration are simpler when an empty form field equals an empty record field.

// mysql2 returns BIGINT as a string (supportBigNumbers) while SQLite returns a number: read both as a
// number. Cents stay exact up to Number.MAX_SAFE_INTEGER (about 90 trillion dollars).
const centsTransformer: ValueTransformer = {
  to: (value: number | undefined) => value,
  from: (value: string | number) => Number(value),
};

/** A money column: signed integer cents in a BIGINT, read back as a number on both drivers. */
export function CentsColumn(name: string): PropertyDecorator {
  return Column({ name, type: 'bigint', transformer: centsTransformer });
}

const nullableCentsTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};

/** A money column that may be empty (null): signed integer cents in a nullable BIGINT. */
export function NullableCentsColumn(name: string): PropertyDecorator {
  return Column({ name, type: 'bigint', nullable: true, transformer: nullableCentsTransformer });
}

/**
 * A calendar date held as a 'YYYY-MM-DD' string. `utc` makes TypeORM format the Date that mysql2 builds
 * (at UTC midnight, the connection's timezone being 'Z') with UTC getters, so a non-UTC process zone such
 * as America/Toronto does not shift it to the previous day.
 */
export function DateOnlyColumn(name: string): PropertyDecorator {
  return Column({ name, type: 'date', utc: true });
}

/**
 * The columns of an address on record, shared by business and program account addresses. Registration
 * compares line 1, line 2, PO box / rural route and country exactly; city, province/state and postal
 * code are kept for display. Optional parts are '' when absent.
 */
export abstract class AddressColumns {
  /** Zero-based order in the import file; child lists are replaced position by position. */
  @Column({ type: 'int' })
  position: number;

  @Column({ name: 'address_type', type: 'varchar', length: 20 })
  addressType: AddressType;

  @Column({ type: 'varchar', length: 100 })
  line1: string;

  @Column({ type: 'varchar', length: 100 })
  line2: string;

  /** PO box or rural route, e.g. "PO Box 123" or "RR 2". */
  @Column({ name: 'po_box', type: 'varchar', length: 40 })
  poBox: string;

  @Column({ type: 'varchar', length: 60 })
  city: string;

  @Column({ name: 'province_state', type: 'varchar', length: 50 })
  provinceState: string;

  @Column({ name: 'postal_code', type: 'varchar', length: 12 })
  postalCode: string;

  /** ISO 3166-1 alpha-2. */
  @Column({ type: 'varchar', length: 2 })
  country: string;
}
