import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, IsNull, type Repository } from 'typeorm';
import { inTransaction } from '@academy/platform';
import { NOTIFICATION } from '../notification.constants';
import { Notification } from './notification.entity';

/** The in-app inbox: queries only. */
@Injectable()
export class InboxRepository {
  constructor(
    @InjectRepository(Notification, NOTIFICATION) private readonly repository: Repository<Notification>,
  ) {}

  async insert(item: Notification, manager: EntityManager): Promise<void> {
    await manager.getRepository(Notification).insert(item);
  }

  /** A person's items, unread first, newest first within each. */
  async pageOf(recipientId: string, page: number, pageSize: number): Promise<[Notification[], number]> {
    const query = this.repository
      .createQueryBuilder('n')
      .where('n.recipientId = :recipientId', { recipientId })
      .orderBy('CASE WHEN n.read_at IS NULL THEN 0 ELSE 1 END', 'ASC')
      .addOrderBy('n.createdAt', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .offset((page - 1) * pageSize)
      .limit(pageSize);
    return Promise.all([query.getMany(), this.repository.countBy({ recipientId })]);
  }

  unreadCount(recipientId: string): Promise<number> {
    return this.repository.countBy({ recipientId, readAt: IsNull() });
  }

  /**
   * Marks one of the person's own items read; null when they have no such item. In a transaction of its own:
   * on SQLite a bare UPDATE would otherwise join whatever transaction holds the shared connection.
   */
  markRead(id: string, recipientId: string, at: Date): Promise<Notification | null> {
    return inTransaction(this.repository.manager.connection, async (manager) => {
      const repo = manager.getRepository(Notification);
      const item = await repo.findOneBy({ id, recipientId });
      if (!item || item.readAt) return item;
      await repo.update({ id, recipientId }, { readAt: at });
      return { ...item, readAt: at };
    });
  }

  async deleteOf(recipientId: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(Notification).delete({ recipientId });
  }
}
