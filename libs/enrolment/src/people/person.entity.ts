import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The enrolment context's copy of a user (from identity.user.*.v1): a name for rosters, a locale, and the
 * memberships that decide who may act for whom. No email: this context never writes to people.
 * An erased person keeps only the id and `erased`, so a late update cannot bring them back.
 */
@Entity({ name: 'enrolment_people' })
export class Person {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 120 })
  displayName!: string;

  @Column({ type: 'varchar', length: 2 })
  locale!: string;

  @Column({ type: 'boolean' })
  admin!: boolean;

  @Column({ type: 'boolean' })
  erased!: boolean;

  /** When identity made the snapshot applied (registeredAt / updatedAt); an older one is ignored. */
  @Column({ name: 'snapshot_at', type: 'datetime', precision: 3 })
  snapshotAt!: Date;
}

@Entity({ name: 'enrolment_memberships' })
export class PersonMembership {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @PrimaryColumn({ name: 'organisation_id', type: 'varchar', length: 36 })
  organisationId!: string;

  @PrimaryColumn({ type: 'varchar', length: 12 })
  role!: 'volunteer' | 'trainer' | 'coordinator';
}
