import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, type Repository } from 'typeorm';
import { CATALOGUE } from '../catalogue.constants';
import { SeatCount } from './seat-count.entity';

@Injectable()
export class SeatsRepository {
  constructor(@InjectRepository(SeatCount, CATALOGUE) private readonly repository: Repository<SeatCount>) {}

  private repo(manager?: EntityManager): Repository<SeatCount> {
    return manager ? manager.getRepository(SeatCount) : this.repository;
  }

  async of(sessionIds: string[], manager?: EntityManager): Promise<Map<string, SeatCount>> {
    if (!sessionIds.length) return new Map();
    const rows = await this.repo(manager).findBy({ sessionId: In(sessionIds) });
    return new Map(rows.map((row) => [row.sessionId, row]));
  }

  find(sessionId: string, manager?: EntityManager): Promise<SeatCount | null> {
    return this.repo(manager).findOneBy({ sessionId });
  }

  /**
   * Stores the counts unless newer ones are already there. Returns false when ignored (out of order).
   * Two deliveries of different versions racing are settled by the version condition in the UPDATE.
   */
  async storeIfNewer(counts: SeatCount, manager: EntityManager): Promise<boolean> {
    const repo = manager.getRepository(SeatCount);
    const result = await repo
      .createQueryBuilder()
      .update()
      .set({
        confirmed: counts.confirmed,
        waitlisted: counts.waitlisted,
        offered: counts.offered,
        version: counts.version,
        updatedAt: counts.updatedAt,
      })
      .where('session_id = :id AND version < :version', { id: counts.sessionId, version: counts.version })
      .execute();
    if (result.affected) return true;
    if (await repo.existsBy({ sessionId: counts.sessionId })) return false;
    await repo.insert(counts);
    return true;
  }
}
