import { type DynamicModule, Module } from '@nestjs/common';
import { QUEUES } from '@academy/contracts';
import { EnrolmentModule } from '@academy/enrolment';
import { IdentityModule } from '@academy/identity';
import { MessagingModule } from '@academy/messaging';
import { type AppConfig, PlatformModule } from '@academy/platform';
import { WebModule } from '@academy/web';

/** The enrolment service: identity and enrolment (with attendance and load signals) on MySQL and BullMQ. */
@Module({})
export class EnrolmentAppModule {
  static forConfig(config: AppConfig): DynamicModule {
    return {
      module: EnrolmentAppModule,
      imports: [
        PlatformModule.forRoot(config),
        MessagingModule.forRoot({
          transport: 'bullmq',
          redisUrl: config.redisUrl,
          consumes: [QUEUES.enrolmentEvents],
        }),
        IdentityModule,
        EnrolmentModule,
        WebModule,
      ],
    };
  }
}
