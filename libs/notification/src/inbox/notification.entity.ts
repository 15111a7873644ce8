import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MessageKind } from '../notification.constants';

/** An item of a person's in-app inbox, written beside the email in the recipient's language. */
@Entity({ name: 'notification_notifications' })
export class Notification {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'recipient_id', type: 'varchar', length: 36 })
  recipientId!: string;

  @Column({ name: 'delivery_id', type: 'varchar', length: 36, nullable: true })
  deliveryId!: string | null;

  @Column({ type: 'varchar', length: 40 })
  kind!: MessageKind;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  /** A path in the academy (`/my-trainings`), never an outside address. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  link!: string | null;

  @Column({ name: 'read_at', type: 'datetime', precision: 3, nullable: true })
  readAt!: Date | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;
}
