import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The notification context's copy of a user (from identity.user.*.v1): where to write and in which language.
 * An erased recipient keeps only the id and `erased`, so a late update cannot bring their address back.
 */
@Entity({ name: 'notification_recipients' })
export class Recipient {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email!: string | null;

  @Column({ name: 'display_name', type: 'varchar', length: 120, nullable: true })
  displayName!: string | null;

  @Column({ type: 'varchar', length: 2 })
  locale!: string;

  @Column({ type: 'boolean' })
  admin!: boolean;

  @Column({ type: 'boolean' })
  erased!: boolean;

  /** When identity made the snapshot applied (registeredAt / updatedAt / erasedAt); an older one is ignored. */
  @Column({ name: 'snapshot_at', type: 'datetime', precision: 3 })
  snapshotAt!: Date;
}

@Entity({ name: 'notification_recipient_memberships' })
export class RecipientMembership {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @PrimaryColumn({ name: 'organisation_id', type: 'varchar', length: 36 })
  organisationId!: string;

  @PrimaryColumn({ type: 'varchar', length: 12 })
  role!: 'volunteer' | 'trainer' | 'coordinator';
}
