import { type DynamicModule, Module } from '@nestjs/common';
import { QUEUES } from '@academy/contracts';
import { MessagingModule } from '@academy/messaging';
import { NotificationModule } from '@academy/notification';
import { type AppConfig, PlatformModule } from '@academy/platform';
import { WebModule } from '@academy/web';

/** The notification service: the notification context's event consumers, mail workers and HTTP API. */
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
        NotificationModule,
        WebModule,
      ],
    };
  }
}
