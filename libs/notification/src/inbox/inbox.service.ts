import { Injectable } from '@nestjs/common';
import { notFound, type PageQuery } from '@academy/platform';
import { NotificationPage, NotificationResponse } from './dto/notification.response';
import { InboxRepository } from './inbox.repository';

/** A person's own inbox: nobody reads or marks another's items (another's id is simply not found). */
@Injectable()
export class InboxService {
  constructor(private readonly inbox: InboxRepository) {}

  async mine(userId: string, query: PageQuery): Promise<NotificationPage> {
    const [[items, total], unread] = await Promise.all([
      this.inbox.pageOf(userId, query.page, query.pageSize),
      this.inbox.unreadCount(userId),
    ]);
    return {
      items: items.map((item) => NotificationResponse.of(item)),
      total,
      unread,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async markRead(userId: string, id: string, now = new Date()): Promise<NotificationResponse> {
    const item = await this.inbox.markRead(id, userId, now);
    if (!item) throw notFound('The notification');
    return NotificationResponse.of(item);
  }
}
