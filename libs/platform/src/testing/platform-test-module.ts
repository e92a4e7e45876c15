import { randomBytes } from 'node:crypto';
import { ConsoleLogger, type ModuleMetadata, type Type } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { SmtpListener } from '../../../../test/support/smtp';
import { type AppConfig, loadConfig } from '../config/app-config';
import { EmbeddedPostgres } from '../database/embedded-postgres';
import { PlatformModule } from '../platform.module';
import { adminQuery, createFromTemplate, startEmbeddedFromTemplate, withDatabase } from './template-database';

/**
 * Where one or more test modules keep their data. With nothing set it is the
 * process's in-memory PGlite; in services mode a database of its own on the run's
 * server and a BullMQ prefix of its own under the run's, so that no other test
 * app (each polls the outbox and runs the shared queue) takes this module's jobs.
 */
export interface Store {
  databaseUrl: string | null;
  queuePrefix: string | null;
  users: number;
  drop(): Promise<void>;
}

export interface PlatformTestContext {
  module: TestingModule;
  config: AppConfig;
  /** the SMTP server on loopback that this module's mail goes to */
  smtp: SmtpListener;
  dataSource: DataSource;
  get<T>(token: Type<T> | string | symbol): T;
  close(): Promise<void>;
  /** @internal shared by `shareStoreWith` */
  store: Store;
}

export interface PlatformTestOptions {
  /** environment on top of process.env (e.g. OUTBOX_DISPATCH: 'false') */
  env?: Record<string, string>;
  /** a second app on the same database and queue (e.g. two dispatchers side by side); services mode */
  shareStoreWith?: PlatformTestContext;
  /** modules beside the platform (e.g. `TypeOrmModule.forFeature([...])` for a context's entities) */
  imports?: ModuleMetadata['imports'];
  /** providers under test (e.g. a context's repositories) */
  providers?: ModuleMetadata['providers'];
}

/** Refuses, as the e2e apps do, a database whose name lacks "test". */
function assertTestDatabase(url: string | null): void {
  if (url && !new URL(url).pathname.includes('test')) {
    throw new Error(`refusing to run tests against ${new URL(url).pathname.slice(1)}: its name lacks "test"`);
  }
}

/** A database and queue prefix of its own for one test app (services mode); nothing to make in embedded mode. */
export async function newStore(): Promise<Store> {
  const runDb = process.env.DATABASE_URL;
  const suffix = randomBytes(4).toString('hex');
  // under the run's prefix, so that the global teardown removes its keys too
  const queuePrefix = process.env.REDIS_URL ? `${process.env.QUEUE_PREFIX ?? 'lp-test'}:m${suffix}` : null;
  if (!runDb) {
    // the process's in-memory database, opened here already migrated; the app's DataSource closes it
    if (process.env.PGLITE_DIR === 'memory://') await startEmbeddedFromTemplate();
    return { databaseUrl: null, queuePrefix, users: 0, drop: async () => EmbeddedPostgres.current()?.stop() };
  }
  assertTestDatabase(runDb);
  const name = `${new URL(runDb).pathname.slice(1)}_m${suffix}`;
  await createFromTemplate(runDb, name);
  return {
    databaseUrl: withDatabase(runDb, name),
    queuePrefix,
    users: 0,
    drop: () => adminQuery(runDb, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

/**
 * A Nest module with the whole platform (config, database with migrations, queue
 * and its workers, outbox dispatcher, mail to a real SMTP listener), as every app
 * composes it, for integration tests. Close it in `afterAll`.
 */
export async function createPlatformTestModule(options: PlatformTestOptions = {}): Promise<PlatformTestContext> {
  if (options.shareStoreWith && !process.env.DATABASE_URL) {
    throw new Error('shareStoreWith needs DATABASE_URL: the embedded database belongs to one app at a time');
  }
  const store = options.shareStoreWith?.store ?? (await newStore());
  store.users++;
  const smtp = await SmtpListener.start();
  let module: TestingModule | undefined;
  try {
    const env: Record<string, string | undefined> = { ...process.env, SMTP_URL: smtp.url, RUN_WORKERS: 'true' };
    if (store.databaseUrl) env.DATABASE_URL = store.databaseUrl;
    if (store.queuePrefix) env.QUEUE_PREFIX = store.queuePrefix;
    const config = loadConfig({ ...env, ...options.env });
    assertTestDatabase(config.database.url);
    module = await Test.createTestingModule({
      imports: [PlatformModule.forRoot(config), ...(options.imports ?? [])],
      providers: options.providers ?? [],
    })
      .setLogger(new ConsoleLogger({ logLevels: ['error'] }))
      .compile();
    await module.init();
    const m = module;
    return {
      module: m,
      config,
      smtp,
      store,
      dataSource: m.get(DataSource),
      get: <T>(token: Type<T> | string | symbol) => m.get<T>(token),
      async close() {
        try {
          await m.close();
          await smtp.close();
        } finally {
          if (--store.users === 0) await store.drop();
        }
      },
    };
  } catch (err) {
    await module?.close().catch(() => undefined);
    await smtp.close();
    if (--store.users === 0) await store.drop();
    throw err;
  }
}

/** A unique, readable key or e-mail address for this test. */
export function uniqueKey(label = 'key'): string {
  return `${label}-${randomBytes(5).toString('hex')}`;
}
