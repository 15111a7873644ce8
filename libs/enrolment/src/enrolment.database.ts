import { Module } from '@nestjs/common';
import { messagingEntities } from '@academy/messaging';
import { DatabaseModule } from '@academy/platform';
import { AttendanceRecord } from './attendance/attendance.entity';
import { AttendanceRepository } from './attendance/attendance.repository';
import { ENROLMENT } from './enrolment.constants';
import { Enrolment } from './enrolments/enrolment.entity';
import { EnrolmentsRepository } from './enrolments/enrolments.repository';
import { CreateEnrolmentTables1764500000000 } from './migrations/1764500000000-create-enrolment-tables';
import { CreateWellbeingTables1764600000000 } from './migrations/1764600000000-create-wellbeing-tables';
import { CourseProviderName1764650000000 } from './migrations/1764650000000-course-provider-name';
import { Person, PersonMembership } from './people/person.entity';
import { PeopleRepository } from './people/people.repository';
import { EnrolmentSession, ReplicaCourse, SessionMeeting, SessionTrainer } from './sessions/session.entity';
import { SessionsRepository } from './sessions/sessions.repository';
import { wellbeingEntities } from './wellbeing/wellbeing.entities';

export const enrolmentEntities = [
  EnrolmentSession,
  SessionMeeting,
  SessionTrainer,
  ReplicaCourse,
  Person,
  PersonMembership,
  Enrolment,
  AttendanceRecord,
  ...wellbeingEntities,
  ...messagingEntities(ENROLMENT),
];
export const enrolmentMigrations = [
  CreateEnrolmentTables1764500000000,
  CreateWellbeingTables1764600000000,
  CourseProviderName1764650000000,
];

const repositories = [SessionsRepository, EnrolmentsRepository, PeopleRepository, AttendanceRepository];

/** The enrolment context's own DataSource and the repositories over it. */
@Module({
  imports: [
    DatabaseModule.forContext({
      context: ENROLMENT,
      entities: enrolmentEntities,
      migrations: enrolmentMigrations,
    }),
  ],
  providers: repositories,
  exports: [DatabaseModule, ...repositories],
})
export class EnrolmentDatabaseModule {}
