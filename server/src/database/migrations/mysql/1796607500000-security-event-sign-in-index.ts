// Written by hand (one index); `npm run migration:generate` finds nothing left to generate. Do not edit once released.
import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** A person's last successful sign-in, read by every sign-in (decision 0035): one index entry, not a scan. */
export class Migration implements MigrationInterface {
  name = 'SecurityEventSignInIndex1796607500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE INDEX `IDX_security_event_user_type_time` ON `security_event` (`user_id`, `event_type`, `occurred_at`)",
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_security_event_user_type_time` ON `security_event`");
  }
}
