import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, MoreThanOrEqual, type Repository } from 'typeorm';
import { ENROLMENT } from '../../enrolment.constants';
import { insertRows } from '../../shared/bulk-insert';
import { Flag, FlagNote, type FlagStatus } from '../wellbeing.entities';

export const ACTIVE_FLAG_STATUSES: FlagStatus[] = ['open', 'acknowledged'];

@Injectable()
export class FlagsRepository {
  constructor(@InjectRepository(Flag, ENROLMENT) private readonly repository: Repository<Flag>) {}

  private flags(manager?: EntityManager): Repository<Flag> {
    return manager ? manager.getRepository(Flag) : this.repository;
  }

  findById(id: string, manager?: EntityManager): Promise<Flag | null> {
    return this.flags(manager).findOneBy({ id });
  }

  /** The open or acknowledged flags of these volunteers (any organisation). */
  activeOf(volunteerIds: string[], manager?: EntityManager): Promise<Flag[]> {
    if (!volunteerIds.length) return Promise.resolve([]);
    return this.flags(manager).findBy({ volunteerId: In(volunteerIds), status: In(ACTIVE_FLAG_STATUSES) });
  }

  activeOfVolunteerIn(volunteerId: string, organisationId: string, manager: EntityManager): Promise<Flag[]> {
    return this.flags(manager).findBy({ volunteerId, organisationId, status: In(ACTIVE_FLAG_STATUSES) });
  }

  activeOfVolunteer(volunteerId: string, manager: EntityManager): Promise<Flag[]> {
    return this.flags(manager).findBy({ volunteerId, status: In(ACTIVE_FLAG_STATUSES) });
  }

  /**
   * Coordinators' acts (acknowledged, noted) on flags of these volunteers since `since`, with the flag's level:
   * the 14-day quiet period after a coordinator logged a check-in.
   */
  async coordinatorActsSince(
    volunteerIds: string[],
    since: Date,
    manager: EntityManager,
  ): Promise<Array<{ volunteerId: string; organisationId: string; level: 'amber' | 'red'; at: Date }>> {
    if (!volunteerIds.length) return [];
    const rows = await manager
      .getRepository(FlagNote)
      .createQueryBuilder('n')
      .innerJoin(Flag, 'f', 'f.id = n.flag_id')
      .select('f.volunteer_id', 'volunteerId')
      .addSelect('f.organisation_id', 'organisationId')
      .addSelect('f.level', 'level')
      .addSelect('n.created_at', 'at')
      .where('f.volunteer_id IN (:...ids)', { ids: volunteerIds })
      .andWhere('n.kind IN (:...kinds)', { kinds: ['acknowledged', 'noted'] })
      .andWhere('n.created_at >= :since', { since })
      .getRawMany<{
        volunteerId: string;
        organisationId: string;
        level: 'amber' | 'red';
        at: Date | string;
      }>();
    return rows.map((row) => ({ ...row, at: new Date(row.at) }));
  }

  async insert(flag: Flag, manager: EntityManager): Promise<void> {
    await manager.getRepository(Flag).insert(flag);
  }

  async update(id: string, changes: Partial<Omit<Flag, 'id'>>, manager: EntityManager): Promise<void> {
    await manager.getRepository(Flag).update({ id }, changes);
  }

  /** Locks the flag for a change (MariaDB); SQLite serialises writers anyway. */
  lock(id: string, manager: EntityManager): Promise<Flag | null> {
    const query = manager.getRepository(Flag).createQueryBuilder('f').where('f.id = :id', { id });
    if (manager.connection.options.type !== 'better-sqlite3') query.setLock('pessimistic_write');
    return query.getOne();
  }

  async addNote(note: FlagNote, manager: EntityManager): Promise<void> {
    await manager.getRepository(FlagNote).insert(note);
  }

  /** Several flags in one raw multi-row INSERT (the batched evaluation's FlagRaiser; every column given). */
  async insertMany(flags: Flag[], manager: EntityManager): Promise<void> {
    await insertRows(manager, Flag, flags);
  }

  async addNotes(notes: FlagNote[], manager: EntityManager): Promise<void> {
    await insertRows(manager, FlagNote, notes);
  }

  notesOf(flagIds: string[], manager?: EntityManager): Promise<FlagNote[]> {
    if (!flagIds.length) return Promise.resolve([]);
    return (manager ?? this.repository.manager)
      .getRepository(FlagNote)
      .find({ where: { flagId: In(flagIds) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** One page of an organisation's flags, newest first. */
  page(
    organisationId: string,
    statuses: FlagStatus[] | undefined,
    skip: number,
    take: number,
  ): Promise<[Flag[], number]> {
    return this.repository.findAndCount({
      where: { organisationId, ...(statuses ? { status: In(statuses) } : {}) },
      order: { raisedAt: 'DESC', id: 'DESC' },
      skip,
      take,
    });
  }

  /** Flags of the volunteer raised since (for their own view: what their coordinators were told). */
  ofVolunteerSince(volunteerId: string, since: Date): Promise<Flag[]> {
    return this.repository.find({
      where: { volunteerId, raisedAt: MoreThanOrEqual(since) },
      order: { raisedAt: 'DESC' },
    });
  }
}
