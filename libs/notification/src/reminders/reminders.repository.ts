import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, LessThan, type Repository } from 'typeorm';
import { isDuplicateKey, locksRows } from '@academy/platform';
import { NOTIFICATION } from '../notification.constants';

import { Reminder, type ReminderStatus } from './reminder.entity';

/** Planned reminders: queries only. Every status change is conditional on `pending`, so no row is sent twice. */
@Injectable()
export class RemindersRepository {
  constructor(@InjectRepository(Reminder, NOTIFICATION) private readonly repository: Repository<Reminder>) {}

  ofEnrolment(enrolmentId: string, manager: EntityManager): Promise<Reminder[]> {
    return manager.getRepository(Reminder).findBy({ enrolmentId });
  }

  ofSession(sessionId: string, manager?: EntityManager): Promise<Reminder[]> {
    return (manager?.getRepository(Reminder) ?? this.repository).find({
      where: { sessionId },
      order: { dueAt: 'ASC', id: 'ASC' },
    });
  }

  /** Inserts a planned reminder; false when that slot (enrolment, meeting, offset) is already planned. */
  async insert(reminder: Reminder, manager: EntityManager): Promise<boolean> {
    try {
      await manager.getRepository(Reminder).insert(reminder);
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  async move(
    id: string,
    changes: Pick<Reminder, 'meetingStartsAt' | 'dueAt' | 'status' | 'sessionVersion'>,
    now: Date,
    manager: EntityManager,
  ): Promise<void> {
    await manager.getRepository(Reminder).update({ id }, { ...changes, updatedAt: now });
  }

  /** Forgets reminders not yet sent (an enrolment ended, a meeting went); sent ones stay as the record. */
  async deleteUnsent(
    where: { enrolmentId?: string; sessionId?: string; ids?: string[] },
    manager: EntityManager,
  ) {
    const repo = manager.getRepository(Reminder);
    if (where.ids && !where.ids.length) return;
    await repo.delete({
      ...(where.enrolmentId ? { enrolmentId: where.enrolmentId } : {}),
      ...(where.sessionId ? { sessionId: where.sessionId } : {}),
      ...(where.ids ? { id: In(where.ids) } : {}),
      status: In(['pending', 'dropped']),
    });
  }

  /**
   * Claims due reminders for this transaction. MariaDB: `FOR UPDATE SKIP LOCKED`, so replicas take different
   * rows and none waits for another. SQLite: transactions run one at a time; the conditional update in
   * `settle` is what keeps a row from being sent twice there.
   */
  claimDue(now: Date, limit: number, manager: EntityManager): Promise<Reminder[]> {
    const query = manager
      .getRepository(Reminder)
      .createQueryBuilder('r')
      .where('r.status = :status', { status: 'pending' })
      .andWhere('r.dueAt <= :now', { now })
      .orderBy('r.dueAt', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .limit(limit);
    if (locksRows(manager)) query.setLock('pessimistic_write').setOnLocked('skip_locked');
    return query.getMany();
  }

  /** pending → sent or dropped; false when someone else settled it first. */
  async settle(id: string, status: Exclude<ReminderStatus, 'pending'>, now: Date, manager: EntityManager) {
    const result = await manager
      .getRepository(Reminder)
      .update({ id, status: 'pending' }, { status, updatedAt: now });
    return (result.affected ?? 0) === 1;
  }

  /** Corrects a settled row (a reminder the person had switched off is recorded as dropped, not sent). */
  async mark(id: string, status: ReminderStatus, now: Date, manager: EntityManager): Promise<void> {
    await manager.getRepository(Reminder).update({ id }, { status, updatedAt: now });
  }

  /** Housekeeping: settled reminders of meetings long past. */
  async deleteSettledBefore(before: Date): Promise<void> {
    await this.repository.delete({ status: In(['sent', 'dropped']), meetingStartsAt: LessThan(before) });
  }
}
