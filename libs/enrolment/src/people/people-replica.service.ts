import { Injectable, Logger } from '@nestjs/common';
import type { UserSnapshot } from '@academy/contracts';
import type { EntityManager } from 'typeorm';
import { AttendanceRepository } from '../attendance/attendance.repository';
import { EnrolmentsRepository } from '../enrolments/enrolments.repository';
import { SeatKeeper } from '../enrolments/seat-keeper';
import { SessionsRepository } from '../sessions/sessions.repository';
import { Person } from './person.entity';
import { PeopleRepository } from './people.repository';

/**
 * Keeps the people replica as identity announces it (newest snapshot wins), and forgets a person who erased
 * their account: their waitlist places and seats are given up (the next in line moves up and is told), and
 * every enrolment and attendance record loses its link to them.
 */
@Injectable()
export class PeopleReplicaService {
  private readonly logger = new Logger('PeopleReplica');

  constructor(
    private readonly people: PeopleRepository,
    private readonly sessions: SessionsRepository,
    private readonly enrolments: EnrolmentsRepository,
    private readonly attendance: AttendanceRepository,
    private readonly keeper: SeatKeeper,
  ) {}

  async apply(snapshot: UserSnapshot, at: Date, manager: EntityManager): Promise<'stored' | 'ignored'> {
    const stored = await this.people.findById(snapshot.userId, manager);
    if (stored && (stored.erased || stored.snapshotAt.getTime() > at.getTime())) return 'ignored';
    const person = Object.assign(new Person(), {
      id: snapshot.userId,
      displayName: snapshot.displayName,
      locale: snapshot.locale,
      admin: snapshot.admin,
      erased: false,
      snapshotAt: at,
    });
    if (stored) await this.people.update(person.id, person, manager);
    else await this.people.insert(person, manager);
    await this.people.setMemberships(person.id, snapshot.memberships, manager);
    return 'stored';
  }

  async erase(userId: string, at: Date, manager: EntityManager, now = new Date()): Promise<void> {
    const stored = await this.people.findById(userId, manager);
    const tombstone = { displayName: '', locale: 'nl', admin: false, erased: true, snapshotAt: at };
    if (stored) await this.people.update(userId, tombstone, manager);
    else await this.people.insert(Object.assign(new Person(), { id: userId, ...tombstone }), manager);
    await this.people.setMemberships(userId, [], manager);

    const active = await this.enrolments.activeOfUser(userId, manager);
    // Sessions first, in id order, then each enrolment afresh under its session's lock.
    for (const session of await this.sessions.lockMany(
      [...new Set(active.map((e) => e.sessionId))],
      manager,
    )) {
      for (const { id } of active.filter((e) => e.sessionId === session.id)) {
        const enrolment = await this.enrolments.lock(id, manager);
        if (enrolment && enrolment.status !== 'cancelled') {
          await this.keeper.forget(manager, session, enrolment, now);
        }
      }
    }
    const left = await this.enrolments.anonymise(userId, manager);
    // Only an enrolment made in the instant of erasure (with a token still valid) can be left; say so.
    if (left)
      this.logger.warn(`${left} active enrolment(s) of erased user ${userId} were made during erasure`);
    await this.attendance.forgetRecorder(userId, manager);
  }
}
