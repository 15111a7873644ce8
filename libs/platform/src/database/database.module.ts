import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { type ContextDatabase, dataSourceOptions } from './database.options';

/**
 * Gives a context its own DataSource, named after the context: inject it with
 * `@InjectDataSource('identity')` and repositories with `@InjectRepository(User, 'identity')`.
 * Migrations run at start; `synchronize` is never used.
 */
@Module({})
export class DatabaseModule {
  static forContext(db: ContextDatabase): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          name: db.context,
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => dataSourceOptions(config, db),
        }),
        TypeOrmModule.forFeature(
          (db.entities as unknown[]).filter((e) => typeof e !== 'string') as never[],
          db.context,
        ),
      ],
      exports: [TypeOrmModule],
    };
  }
}
