import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { ENROLMENT } from '../../enrolment.constants';
import { AuditEntry } from '../wellbeing.entities';

export type AuditWhat = 'overview' | 'flag' | 'flags';

/** The log of coordinators' views of volunteers' signals, which each volunteer reads for themselves. */
@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource(ENROLMENT) private readonly dataSource: DataSource) {}

  /** One row per volunteer seen, written in bulk. */
  async record(
    viewer: { userId: string; displayName: string },
    organisationId: string | null,
    volunteerIds: string[],
    what: AuditWhat,
    at: Date,
    manager?: EntityManager,
  ): Promise<void> {
    const unique = [...new Set(volunteerIds)];
    if (!unique.length) return;
    const rows = unique.map((volunteerId) =>
      Object.assign(new AuditEntry(), {
        id: uuidv7(),
        volunteerId,
        viewerId: viewer.userId,
        viewerName: viewer.displayName.slice(0, 120),
        organisationId,
        what,
        viewedAt: at,
      }),
    );
    const repository = (manager ?? this.dataSource.manager).getRepository(AuditEntry);
    for (let i = 0; i < rows.length; i += 500) await repository.insert(rows.slice(i, i + 500));
  }

  pageOf(volunteerId: string, skip: number, take: number): Promise<[AuditEntry[], number]> {
    return this.dataSource.getRepository(AuditEntry).findAndCount({
      where: { volunteerId },
      order: { viewedAt: 'DESC', id: 'DESC' },
      skip,
      take,
    });
  }
}
