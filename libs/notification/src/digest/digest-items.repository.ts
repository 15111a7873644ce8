import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { isDuplicateKey, locksRows } from '@academy/platform';
import { NOTIFICATION } from '../notification.constants';

import { DigestItem } from './digest-item.entity';

/** Pending digest items: queries only. */
@Injectable()
export class DigestItemsRepository {
  constructor(
    @InjectRepository(DigestItem, NOTIFICATION) private readonly repository: Repository<DigestItem>,
  ) {}

  async add(item: DigestItem, manager: EntityManager): Promise<void> {
    try {
      await manager.getRepository(DigestItem).insert(item);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }

  async removeFlag(flagId: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(DigestItem).delete({ flagId });
  }

  async removeVolunteer(volunteerId: string, organisationId: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(DigestItem).delete({ volunteerId, organisationId });
  }

  /** The coordinators with something waiting for their digest. */
  async coordinatorsWaiting(): Promise<string[]> {
    const rows = await this.repository
      .createQueryBuilder('i')
      .select('DISTINCT i.coordinator_id', 'coordinatorId')
      .orderBy('i.coordinator_id', 'ASC')
      .getRawMany<{ coordinatorId: string }>();
    return rows.map((row) => row.coordinatorId);
  }

  /**
   * A coordinator's items, locked for this transaction on MariaDB: a second scheduler waits, then finds them
   * gone. (SQLite runs one transaction at a time.)
   */
  takeFor(coordinatorId: string, manager: EntityManager): Promise<DigestItem[]> {
    const query = manager
      .getRepository(DigestItem)
      .createQueryBuilder('i')
      .where('i.coordinatorId = :coordinatorId', { coordinatorId })
      .orderBy('i.raisedAt', 'ASC')
      .addOrderBy('i.flagId', 'ASC');
    if (locksRows(manager)) query.setLock('pessimistic_write');
    return query.getMany();
  }

  async removeFor(coordinatorId: string, flagIds: string[], manager: EntityManager): Promise<void> {
    for (const flagId of flagIds) await manager.getRepository(DigestItem).delete({ coordinatorId, flagId });
  }

  pendingFor(coordinatorId: string): Promise<DigestItem[]> {
    return this.repository.find({ where: { coordinatorId }, order: { raisedAt: 'ASC' } });
  }
}
