import { type DynamicModule, Module } from '@nestjs/common';
import { QUEUES } from '@academy/contracts';
import { MessagingModule } from '@academy/messaging';
import { type AppConfig, PlatformModule } from '@academy/platform';
import { WebModule } from '@academy/web';

/** The notification service: its workers and HTTP API. The notification context arrives with its own issue. */
@Module({})
export class NotificationAppModule {
  static forConfig(config: AppConfig): DynamicModule {
    return {
      module: NotificationAppModule,
      imports: [
        PlatformModule.forRoot(config),
        MessagingModule.forRoot({
          transport: 'bullmq',
          redisUrl: config.redisUrl,
          consumes: [QUEUES.notificationEvents],
        }),
        WebModule,
      ],
    };
  }
}
