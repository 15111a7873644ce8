import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@academy/platform';
import IORedis from 'ioredis';

/**
 * The identity context's Redis connection for shared counters (services only; the all-in-one has none).
 * Commands fail fast so a login never hangs on Redis; callers fall back to counting in this process.
 */
@Injectable()
export class IdentityRedis implements OnApplicationShutdown {
  private readonly logger = new Logger('IdentityRedis');
  readonly client?: IORedis;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    if (config.embedded || !config.redisUrl) return;
    this.client = new IORedis(config.redisUrl, {
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      commandTimeout: 1000,
      retryStrategy: (times) => Math.min(times * 200, 2000),
    });
    let warned = false;
    this.client.on('error', (error: Error) => {
      if (!warned) this.logger.warn(`Redis connection problem: ${error.message}`);
      warned = true;
    });
    this.client.on('ready', () => {
      warned = false;
    });
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.client) return;
    try {
      await this.client.quit();
    } catch {
      this.client.disconnect();
    }
  }
}
