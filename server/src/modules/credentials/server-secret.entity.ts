import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../../common/database/columns.js';

/**
 * Random secrets the server generates once and keeps, so that every process and every restart derives the
 * same values (e.g. the recovery question shown for an unknown username). AUTH_SECRET overrides it.
 */
@Entity('server_secret')
export class ServerSecret {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  name: string;

  @Column({ type: 'varchar', length: 128 })
  value: string;

  @InstantColumn('created_at')
  createdAt: Date;
}
