import { Logger as NestLogger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';

/**
 * TypeORM's messages through the app's structured logger. A failed query is often expected (a duplicate key
 * becomes a 409), so it is logged at debug; an unexpected one reaches the problem filter and is logged there
 * as a 500 with its request id.
 */
export class DatabaseLogger implements TypeOrmLogger {
  private readonly logger: NestLogger;

  constructor(context: string) {
    this.logger = new NestLogger(`Database(${context})`);
  }

  logQuery(): void {}

  logQueryError(error: string | Error, query: string): void {
    this.logger.debug(`${error instanceof Error ? error.message : error} — ${query.slice(0, 200)}`);
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`slow query (${time} ms): ${query.slice(0, 200)}`);
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
  }
}
