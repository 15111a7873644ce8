import { ApiProperty } from '@nestjs/swagger';
import { MESSAGE_KINDS, type MessageKind } from '../../notification.constants';
import type { Notification } from '../notification.entity';

export class NotificationResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: MESSAGE_KINDS })
  kind!: MessageKind;

  @ApiProperty({
    example: 'Ingeschreven: Grenzen stellen als mantelzorger',
    description: 'In your language.',
  })
  title!: string;

  @ApiProperty({ example: 'Je hebt een plek. De eerste bijeenkomst is op donderdag 3 december om 19:30.' })
  body!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '/my/trainings',
    description: 'A page of the academy.',
  })
  link!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readAt!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  static of(item: Notification): NotificationResponse {
    return {
      id: item.id,
      kind: item.kind,
      title: item.title,
      body: item.body,
      link: item.link,
      readAt: item.readAt?.toISOString() ?? null,
      createdAt: item.createdAt.toISOString(),
    };
  }
}

export class NotificationPage {
  @ApiProperty({ type: [NotificationResponse], description: 'Unread first, newest first within each.' })
  items!: NotificationResponse[];

  @ApiProperty()
  total!: number;

  @ApiProperty({ description: 'How many of all your items are unread.' })
  unread!: number;

  @ApiProperty()
  page!: number;

  @ApiProperty()
  pageSize!: number;
}
