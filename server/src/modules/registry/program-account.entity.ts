import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { RegistryBusiness } from './registry-business.entity.js';
import { AddressColumns, NullableCentsColumn } from './registry-columns.js';
import {
  type AccountStatus,
  type BillingType,
  type OwnerRole,
  type ProgramCode,
  type ProgramType,
} from './registry.types.js';

/** A program account of a registry business, e.g. 123456789RM0001 (BN9 + program code + 4 digits). */
@Entity('registry_program_account')
export class RegistryProgramAccount {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index({ unique: true })
  @Column({ name: 'account_number', type: 'varchar', length: 15 })
  accountNumber: string;

  // SQLite does not index foreign keys by itself; a business's program list filters on this.
  @Index()
  @Column({ name: 'business_id', type: 'varchar', length: 36 })
  businessId: string;

  @ManyToOne(() => RegistryBusiness, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'business_id' })
  business?: Relation<RegistryBusiness>;

  /** Characters 10-11 of the account number, kept in a column so program lists can filter on it. */
  @Column({ name: 'program_code', type: 'varchar', length: 2 })
  programCode: ProgramCode;

  @Column({ name: 'program_type', type: 'varchar', length: 24 })
  programType: ProgramType;

  @Column({ type: 'varchar', length: 175 })
  name: string;

  @Column({ type: 'varchar', length: 12 })
  status: AccountStatus;

  /** RM accounts only ('' otherwise); decides whether registration asks 2 or 3 questions (see BILLING_TYPES). */
  @Column({ name: 'billing_type', type: 'varchar', length: 20 })
  billingType: BillingType | '';

  /**
   * The financial security the agency requires of this RM account, in cents, when it set one for the account
   * (it overrides the agency's rule, RegistrySecurityRule); null otherwise (decision 0044).
   */
  @NullableCentsColumn('required_security_cents')
  requiredSecurityCents: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 6 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 6 })
  updatedAt: Date;
}

@Entity('registry_program_address')
@Index(['programAccountId', 'position'], { unique: true })
export class RegistryProgramAddress extends AddressColumns {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'program_account_id', type: 'varchar', length: 36 })
  programAccountId: string;

  @ManyToOne(() => RegistryProgramAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_account_id' })
  programAccount?: Relation<RegistryProgramAccount>;
}

@Entity('registry_program_contact')
@Index(['programAccountId', 'position'], { unique: true })
export class RegistryProgramContact {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'program_account_id', type: 'varchar', length: 36 })
  programAccountId: string;

  @ManyToOne(() => RegistryProgramAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_account_id' })
  programAccount?: Relation<RegistryProgramAccount>;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: 175 })
  name: string;

  // Optional parts are '' when absent (see registry-columns.ts).
  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ type: 'varchar', length: 25 })
  phone: string;

  @Column({ name: 'phone_extension', type: 'varchar', length: 10 })
  phoneExtension: string;

  @Column({ type: 'varchar', length: 254 })
  email: string;
}

@Entity('registry_program_owner')
@Index(['programAccountId', 'position'], { unique: true })
export class RegistryProgramOwner {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'program_account_id', type: 'varchar', length: 36 })
  programAccountId: string;

  @ManyToOne(() => RegistryProgramAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_account_id' })
  programAccount?: Relation<RegistryProgramAccount>;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: 175 })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  role: OwnerRole;
}

@Entity('registry_sub_program')
@Index(['programAccountId', 'position'], { unique: true })
export class RegistrySubProgram {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'program_account_id', type: 'varchar', length: 36 })
  programAccountId: string;

  @ManyToOne(() => RegistryProgramAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_account_id' })
  programAccount?: Relation<RegistryProgramAccount>;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: 10 })
  code: string;

  @Column({ type: 'varchar', length: 175 })
  name: string;
}
