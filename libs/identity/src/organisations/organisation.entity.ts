import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A volunteer organisation; people join it with its join code. */
@Entity({ name: 'identity_organisations' })
export class Organisation {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Column({ name: 'join_code', type: 'varchar', length: 8 })
  joinCode!: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;
}
