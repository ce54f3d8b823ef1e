import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, type Relation } from 'typeorm';
import { InstantColumn } from '../../common/database/columns.js';
import type { User } from '../users/user.entity.js';

/**
 * The recovery questions of a LOCAL credential. The answer, memorable person and memorable date are stored
 * as argon2id hashes of their normalised form (case folded, spaces collapsed, accents kept); the hints are
 * shown to whoever asks for the username's recovery challenge, so they are kept as typed.
 */
@Entity('credential_recovery')
export class CredentialRecovery {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @OneToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ name: 'question_id', type: 'varchar', length: 40 })
  questionId: string;

  @Column({ name: 'answer_hash', type: 'varchar', length: 128 })
  answerHash: string;

  @Column({ name: 'memorable_person_hash', type: 'varchar', length: 128 })
  memorablePersonHash: string;

  @Column({ name: 'memorable_person_hint', type: 'varchar', length: 100, nullable: true })
  memorablePersonHint: string | null;

  @Column({ name: 'memorable_date_hash', type: 'varchar', length: 128 })
  memorableDateHash: string;

  @Column({ name: 'memorable_date_hint', type: 'varchar', length: 100, nullable: true })
  memorableDateHint: string | null;

  @InstantColumn('updated_at')
  updatedAt: Date;
}
