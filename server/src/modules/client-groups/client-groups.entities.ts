import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn, UuidColumn } from '../../common/database/columns.js';

// A service provider's organization of its clients (docs/relationships.md, "Client groups and assignments").

/** A named group of a provider's clients. Deleting is soft (deleted_at), and a deleted group keeps its name. */
@Entity('client_group')
@Index('UQ_client_group_name', ['providerBusinessId', 'nameKey'], { unique: true })
export class ClientGroup {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @UuidColumn('provider_business_id')
  providerBusinessId: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  /**
   * The name compared for uniqueness: trimmed, spaces collapsed, lower case and without accents, so that both
   * drivers agree (MySQL's utf8mb4_unicode_ci would already ignore case and accents, SQLite would not).
   */
  @Column({ name: 'name_key', type: 'varchar', length: 100 })
  nameKey: string;

  @InstantColumn('created_at')
  createdAt: Date;

  @InstantColumn('deleted_at', { nullable: true })
  deletedAt: Date | null;
}

/** A client (business.id) in a group. */
@Entity('client_group_member')
@Index('IDX_client_group_member_client', ['clientBusinessId'])
export class ClientGroupMember {
  @PrimaryColumn({ name: 'group_id', type: 'varchar', length: 36 })
  groupId: string;

  @PrimaryColumn({ name: 'client_business_id', type: 'varchar', length: 36 })
  clientBusinessId: string;
}

/** A provider's employee assigned to one client, or to a group of clients: exactly one of the two is set. */
@Entity('employee_assignment')
@Index('IDX_employee_assignment_provider_user', ['providerBusinessId', 'userId'])
// Per provider: a person who works for two providers may be assigned to the same client by each.
@Index('UQ_employee_assignment_provider_client', ['providerBusinessId', 'userId', 'clientBusinessId'], {
  unique: true,
})
@Index('UQ_employee_assignment_group', ['userId', 'clientGroupId'], { unique: true })
// The pages of a group's assignees and of a provider's assignments, oldest first (docs/decisions/0033).
@Index('IDX_employee_assignment_group_time', ['clientGroupId', 'createdAt', 'id'])
@Index('IDX_employee_assignment_provider_time', ['providerBusinessId', 'createdAt', 'id'])
export class EmployeeAssignment {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @UuidColumn('provider_business_id')
  providerBusinessId: string;

  @UuidColumn('user_id')
  userId: string;

  @UuidColumn('client_business_id', { nullable: true })
  clientBusinessId: string | null;

  @UuidColumn('client_group_id', { nullable: true })
  clientGroupId: string | null;

  @InstantColumn('created_at')
  createdAt: Date;

  @UuidColumn('created_by')
  createdBy: string;
}

export const clientGroupEntities = [ClientGroup, ClientGroupMember, EmployeeAssignment];
