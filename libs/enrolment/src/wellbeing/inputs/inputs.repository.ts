import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { ENROLMENT } from '../../enrolment.constants';
import { ActiveRoles, CaringBand, CheckIn, Duty, Leave, SelfCheckResult } from '../wellbeing.entities';

/** The volunteer's own inputs: check-ins, roles, the consented caring band, duties, leave and self-checks. */
@Injectable()
export class InputsRepository {
  constructor(@InjectDataSource(ENROLMENT) private readonly dataSource: DataSource) {}

  /** A second check-in for the same week replaces the first. */
  async saveCheckIn(checkIn: CheckIn, manager: EntityManager): Promise<void> {
    await manager.getRepository(CheckIn).upsert(checkIn, ['volunteerId', 'weekStart']);
  }

  async setActiveRoles(roles: ActiveRoles, manager: EntityManager): Promise<void> {
    await manager.getRepository(ActiveRoles).upsert(roles, ['volunteerId']);
  }

  async setCaring(band: CaringBand, manager: EntityManager): Promise<void> {
    await manager.getRepository(CaringBand).upsert(band, ['volunteerId']);
  }

  async clearCaring(volunteerId: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(CaringBand).delete({ volunteerId });
  }

  async addDuties(duties: Duty[], manager: EntityManager): Promise<void> {
    for (let i = 0; i < duties.length; i += 500) {
      await manager.getRepository(Duty).insert(duties.slice(i, i + 500));
    }
  }

  async addLeave(leave: Leave, manager: EntityManager): Promise<void> {
    await manager.getRepository(Leave).insert(leave);
  }

  async addSelfCheck(result: SelfCheckResult, manager: EntityManager): Promise<void> {
    await manager.getRepository(SelfCheckResult).insert(result);
  }

  async deleteSelfChecks(volunteerId: string, manager: EntityManager): Promise<number> {
    return (await manager.getRepository(SelfCheckResult).delete({ volunteerId })).affected ?? 0;
  }

  selfChecksOf(volunteerId: string): Promise<SelfCheckResult[]> {
    return this.dataSource
      .getRepository(SelfCheckResult)
      .find({ where: { volunteerId }, order: { takenAt: 'DESC' }, take: 50 });
  }

  caringOf(volunteerId: string): Promise<CaringBand | null> {
    return this.dataSource.getRepository(CaringBand).findOneBy({ volunteerId });
  }

  checkInOf(volunteerId: string, weekStart: string): Promise<CheckIn | null> {
    return this.dataSource.getRepository(CheckIn).findOneBy({ volunteerId, weekStart });
  }

  /** The latest shared self-check of each volunteer (band, date, instrument only). */
  async latestSharedSelfChecks(
    volunteerIds: string[],
  ): Promise<Map<string, Pick<SelfCheckResult, 'band' | 'takenAt' | 'instrument'>>> {
    const map = new Map<string, Pick<SelfCheckResult, 'band' | 'takenAt' | 'instrument'>>();
    if (!volunteerIds.length) return map;
    const rows = await this.dataSource
      .getRepository(SelfCheckResult)
      .createQueryBuilder('s')
      .select(['s.volunteerId', 's.band', 's.takenAt', 's.instrument'])
      .where('s.volunteer_id IN (:...ids) AND s.shared = :shared', { ids: volunteerIds, shared: true })
      .orderBy('s.taken_at', 'DESC')
      .getMany();
    for (const row of rows) {
      if (!map.has(row.volunteerId)) {
        map.set(row.volunteerId, { band: row.band, takenAt: row.takenAt, instrument: row.instrument });
      }
    }
    return map;
  }
}
