import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DeliveryStatus, MessageKind, OptionalKind } from '../notification.constants';

/** What to attach: the session's calendar entries, built at send time from the parameters. */
export interface AttachmentSpec {
  type: 'invitation' | 'cancellation';
}

/**
 * One message to one person: the outbox of email and its delivery log. Written in the transaction of the
 * event that causes it, unique on `dedupKey`, so an event handled twice (or a reminder planned twice) gives
 * one row — and one email, because a row is sent at most once (see DeliveryWorker).
 */
@Entity({ name: 'notification_deliveries' })
export class Delivery {
  /** Time-ordered UUID v7; the BullMQ job id (no `:` in it). */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** e.g. `<eventId>:<recipientId>:<kind>`, or `<reminderId>:<meetingStartsAt>` for a reminder. */
  @Column({ name: 'dedup_key', type: 'varchar', length: 200 })
  dedupKey!: string;

  @Column({ name: 'recipient_id', type: 'varchar', length: 36 })
  recipientId!: string;

  @Column({ type: 'varchar', length: 40 })
  kind!: MessageKind;

  /** The language it was (or will be) written in: the recipient's at send time. */
  @Column({ type: 'varchar', length: 2 })
  locale!: string;

  /** What the template needs; null once the recipient is erased (their names and places are forgotten). */
  @Column({ type: 'simple-json', nullable: true })
  params!: Record<string, unknown> | null;

  @Column({ type: 'simple-json', nullable: true })
  attachment!: AttachmentSpec | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  optional!: OptionalKind | null;

  @Column({ type: 'varchar', length: 10 })
  status!: DeliveryStatus;

  /** SMTP attempts since the last (admin) retry. */
  @Column({ type: 'int' })
  attempts!: number;

  /** Admin retries; part of the job id, so a retried row gets a fresh BullMQ job. */
  @Column({ type: 'int' })
  retries!: number;

  /** Why the last attempt failed (the SMTP server's answer), for the delivery log. */
  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError!: string | null;

  /**
   * queued/failed: not before then (the dispatcher hands it over and pushes this out by a lease);
   * sending: the lease — past it, the worker is presumed dead and the row is tried again.
   */
  @Column({ name: 'next_attempt_at', type: 'datetime', precision: 3, nullable: true })
  nextAttemptAt!: Date | null;

  @Column({ name: 'queued_at', type: 'datetime', precision: 3 })
  queuedAt!: Date;

  @Column({ name: 'sent_at', type: 'datetime', precision: 3, nullable: true })
  sentAt!: Date | null;

  /** The Message-ID the SMTP server accepted. */
  @Column({ name: 'message_id', type: 'varchar', length: 255, nullable: true })
  messageId!: string | null;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
