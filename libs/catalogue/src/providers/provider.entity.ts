import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A partner organisation whose courses the academy bundles. */
@Entity({ name: 'catalogue_providers' })
export class Provider {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  website!: string | null;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;
}
