import { Entity, PrimaryColumn } from 'typeorm';
import type { MembershipRole } from '../account/dto/me.response';

/** A role a user holds in an organisation; one user may hold several. */
@Entity({ name: 'identity_memberships' })
export class Membership {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @PrimaryColumn({ name: 'organisation_id', type: 'varchar', length: 36 })
  organisationId!: string;

  @PrimaryColumn({ type: 'varchar', length: 20 })
  role!: MembershipRole;
}
