export * from './enrolment.constants';
export { EnrolmentDatabaseModule, enrolmentEntities, enrolmentMigrations } from './enrolment.database';
export { EnrolmentModule } from './enrolment.module';
export * from './attendance/dto/attendance.response';
export * from './attendance/dto/record-attendance.request';
export { AttendanceService } from './attendance/attendance.service';
export { RosterService } from './attendance/roster.service';
export * from './enrolments/dto/enrol.request';
export * from './enrolments/dto/enrolment.response';
export { EnrolmentsService } from './enrolments/enrolments.service';
export {
  EnrolmentScheduler,
  SCHEDULER_OPTIONS,
  type SchedulerOptions,
} from './scheduling/enrolment-scheduler';
export * from './sessions/dto/seats.response';
export { SessionsService as EnrolmentSessionsService } from './sessions/sessions.service';
export { WellbeingModule } from './wellbeing/wellbeing.module';
export {
  EvaluationService as WellbeingEvaluationService,
  type RecomputeReport,
} from './wellbeing/evaluation/evaluation.service';
export { WellbeingScheduler, WELLBEING_SCHEDULER_OPTIONS } from './wellbeing/scheduling/wellbeing-scheduler';
