import { type DynamicModule, Injectable, Module, type Provider } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { EventEnvelope } from '@academy/contracts';
import { EventBus, MessagingModule, type OutboxRelay, relayToken } from '@academy/messaging';
import { type AppConfig, PlatformModule } from '@academy/platform';
import { WebModule } from '@academy/web';
import { CATALOGUE } from '../catalogue.constants';
import { CatalogueModule } from '../catalogue.module';
import { CatalogueImporter } from './catalogue-importer';

/**
 * The importer delivers no events itself: the outbox rows it commits wait for the relay of the running
 * catalogue (the course-catalogue service, or the all-in-one at its next start), which knows every consumer.
 * Delivering them from here would, in the all-in-one, mark them published with no enrolment context listening.
 */
@Injectable()
export class DeferredEventBus extends EventBus {
  async publish(_envelopes: EventEnvelope[]): Promise<void> {
    throw new Error('the catalogue import leaves delivery to the running catalogue');
  }
}

/** The app's messaging with delivery swapped for the deferring bus (outbox tables and handlers as usual). */
function deferredMessaging(): DynamicModule {
  const messaging = MessagingModule.forRoot({ transport: 'in-process', consumes: [] });
  const providers = (messaging.providers ?? []).map((provider): Provider =>
    typeof provider === 'object' && 'provide' in provider && provider.provide === EventBus
      ? { provide: EventBus, useClass: DeferredEventBus }
      : provider,
  );
  return { ...messaging, providers };
}

@Module({})
export class CatalogueImportModule {
  static forConfig(config: AppConfig): DynamicModule {
    return {
      module: CatalogueImportModule,
      // The catalogue's pages live in its module and render through the web shell; no HTTP is served.
      imports: [PlatformModule.forRoot(config), deferredMessaging(), CatalogueModule, WebModule],
      providers: [CatalogueImporter],
    };
  }
}

export interface CatalogueImportContext {
  importer: CatalogueImporter;
  /** The catalogue's services, e.g. to look at what was imported. */
  get<T>(token: (new (...args: never[]) => T) | string | symbol): T;
  close(): Promise<void>;
}

/**
 * The catalogue context without HTTP, on the configured database (DATABASE_URL, or the all-in-one's SQLite
 * file in DATA_DIR); its migrations run first, as at any start.
 */
export async function openCatalogueImport(config: AppConfig): Promise<CatalogueImportContext> {
  // An import never seeds demo data into the catalogue it is filling.
  const module = CatalogueImportModule.forConfig({ ...config, demoData: false });
  const app = await NestFactory.createApplicationContext(module, {
    // Errors only: the relay starts with the module and, finding events still waiting for the running
    // catalogue, warns that it cannot publish them (it gives those rows another try in a few seconds).
    logger: config.logLevel === 'silent' ? false : ['error'],
    abortOnError: false,
  });
  try {
    // Stop the relay the catalogue module starts: nothing is delivered from here (see DeferredEventBus).
    await app.get<OutboxRelay>(relayToken(CATALOGUE)).beforeApplicationShutdown();
  } catch (error) {
    await app.close();
    throw error;
  }
  return { importer: app.get(CatalogueImporter), get: (token) => app.get(token), close: () => app.close() };
}
