import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { FlagLevel } from '@academy/contracts';

/**
 * A raised flag waiting for one coordinator's next digest. Deleted when the digest is written, and at once when
 * the flag closes or the volunteer objects to sharing — so an objecting volunteer never appears in a digest.
 */
@Entity({ name: 'notification_digest_items' })
export class DigestItem {
  @PrimaryColumn({ name: 'coordinator_id', type: 'varchar', length: 36 })
  coordinatorId!: string;

  @PrimaryColumn({ name: 'flag_id', type: 'varchar', length: 36 })
  flagId!: string;

  @Column({ name: 'organisation_id', type: 'varchar', length: 36 })
  organisationId!: string;

  @Column({ name: 'volunteer_id', type: 'varchar', length: 36 })
  volunteerId!: string;

  @Column({ type: 'varchar', length: 5 })
  level!: FlagLevel;

  /** The rules that fired (`VOL-1`); never a score. */
  @Column({ name: 'rule_codes', type: 'simple-json' })
  ruleCodes!: string[];

  @Column({ name: 'raised_at', type: 'datetime', precision: 3 })
  raisedAt!: Date;
}
