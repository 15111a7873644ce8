import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, type Repository } from 'typeorm';
import { NOTIFICATION } from '../notification.constants';
import { NotificationEnrolment, NotificationSession, type ReplicaEnrolmentStatus } from './session.entity';

/** The session and enrolment replicas: queries only. */
@Injectable()
export class SessionsReplicaRepository {
  constructor(
    @InjectRepository(NotificationSession, NOTIFICATION)
    private readonly sessions: Repository<NotificationSession>,
  ) {}

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.sessions.manager;
  }

  findSession(id: string, manager?: EntityManager): Promise<NotificationSession | null> {
    return this.manager(manager).getRepository(NotificationSession).findOneBy({ id });
  }

  async saveSession(session: NotificationSession, exists: boolean, manager: EntityManager): Promise<void> {
    const repo = manager.getRepository(NotificationSession);
    if (exists) await repo.update({ id: session.id }, session);
    else await repo.insert(session);
  }

  findEnrolment(id: string, manager?: EntityManager): Promise<NotificationEnrolment | null> {
    return this.manager(manager).getRepository(NotificationEnrolment).findOneBy({ id });
  }

  async saveEnrolment(
    enrolment: NotificationEnrolment,
    exists: boolean,
    manager: EntityManager,
  ): Promise<void> {
    const repo = manager.getRepository(NotificationEnrolment);
    if (exists) await repo.update({ id: enrolment.id }, enrolment);
    else await repo.insert(enrolment);
  }

  /** The enrolments of a session in these states (confirmed participants, or everyone concerned). */
  enrolmentsOf(
    sessionId: string,
    statuses: ReplicaEnrolmentStatus[],
    manager?: EntityManager,
  ): Promise<NotificationEnrolment[]> {
    return this.manager(manager)
      .getRepository(NotificationEnrolment)
      .find({ where: { sessionId, status: In(statuses) }, order: { id: 'ASC' } });
  }

  /** A person's enrolments in these states (for the calendar feed and reminders). */
  enrolmentsOfUser(
    userId: string,
    statuses: ReplicaEnrolmentStatus[],
    manager?: EntityManager,
  ): Promise<NotificationEnrolment[]> {
    return this.manager(manager)
      .getRepository(NotificationEnrolment)
      .find({ where: { userId, status: In(statuses) }, order: { id: 'ASC' } });
  }

  /** An erased person: their enrolments go (nobody is written to about them again). */
  async forgetUser(userId: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(NotificationEnrolment).delete({ userId });
  }
}
