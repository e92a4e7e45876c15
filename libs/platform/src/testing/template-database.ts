import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { dataSourceOptions } from '../database/data-source-options';
import { EmbeddedPostgres } from '../database/embedded-postgres';

/**
 * Test apps start from a database that is already migrated, instead of initialising and
 * migrating one each (docs/testing.md, "Where the time goes"): embedded, a cached dump of a migrated PGlite data directory; with
 * PostgreSQL, one migrated template database per run (CREATE DATABASE … TEMPLATE). The apps
 * still run their migrations at start: none is pending, so that costs one query.
 */
const ROOT = join(__dirname, '..', '..', '..', '..');
const CACHE_DIR = join(ROOT, 'var', 'test-cache');

/** Changes with any migration's text and with the PGlite release, which owns the dump's format. */
function templateKey(): string {
  const hash = createHash('sha256');
  const dir = join(ROOT, 'migrations');
  for (const name of readdirSync(dir).sort()) hash.update(name).update(readFileSync(join(dir, name)));
  try {
    hash.update(readFileSync(join(ROOT, 'node_modules', '@electric-sql', 'pglite', 'package.json')));
  } catch {
    hash.update('pglite version unknown');
  }
  return hash.digest('hex').slice(0, 16);
}

async function migrate(url: string, embedded: boolean): Promise<void> {
  const ds = new DataSource(dataSourceOptions(loadConfig(process.env), url, embedded));
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await ds.destroy();
  }
}

async function embeddedTemplate(): Promise<Blob> {
  const name = `pglite-${templateKey()}.tar`;
  const file = join(CACHE_DIR, name);
  try {
    return new Blob([readFileSync(file)]);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const pg = await EmbeddedPostgres.start('memory://', { quiet: true });
  let dump: Blob;
  try {
    await migrate(pg.url, true);
    dump = await pg.dump();
  } finally {
    await pg.stop();
  }
  mkdirSync(CACHE_DIR, { recursive: true });
  // dumps of other keys (older migrations, another PGlite) are never read again; another worker's
  // partial file (`.tar.<pid>`, about to be renamed) is left alone
  for (const old of readdirSync(CACHE_DIR)) {
    if (/^pglite-[0-9a-f]+\.tar$/.test(old) && old !== name) rmSync(join(CACHE_DIR, old), { force: true });
  }
  // two Jest workers may both make it: each writes its own file, the rename is atomic
  const partial = `${file}.${process.pid}`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, file);
  return dump;
}

/**
 * Opens the process's in-memory embedded database from the migrated dump, unless an app
 * already has it open; the app's DataSource closes it.
 */
export async function startEmbeddedFromTemplate(): Promise<void> {
  if (EmbeddedPostgres.current()) return;
  await EmbeddedPostgres.start('memory://', { from: await embeddedTemplate(), quiet: true });
}

/** Key of the advisory lock under which one test process makes the run's template database. */
const TEMPLATE_LOCK_KEY = 7_465_312_002;

async function withAdmin<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, application_name: 'leadpanel-test-setup' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** `url` on the same server, naming database `name`. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** One statement on a connection of its own (CREATE and DROP DATABASE cannot run in a pool's transaction). */
export async function adminQuery(url: string, sql: string): Promise<void> {
  await withAdmin(url, (client) => client.query(sql));
}

/** The run's migrated template database (`<run database>_template`), made by the first caller. */
export function templateDatabaseName(runDb: string): string {
  return `${new URL(runDb).pathname.slice(1)}_template`;
}

/** Creates database `name` on the run's server as a copy of the run's migrated template. */
export async function createFromTemplate(runDb: string, name: string): Promise<void> {
  const template = templateDatabaseName(runDb);
  await withAdmin(runDb, async (admin) => {
    await admin.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK_KEY]);
    try {
      const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
      if (found.rowCount === 0) {
        await admin.query(`CREATE DATABASE "${template}"`);
        try {
          await migrate(withDatabase(runDb, template), false);
        } catch (err) {
          await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
          throw err;
        }
      }
    } finally {
      await admin.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK_KEY]);
    }
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  });
}
