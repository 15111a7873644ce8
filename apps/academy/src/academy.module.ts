import { type DynamicModule, Module } from '@nestjs/common';
import { CatalogueModule } from '@academy/catalogue';
import { QUEUES } from '@academy/contracts';
import { EnrolmentModule } from '@academy/enrolment';
import { IdentityModule } from '@academy/identity';
import { MessagingModule } from '@academy/messaging';
import { NotificationModule } from '@academy/notification';
import { type AppConfig, PlatformModule } from '@academy/platform';
import { WebModule } from '@academy/web';

/** The all-in-one: every context in one process, SQLite per context, the in-process bus. */
@Module({})
export class AcademyModule {
  static forConfig(config: AppConfig): DynamicModule {
    return {
      module: AcademyModule,
      imports: [
        PlatformModule.forRoot(config),
        MessagingModule.forRoot({
          transport: 'in-process',
          consumes: [QUEUES.catalogueEvents, QUEUES.enrolmentEvents, QUEUES.notificationEvents],
        }),
        IdentityModule,
        CatalogueModule,
        EnrolmentModule,
        NotificationModule,
        WebModule,
      ],
    };
  }
}
