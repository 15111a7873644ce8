import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Locale } from '../account/dto/me.response';

@Entity({ name: 'identity_users' })
export class User {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** Always stored lower-cased, so uniqueness does not depend on the database's collation. */
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 100 })
  displayName!: string;

  @Column({ type: 'varchar', length: 2, default: 'nl' })
  locale!: Locale;

  /** Academy staff. */
  @Column({ type: 'boolean', default: false })
  admin!: boolean;

  @Column({ type: 'boolean', default: false })
  disabled!: boolean;

  /** Part of every access token; bumping it ends every session of the user at once. */
  @Column({ name: 'session_version', type: 'int', default: 0 })
  sessionVersion!: number;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
