import { Logger } from '@nestjs/common';
import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../../../migrations';
import type { AppConfig } from '../config/app-config';

const poolLogger = new Logger('DatabasePool');

/** One option set for both drivers: the embedded database is reached through `pg` too. */
export function dataSourceOptions(config: AppConfig, url: string, embedded: boolean): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsRun: false, // run by MigrationRunner under an advisory lock
    synchronize: false,
    uuidExtension: 'pgcrypto', // gen_random_uuid(): core since PG 13, no extension to install
    installExtensions: false,
    applicationName: 'leadpanel',
    // An idle client that loses its server (database restart) emits 'error' on the pool; without a
    // handler that would crash the process. The pool replaces the client on the next checkout.
    poolErrorHandler: (err: unknown) => poolLogger.warn(`database connection lost: ${err instanceof Error ? err.message : String(err)}`),
    extra: {
      max: embedded ? 1 : config.database.poolSize,
      connectionTimeoutMillis: embedded ? 30_000 : 5_000,
      idleTimeoutMillis: 30_000,
      // a statement that hangs (e.g. a lock) must not pin a pool connection for ever
      statement_timeout: 60_000,
    },
  };
}
