import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { isDuplicateKey } from '@academy/platform';
import { NOTIFICATION } from '../notification.constants';

import { NotificationSession } from '../sessions/session.entity';
import { RosterSent } from './roster-sent.entity';

/** Sessions with a meeting coming up, and the rosters already sent: queries only. */
@Injectable()
export class RosterRepository {
  constructor(
    @InjectRepository(NotificationSession, NOTIFICATION)
    private readonly sessions: Repository<NotificationSession>,
    @InjectRepository(RosterSent, NOTIFICATION) private readonly sent: Repository<RosterSent>,
  ) {}

  /** Sessions not cancelled with a meeting between now and `until` (or running across it). */
  upcoming(now: Date, until: Date): Promise<NotificationSession[]> {
    return this.sessions
      .createQueryBuilder('s')
      .where('s.status <> :cancelled', { cancelled: 'cancelled' })
      .andWhere('s.firstStartsAt <= :until', { until })
      .andWhere('s.lastEndsAt > :now', { now })
      .orderBy('s.firstStartsAt', 'ASC')
      .getMany();
  }

  wasSent(meetingId: string, meetingStartsAt: Date): Promise<boolean> {
    return this.sent.existsBy({ meetingId, meetingStartsAt });
  }

  /** Records the roster as sent; false when another replica got there first. */
  async claim(row: RosterSent, manager: EntityManager): Promise<boolean> {
    try {
      await manager.getRepository(RosterSent).insert(row);
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }
}
