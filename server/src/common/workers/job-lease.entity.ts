import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../database/columns.js';

/**
 * One row per scheduled job (table job_lease): when its next run is due, and which process holds its run
 * now and until when (job-runner.ts, decision 0027). In the database, so SQLite and MySQL alike: N processes
 * on one database run each due run once.
 */
@Entity('job_lease')
export class JobLease {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  name: string;

  /** The run's random token while a process holds it; null between runs. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  owner: string | null;

  /** Past this, a run not finished is taken to have died with its process: another may take the job. */
  @InstantColumn('lease_until', { nullable: true })
  leaseUntil: Date | null;

  /** The next run is due at or after this. */
  @InstantColumn('next_run_at')
  nextRunAt: Date;

  @InstantColumn('last_started_at', { nullable: true })
  lastStartedAt: Date | null;

  @InstantColumn('last_finished_at', { nullable: true })
  lastFinishedAt: Date | null;

  /** Runs finished so far (a run that died is not counted). */
  @Column({ type: 'int', default: 0 })
  runs: number;
}
