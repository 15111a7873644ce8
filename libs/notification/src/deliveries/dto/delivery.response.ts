import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '@academy/platform';
import {
  DELIVERY_STATUSES,
  type DeliveryStatus,
  MESSAGE_KINDS,
  type MessageKind,
} from '../../notification.constants';
import type { Delivery } from '../delivery.entity';

export class DeliveryQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: DeliveryStatus;
}

/** One line of the delivery log (what was said is not shown: it may name people and places). */
export class DeliveryResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ description: 'What makes the message unique, e.g. `<eventId>:<recipientId>:<kind>`.' })
  dedupKey!: string;

  @ApiProperty({ format: 'uuid' })
  recipientId!: string;

  @ApiProperty({ enum: MESSAGE_KINDS })
  kind!: MessageKind;

  @ApiProperty({ enum: ['nl', 'fy', 'en'] })
  locale!: string;

  @ApiProperty({ enum: DELIVERY_STATUSES })
  status!: DeliveryStatus;

  @ApiProperty({ description: 'SMTP attempts since it was queued or last retried.' })
  attempts!: number;

  @ApiProperty({ description: 'Times an administrator retried it.' })
  retries!: number;

  @ApiProperty({ type: String, nullable: true, description: 'Why the last attempt failed.' })
  lastError!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  nextAttemptAt!: string | null;

  @ApiProperty({ format: 'date-time' })
  queuedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  sentAt!: string | null;

  @ApiProperty({ type: String, nullable: true })
  messageId!: string | null;

  static of(row: Delivery): DeliveryResponse {
    return {
      id: row.id,
      dedupKey: row.dedupKey,
      recipientId: row.recipientId,
      kind: row.kind,
      locale: row.locale,
      status: row.status,
      attempts: row.attempts,
      retries: row.retries,
      lastError: row.lastError,
      nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
      queuedAt: row.queuedAt.toISOString(),
      sentAt: row.sentAt?.toISOString() ?? null,
      messageId: row.messageId,
    };
  }
}

export class DeliveryPage {
  @ApiProperty({ type: [DeliveryResponse], description: 'Newest first.' })
  items!: DeliveryResponse[];

  @ApiProperty()
  total!: number;

  @ApiProperty()
  page!: number;

  @ApiProperty()
  pageSize!: number;
}
