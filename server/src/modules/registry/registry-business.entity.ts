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
import { AddressColumns } from './registry-columns.js';
import { type BusinessType, type ServiceProviderKind } from './registry.types.js';

/**
 * A business as the revenue agency's business registry knows it. Reference data only: the portal reads it
 * to validate registrations and never edits it; the import file is its only writer.
 */
@Entity('registry_business')
export class RegistryBusiness {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** BN9: nine digits. */
  @Index({ unique: true })
  @Column({ name: 'business_number', type: 'varchar', length: 9 })
  businessNumber: string;

  /** Exactly as on record, punctuation included; a sole proprietor's legal name is the person's name. */
  @Column({ name: 'legal_name', type: 'varchar', length: 175 })
  legalName: string;

  /** '' when the business has none. */
  @Column({ name: 'operating_name', type: 'varchar', length: 175 })
  operatingName: string;

  @Column({ name: 'business_type', type: 'varchar', length: 24 })
  businessType: BusinessType;

  @Column({ name: 'is_sole_proprietor', type: 'boolean' })
  isSoleProprietor: boolean;

  @Column({ name: 'is_service_provider', type: 'boolean' })
  isServiceProvider: boolean;

  /** Set exactly when `isServiceProvider` is true, '' otherwise. */
  @Column({ name: 'service_provider_kind', type: 'varchar', length: 24 })
  serviceProviderKind: ServiceProviderKind | '';

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 6 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 6 })
  updatedAt: Date;
}

/** One of a business's addresses on record (1..n per business), in the order of the import file. */
@Entity('registry_business_address')
@Index(['businessId', 'position'], { unique: true })
export class RegistryBusinessAddress extends AddressColumns {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'business_id', type: 'varchar', length: 36 })
  businessId: string;

  @ManyToOne(() => RegistryBusiness, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'business_id' })
  business?: Relation<RegistryBusiness>;
}
