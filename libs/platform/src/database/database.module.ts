import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';
import { EmbeddedPostgres } from './embedded-postgres';
import { MigrationRunner } from './migration-runner';

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: async (config: AppConfig) => {
            const embedded = config.database.url === null;
            const url = embedded ? (await EmbeddedPostgres.start(config.database.pgliteDir)).url : config.database.url!;
            return {
              ...dataSourceOptions(config, url, embedded),
              autoLoadEntities: true,
              retryAttempts: embedded ? 0 : 10,
              retryDelay: 1000,
            };
          },
          dataSourceFactory: async (options) => {
            const ds = new DataSource(options!);
            const destroy = ds.destroy.bind(ds);
            // the embedded server closes with the last DataSource that uses it
            ds.destroy = async () => {
              await destroy();
              await EmbeddedPostgres.current()?.stop();
            };
            return ds.initialize();
          },
        }),
      ],
      providers: [MigrationRunner],
      exports: [MigrationRunner],
    };
  }
}
