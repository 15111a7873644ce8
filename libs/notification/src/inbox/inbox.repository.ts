import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, IsNull, type Repository } from 'typeorm';
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

  /** Marks one of the person's own items read; returns false when they have no such item. */
  async markRead(id: string, recipientId: string, at: Date): Promise<Notification | null> {
    const item = await this.repository.findOneBy({ id, recipientId });
    if (!item) return null;
    if (!item.readAt) {
      await this.repository.update({ id, recipientId, readAt: IsNull() }, { readAt: at });
      return (await this.repository.findOneBy({ id, recipientId })) ?? item;
    }
    return item;
  }

  async deleteOf(recipientId: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(Notification).delete({ recipientId });
  }
}
