import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ENROLMENT } from '../enrolment.constants';
import { EnrolmentSession, ReplicaCourse, SessionTrainer } from '../sessions/session.entity';

export interface TrainerSessionRow {
  session: EnrolmentSession;
  courseTitle: string;
}

/** How far back a trainer's list reaches: long enough to finish the attendance of a past series. */
const RECENT_MS = 60 * 86_400_000;

/** The sessions a trainer gives (all sessions for an administrator), recent and coming, in time order. */
@Injectable()
export class TrainerSessionsQuery {
  constructor(@InjectDataSource(ENROLMENT) private readonly dataSource: DataSource) {}

  async sessionsOf(
    userId: string,
    admin: boolean,
    now = new Date(),
    limit = 100,
  ): Promise<TrainerSessionRow[]> {
    const query = this.dataSource
      .getRepository(EnrolmentSession)
      .createQueryBuilder('s')
      .where('s.last_ends_at >= :since', { since: new Date(now.getTime() - RECENT_MS) })
      .orderBy('s.first_starts_at', 'ASC')
      .take(limit);
    if (!admin) {
      query.innerJoin(SessionTrainer, 't', 't.session_id = s.id AND t.user_id = :userId', { userId });
    }
    const sessions = await query.getMany();
    const courseIds = [...new Set(sessions.map((s) => s.courseId))];
    const courses = courseIds.length
      ? await this.dataSource
          .getRepository(ReplicaCourse)
          .createQueryBuilder('c')
          .whereInIds(courseIds)
          .getMany()
      : [];
    const titles = new Map(courses.map((c) => [c.id, c.title]));
    return sessions.map((session) => ({ session, courseTitle: titles.get(session.courseId) ?? '' }));
  }
}
