import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn, UuidColumn } from '../../common/database/columns.js';

/**
 * A bulletin an agency officer posted on the public bulletins page (seed 003 §1.2), in both languages.
 * Append-only: no code updates or deletes a row, so each row is also the audit record of the post (who
 * posted it and when; decision 0037). Ids are time-ordered.
 */
@Entity('bulletin')
@Index('IDX_bulletin_list', ['postedAt', 'id'])
export class Bulletin {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'title_en', type: 'varchar', length: 200 })
  titleEn: string;

  @Column({ name: 'title_fr', type: 'varchar', length: 200 })
  titleFr: string;

  @Column({ name: 'body_en', type: 'text' })
  bodyEn: string;

  @Column({ name: 'body_fr', type: 'text' })
  bodyFr: string;

  @InstantColumn('posted_at')
  postedAt: Date;

  /** The officer who posted it. */
  @UuidColumn('posted_by')
  postedBy: string;
}
