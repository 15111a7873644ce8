import { Module } from '@nestjs/common';
import { MessagingModule } from '@academy/messaging';
import { EnrolmentDatabaseModule } from '../enrolment.database';
import { ENROLMENT } from '../enrolment.constants';

/**
 * Load signals (WELLBEING.md): the volunteer's inputs, the nightly and on-change evaluation over weekly aggregates,
 * flags for coordinators, the views with their audit log, and retention.
 */
@Module({
  imports: [EnrolmentDatabaseModule, MessagingModule.forContext(ENROLMENT)],
  controllers: [],
  providers: [],
  exports: [],
})
export class WellbeingModule {}
