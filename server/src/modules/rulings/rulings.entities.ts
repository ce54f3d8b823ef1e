import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn, UuidColumn } from '../../common/database/columns.js';
import { type RulingStatus, type RulingType } from './rulings.types.js';

// Ruling requests (docs/rulings-and-documents.md): a business asks the agency for a ruling on goods, for one
// of its program accounts. The case number is what documents attach to. Ids are UUIDs assigned in code.

@Entity('ruling_request')
@Index('IDX_ruling_request_account_list', ['programAccountId', 'requestedAt', 'id'])
@Index('IDX_ruling_request_business_list', ['businessId', 'requestedAt', 'id'])
export class RulingRequest {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** The case number: 10 digits, unique across the portal (seed 003 §2.5: "no de cas 8000000683"). */
  @Index('UQ_ruling_request_case_number', { unique: true })
  @Column({ name: 'case_number', type: 'varchar', length: 10 })
  caseNumber: string;

  /** The portal business (business.id) the request is for. */
  @UuidColumn('business_id')
  businessId: string;

  /** The program account (registry_program_account.id) of that business. */
  @UuidColumn('program_account_id')
  programAccountId: string;

  @Column({ name: 'ruling_type', type: 'varchar', length: 30 })
  type: RulingType;

  @Column({ type: 'varchar', length: 40 })
  status: RulingStatus;

  @Column({ name: 'goods_description', type: 'varchar', length: 2000 })
  goodsDescription: string;

  /** The classification the requester proposes, `0000.00.00.00`; '' when none was given. */
  @Column({ name: 'tariff_classification', type: 'varchar', length: 13 })
  tariffClassification: string;

  @Column({ type: 'varchar', length: 2000 })
  questions: string;

  @UuidColumn('requested_by')
  requestedBy: string;

  @InstantColumn('requested_at')
  requestedAt: Date;

  @InstantColumn('updated_at')
  updatedAt: Date;

  /**
   * The agency's last word on the request, in both languages (decision 0046): the question asked
   * (INFORMATION_REQUESTED), the ruling given (ISSUED) or the reason it was closed (CLOSED); '' before.
   */
  @Column({ name: 'agency_note_en', type: 'varchar', length: 2000, default: '' })
  agencyNoteEn: string;

  @Column({ name: 'agency_note_fr', type: 'varchar', length: 2000, default: '' })
  agencyNoteFr: string;

  /** When the agency issued the ruling or closed the request; null while it is open. */
  @InstantColumn('decided_at', { nullable: true })
  decidedAt: Date | null;
}

export const rulingEntities = [RulingRequest];
