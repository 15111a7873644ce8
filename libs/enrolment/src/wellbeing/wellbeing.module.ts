import { Module } from '@nestjs/common';
import { MessagingModule } from '@academy/messaging';
import { EnrolmentDatabaseModule } from '../enrolment.database';
import { ENROLMENT } from '../enrolment.constants';
import { CourseThemesConsumer } from './courses/course-themes.consumer';
import { CourseThemesRepository } from './courses/course-themes.repository';
import { AssessmentsRepository } from './evaluation/assessments.repository';
import { ChangeWatcher } from './evaluation/change-watcher';
import { EvaluationService } from './evaluation/evaluation.service';
import { RuleOverridesService } from './evaluation/rule-overrides.service';
import { WeeklyAggregatesRepository } from './evaluation/weekly-aggregates.repository';
import { FlagRaiser } from './flags/flag-raiser';
import { FlagsRepository } from './flags/flags.repository';
import { FlagsService } from './flags/flags.service';
import { CsvBodyParser } from './inputs/csv-body.parser';
import { InputsRepository } from './inputs/inputs.repository';
import { InputsService } from './inputs/inputs.service';
import { SharingRepository } from './inputs/sharing.repository';
import { VisibilityService } from './inputs/visibility.service';
import { AuditRepository } from './reading/audit.repository';
import { InsightsService } from './reading/insights.service';
import { SessionsAtRiskRepository } from './reading/sessions-at-risk.repository';
import { SessionsAtRiskService } from './reading/sessions-at-risk.service';
import { WellbeingViews } from './reading/wellbeing-views';
import { InstrumentRegistry } from './self-check/instruments';
import { WellbeingErasureConsumer } from './retention/erasure.consumer';
import { RetentionService } from './retention/retention.service';
import {
  DEFAULT_WELLBEING_SCHEDULER_OPTIONS,
  WELLBEING_SCHEDULER_OPTIONS,
  WellbeingScheduler,
} from './scheduling/wellbeing-scheduler';
import { WellbeingAccess } from './shared/wellbeing-access';
import {
  WellbeingController,
  WellbeingFlagsController,
  WellbeingRulesController,
} from './wellbeing.controller';

/**
 * Load signals (WELLBEING.md): the volunteer's inputs, the nightly and on-change evaluation over weekly aggregates,
 * flags for coordinators, the views with their audit log, and retention. See README.md here for the services the
 * pages use.
 */
@Module({
  imports: [EnrolmentDatabaseModule, MessagingModule.forContext(ENROLMENT)],
  controllers: [WellbeingController, WellbeingFlagsController, WellbeingRulesController],
  providers: [
    WeeklyAggregatesRepository,
    AssessmentsRepository,
    SharingRepository,
    InputsRepository,
    FlagsRepository,
    AuditRepository,
    CourseThemesRepository,
    WellbeingAccess,
    WellbeingViews,
    FlagRaiser,
    EvaluationService,
    RuleOverridesService,
    ChangeWatcher,
    FlagsService,
    InputsService,
    VisibilityService,
    InsightsService,
    SessionsAtRiskRepository,
    SessionsAtRiskService,
    RetentionService,
    CourseThemesConsumer,
    WellbeingErasureConsumer,
    CsvBodyParser,
    // Organisations licensed for another instrument register it (with their own texts) on this instance.
    { provide: InstrumentRegistry, useFactory: () => new InstrumentRegistry() },
    { provide: WELLBEING_SCHEDULER_OPTIONS, useValue: DEFAULT_WELLBEING_SCHEDULER_OPTIONS },
    WellbeingScheduler,
  ],
  exports: [
    EvaluationService,
    InputsService,
    InsightsService,
    FlagsService,
    VisibilityService,
    RetentionService,
    WellbeingScheduler,
    WellbeingViews,
    InstrumentRegistry,
  ],
})
export class WellbeingModule {}
