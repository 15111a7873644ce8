import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { ENROLMENT } from '../../enrolment.constants';
import { placeholders } from '../evaluation/sql-dialect';
import { Visibility } from '../wellbeing.entities';

type Row = Record<string, unknown>;

/**
 * Who may see a volunteer's signals: the coordinators of the organisations they volunteer for, unless they
 * objected for that organisation. Every coordinator-facing read asks here first.
 */
@Injectable()
export class SharingRepository {
  constructor(@InjectDataSource(ENROLMENT) private readonly dataSource: DataSource) {}

  private run(manager: EntityManager | undefined, sql: string, params: unknown[]): Promise<Row[]> {
    return (manager ?? this.dataSource.manager).query(sql, params);
  }

  /** Per volunteer, the organisations they volunteer for and did not object to sharing with. */
  async sharedOrganisationsOf(
    volunteerIds: string[],
    manager?: EntityManager,
  ): Promise<Map<string, string[]>> {
    const map = new Map<string, string[]>();
    if (!volunteerIds.length) return map;
    const rows = await this.run(
      manager,
      `SELECT m.user_id AS v, m.organisation_id AS o
         FROM enrolment_memberships m
         LEFT JOIN wellbeing_visibility w ON w.volunteer_id = m.user_id AND w.organisation_id = m.organisation_id
        WHERE m.role = 'volunteer' AND m.user_id IN (${placeholders(volunteerIds.length)})
          AND (w.object_to_sharing IS NULL OR w.object_to_sharing = 0)
        ORDER BY m.organisation_id`,
      volunteerIds,
    );
    for (const row of rows) {
      const v = String(row.v);
      map.set(v, [...(map.get(v) ?? []), String(row.o)]);
    }
    return map;
  }

  /** Every organisation the person volunteers for, with their choice about sharing. */
  async choicesOf(
    volunteerId: string,
  ): Promise<Array<{ organisationId: string; objectToSharing: boolean; changedAt: Date | null }>> {
    const rows = await this.run(
      undefined,
      `SELECT m.organisation_id AS o, w.object_to_sharing AS x, w.changed_at AS at
         FROM enrolment_memberships m
         LEFT JOIN wellbeing_visibility w ON w.volunteer_id = m.user_id AND w.organisation_id = m.organisation_id
        WHERE m.role = 'volunteer' AND m.user_id = ?
        ORDER BY m.organisation_id`,
      [volunteerId],
    );
    return rows.map((row) => ({
      organisationId: String(row.o),
      objectToSharing: Number(row.x ?? 0) === 1,
      changedAt: row.at === null || row.at === undefined ? null : new Date(row.at as string),
    }));
  }

  async isVolunteerOf(
    volunteerId: string,
    organisationId: string,
    manager?: EntityManager,
  ): Promise<boolean> {
    const rows = await this.run(
      manager,
      `SELECT 1 AS x FROM enrolment_memberships WHERE user_id = ? AND organisation_id = ? AND role = 'volunteer'`,
      [volunteerId, organisationId],
    );
    return rows.length > 0;
  }

  /** Whether the coordinators of the organisation may see this volunteer's signals right now. */
  async mayShareWith(volunteerId: string, organisationId: string, manager?: EntityManager): Promise<boolean> {
    const map = await this.sharedOrganisationsOf([volunteerId], manager);
    return (map.get(volunteerId) ?? []).includes(organisationId);
  }

  /**
   * One page of the organisation's volunteers who did not object, ordered by name (never by level: no ranking),
   * with the total.
   */
  async sharedVolunteersPage(
    organisationId: string,
    skip: number,
    take: number,
  ): Promise<{ items: Array<{ id: string; name: string }>; total: number }> {
    const from = `FROM enrolment_memberships m
      JOIN enrolment_people p ON p.id = m.user_id AND p.erased = 0
      LEFT JOIN wellbeing_visibility w ON w.volunteer_id = m.user_id AND w.organisation_id = m.organisation_id
     WHERE m.organisation_id = ? AND m.role = 'volunteer' AND (w.object_to_sharing IS NULL OR w.object_to_sharing = 0)`;
    const [count] = await this.run(undefined, `SELECT COUNT(*) AS n ${from}`, [organisationId]);
    const rows = await this.run(
      undefined,
      `SELECT p.id AS id, p.display_name AS name ${from} ORDER BY p.display_name, p.id LIMIT ${Math.floor(take)} OFFSET ${Math.floor(skip)}`,
      [organisationId],
    );
    return {
      items: rows.map((r) => ({ id: String(r.id), name: String(r.name) })),
      total: Number(count?.n ?? 0),
    };
  }

  /** Volunteers per level over the whole shared group (the caller never shows them for a group under 5). */
  async levelCounts(organisationId: string): Promise<Record<'green' | 'amber' | 'red', number>> {
    const rows = await this.run(
      undefined,
      `SELECT a.level AS level, COUNT(*) AS n
         FROM enrolment_memberships m
         JOIN enrolment_people p ON p.id = m.user_id AND p.erased = 0
         JOIN wellbeing_assessments a ON a.volunteer_id = m.user_id
         LEFT JOIN wellbeing_visibility w ON w.volunteer_id = m.user_id AND w.organisation_id = m.organisation_id
        WHERE m.organisation_id = ? AND m.role = 'volunteer' AND (w.object_to_sharing IS NULL OR w.object_to_sharing = 0)
        GROUP BY a.level`,
      [organisationId],
    );
    const counts = { green: 0, amber: 0, red: 0 };
    for (const row of rows) {
      const level = String(row.level) as keyof typeof counts;
      if (level in counts) counts[level] = Number(row.n);
    }
    return counts;
  }

  async setChoice(visibility: Visibility, manager: EntityManager): Promise<void> {
    await manager.getRepository(Visibility).upsert(visibility, ['volunteerId', 'organisationId']);
  }
}
