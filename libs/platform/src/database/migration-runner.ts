import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';

/** Key of the advisory lock that serialises migrations across replicas starting together. */
const MIGRATION_LOCK_KEY = 7_465_312_001;

@Injectable()
export class MigrationRunner implements OnModuleInit {
  private readonly logger = new Logger('Migrations');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.config.database.migrateOnStart) await this.run();
  }

  /** Runs pending migrations; on PostgreSQL under an advisory lock held by a dedicated connection. */
  async run(): Promise<string[]> {
    if (this.config.database.url === null) return this.runPending();
    const client = new Client({ connectionString: this.config.database.url, application_name: 'leadpanel-migrate' });
    client.on('error', (err) => this.logger.warn(`migration lock connection error: ${err.message}`));
    await client.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      try {
        return await this.runPending();
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
      }
    } finally {
      await client.end();
    }
  }

  private async runPending(): Promise<string[]> {
    const done = await this.dataSource.runMigrations({ transaction: 'each' });
    for (const m of done) this.logger.log(`applied ${m.name}`);
    return done.map((m) => m.name);
  }

  /** SQL that would bring the schema in line with the entities; empty when they agree. */
  async pendingSchemaChanges(): Promise<{ up: string[]; down: string[] }> {
    const sql = await this.dataSource.driver.createSchemaBuilder().log();
    return { up: sql.upQueries.map((q) => q.query), down: sql.downQueries.map((q) => q.query) };
  }
}
