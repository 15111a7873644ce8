import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'catalogue_meetings' })
export class Meeting {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'session_id', type: 'varchar', length: 36 })
  sessionId!: string;

  @Column({ name: 'starts_at', type: 'datetime', precision: 3 })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'datetime', precision: 3 })
  endsAt!: Date;

  @Column({ name: 'location_name', type: 'varchar', length: 150 })
  locationName!: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  place!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  address!: string | null;

  @Column({ type: 'boolean', default: false })
  online!: boolean;

  @Column({ type: 'varchar', length: 500, nullable: true })
  url!: string | null;
}
