import { type DynamicModule, Module } from '@nestjs/common';
import { CatalogueModule } from '@academy/catalogue';
import { QUEUES } from '@academy/contracts';
import { MessagingModule } from '@academy/messaging';
import { type AppConfig, PlatformModule } from '@academy/platform';
import { WebModule } from '@academy/web';

/** The course-catalogue service: the catalogue context on MySQL/MariaDB and BullMQ. */
@Module({})
export class CourseCatalogueAppModule {
  static forConfig(config: AppConfig): DynamicModule {
    return {
      module: CourseCatalogueAppModule,
      imports: [
        PlatformModule.forRoot(config),
        MessagingModule.forRoot({
          transport: 'bullmq',
          redisUrl: config.redisUrl,
          consumes: [QUEUES.catalogueEvents],
        }),
        CatalogueModule,
        WebModule,
      ],
    };
  }
}
