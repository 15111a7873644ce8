import { Module } from '@nestjs/common';
import { MessagingModule } from '@academy/messaging';
import { WebModule } from '@academy/web';
import { AttendanceController, RosterController } from './attendance/attendance.controller';
import { AttendanceService } from './attendance/attendance.service';
import { CompletionService } from './attendance/completion.service';
import { RosterService } from './attendance/roster.service';
import { SessionAccess } from './attendance/session-access';
import { EnrolmentDatabaseModule } from './enrolment.database';
import { ENROLMENT } from './enrolment.constants';
import { EnrolmentEvents } from './enrolments/enrolment-events';
import { EnrolmentView } from './enrolments/enrolment-view';
import { EnrolmentsController } from './enrolments/enrolments.controller';
import { EnrolmentsService } from './enrolments/enrolments.service';
import { SeatKeeper } from './enrolments/seat-keeper';
import { ActingFor } from './people/acting-for';
import { PeopleReplicaConsumer } from './people/people-replica.consumer';
import { PeopleReplicaService } from './people/people-replica.service';
import { ENROLMENT_PAGE_CONTROLLERS, ENROLMENT_PAGE_PROVIDERS } from './pages';
import {
  DEFAULT_SCHEDULER_OPTIONS,
  EnrolmentScheduler,
  SCHEDULER_OPTIONS,
} from './scheduling/enrolment-scheduler';
import { GoNoGoService } from './scheduling/go-no-go.service';
import { SessionFactsLoader } from './sessions/session-facts';
import { SessionReplicaConsumer } from './sessions/session-replica.consumer';
import { SessionReplicaService } from './sessions/session-replica.service';
import { SessionsController } from './sessions/sessions.controller';
import { SessionsService } from './sessions/sessions.service';
import { EnrolCounter, EnrolThrottleGuard } from './throttling/enrol-throttle';
import { WellbeingPagesModule } from './wellbeing/pages';
import { WellbeingModule } from './wellbeing/wellbeing.module';

/**
 * Enrolment, waitlists, go/no-go and attendance. Sessions and people are replicas kept from the catalogue's and
 * identity's events; every change others must hear about goes through this context's outbox.
 */
@Module({
  imports: [
    EnrolmentDatabaseModule,
    MessagingModule.forContext(ENROLMENT),
    WebModule,
    WellbeingModule,
    WellbeingPagesModule,
  ],
  controllers: [
    EnrolmentsController,
    SessionsController,
    RosterController,
    AttendanceController,
    ...ENROLMENT_PAGE_CONTROLLERS,
  ],
  providers: [
    SessionFactsLoader,
    EnrolmentEvents,
    SeatKeeper,
    ActingFor,
    EnrolmentView,
    EnrolmentsService,
    SessionsService,
    SessionReplicaService,
    SessionReplicaConsumer,
    PeopleReplicaService,
    PeopleReplicaConsumer,
    GoNoGoService,
    { provide: SCHEDULER_OPTIONS, useValue: DEFAULT_SCHEDULER_OPTIONS },
    EnrolmentScheduler,
    SessionAccess,
    CompletionService,
    AttendanceService,
    RosterService,
    EnrolCounter,
    EnrolThrottleGuard,
    ...ENROLMENT_PAGE_PROVIDERS,
  ],
  exports: [EnrolmentsService, SessionsService, AttendanceService, RosterService, EnrolmentScheduler],
})
export class EnrolmentModule {}
