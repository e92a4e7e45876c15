import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  buildOpenApiDocument,
  loadConfig,
  loadConfigOrExit,
  MigrationRunner,
  OutboxDispatcher,
  setApiPrefix,
  type AppConfig,
} from '@leadpanel/platform';
import { UsersService } from '@leadpanel/identity';
import { BENCH_SEED_USAGE, benchSeedCommand } from '../../../bench/cli';
import { ApiModule } from '@leadpanel/composition';
import { CliModule } from './cli.module';
import { addToIndex, migrationSource } from './commands/migration-file';
import { embeddedDemoSecret } from './demo/demo-secret';
import { DemoSeeder, formatDemoSummary } from './demo/demo-seeder';

const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  migrate                         apply pending migrations (under an advisory lock)
  migrations:check                fail when the entities and the migrations disagree
  migration:generate <Name>       write migrations/<time>-<Name>.ts from the entity changes
  create-admin --email E --password P
                                  create an admin account
  seed-demo                       migrate, then seed the demo (brand Maison Lumière, panel, study,
                                  report) through the services; prints the logins and URLs.
                                  Run it again: nothing is duplicated, the summary is printed again
  openapi [file]                  write the API's OpenAPI document (what GET /api/docs-json serves) to
                                  the file, or to standard output; needs no database or server
${BENCH_SEED_USAGE}`;

async function withApp<T>(config: AppConfig, fn: (app: INestApplicationContext) => Promise<T>): Promise<T> {
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(config), { logger: ['error', 'warn'], abortOnError: false });
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  if (command === 'bench-seed') {
    // the bench database, not DATABASE_URL's: migrated here, then seeded in SQL (bench/seed.ts)
    return benchSeedCommand(rest, async (databaseUrl, jwtSecret) => {
      const env = { NODE_ENV: 'production', LOG_LEVEL: 'warn', DATABASE_URL: databaseUrl, JWT_SECRET: jwtSecret };
      const benchConfig = loadConfig(env);
      await withApp(
        {
          ...benchConfig,
          database: { ...benchConfig.database, migrateOnStart: false },
          queue: { ...benchConfig.queue, dispatchOutbox: false },
        },
        (app) => app.get(MigrationRunner).run(),
      );
    });
  }
  const base = loadConfigOrExit();
  // commands decide themselves whether to migrate; the dispatcher is not started here
  const config: AppConfig = {
    ...base,
    database: { ...base.database, migrateOnStart: false },
    queue: { ...base.queue, dispatchOutbox: false },
  };
  switch (command) {
    case 'migrate':
      return withApp(config, async (app) => {
        const applied = await app.get(MigrationRunner).run();
        process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'no pending migrations\n');
        return 0;
      });
    case 'migrations:check':
      return withApp(config, async (app) => {
        const runner = app.get(MigrationRunner);
        await runner.run();
        const { up } = await runner.pendingSchemaChanges();
        if (up.length === 0) {
          process.stdout.write('entities and migrations agree\n');
          return 0;
        }
        process.stderr.write(
          `entities and migrations disagree; generate a migration. Missing SQL:\n${up.map((q) => `  ${q};`).join('\n')}\n`,
        );
        return 1;
      });
    case 'migration:generate': {
      const name = rest[0];
      if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
        process.stderr.write('migration:generate needs a PascalCase name, e.g. AddStudies\n');
        return 2;
      }
      return withApp(config, async (app) => {
        const runner = app.get(MigrationRunner);
        await runner.run();
        const { up, down } = await runner.pendingSchemaChanges();
        if (up.length === 0) {
          process.stdout.write('no changes: entities and migrations agree\n');
          return 0;
        }
        const ts = Date.now();
        const className = `${name}${ts}`;
        const dir = resolve('migrations');
        writeFileSync(join(dir, `${ts}-${name}.ts`), migrationSource(className, up, down));
        const indexPath = join(dir, 'index.ts');
        writeFileSync(indexPath, addToIndex(readFileSync(indexPath, 'utf8'), className, `${ts}-${name}`));
        process.stdout.write(`wrote migrations/${ts}-${name}.ts (${up.length} statements); review it before committing\n`);
        return 0;
      });
    }
    case 'create-admin': {
      const { values } = parseArgs({ args: rest, options: { email: { type: 'string' }, password: { type: 'string' } } });
      const email = values.email ?? process.env.ADMIN_EMAIL;
      const password = values.password ?? process.env.ADMIN_PASSWORD;
      if (!email || !password) {
        process.stderr.write('create-admin needs --email and --password\n');
        return 2;
      }
      return withApp({ ...config, database: { ...config.database, migrateOnStart: true } }, async (app) => {
        await app.get(MigrationRunner).run();
        const user = await app.get(UsersService).createStaff({ email, password, role: 'admin' });
        await app.get(OutboxDispatcher).drain();
        process.stdout.write(`admin ${user.email} created (${user.id})\n`);
        return 0;
      });
    }
    case 'openapi': {
      // preview: the module graph and the controllers' metadata, no provider is instantiated
      // (no database, no queue), which is all the document is built from
      const app = await NestFactory.create(ApiModule.forRoot(config), { preview: true, logger: ['error'], abortOnError: false });
      try {
        setApiPrefix(app);
        const json = `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`;
        if (rest[0]) {
          mkdirSync(dirname(resolve(rest[0])), { recursive: true });
          writeFileSync(rest[0], json);
          process.stdout.write(`wrote ${rest[0]}\n`);
        } else process.stdout.write(json);
        return 0;
      } finally {
        await app.close();
      }
    }
    case 'seed-demo': {
      // embedded without JWT_SECRET: the demo's kept secret, so the printed share link opens on the next API start
      const onDisk = config.database.url === null && !config.database.pgliteDir.startsWith('memory://');
      const secret = onDisk && !process.env.JWT_SECRET ? embeddedDemoSecret(config.database.pgliteDir) : null;
      const demoConfig: AppConfig = secret ? { ...config, auth: { ...config.auth, jwtSecret: secret } } : config;
      return withApp(demoConfig, async (app) => {
        await app.get(MigrationRunner).run();
        const summary = await app.get(DemoSeeder).seed((line) => process.stdout.write(`  ${line}\n`));
        process.stdout.write(formatDemoSummary(summary));
        return 0;
      });
    }
    default:
      process.stdout.write(USAGE);
      return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    const e = err as { code?: string; message?: string; detail?: string };
    process.stderr.write(`${e.code ? `${e.code}: ` : ''}${e.message ?? String(err)}\n`);
    process.exit(1);
  },
);
