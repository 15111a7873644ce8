import { Module } from '@nestjs/common';
import { WebModule } from '@academy/web';
import { EnrolmentDatabaseModule } from '../../enrolment.database';
import { WellbeingModule } from '../wellbeing.module';
import { CoordinatorPageController } from './coordinator-page.controller';
import { MyWellbeingPageController } from './my-wellbeing-page.controller';

/**
 * The load-signal pages (volunteer: /my/wellbeing…, coordinator: /coordinator/…), over WellbeingModule's services;
 * imported by EnrolmentModule next to WellbeingModule.
 */
@Module({
  imports: [EnrolmentDatabaseModule, WebModule, WellbeingModule],
  controllers: [MyWellbeingPageController, CoordinatorPageController],
})
export class WellbeingPagesModule {}
