import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';

/**
 * One fresh database per run (created here, dropped in teardown) when DATABASE_URL
 * is set; one BullMQ prefix per run when REDIS_URL is set. With nothing set every
 * test app opens its own in-memory PGlite and runs jobs in-process.
 */
export default async function globalSetup(): Promise<void> {
  const run = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  process.env.NODE_ENV = 'test';
  process.env.LOG_LEVEL ??= 'error';
  process.env.JWT_SECRET ??= randomBytes(48).toString('base64url');
  process.env.LEADPANEL_TEST_RUN = run;
  // argon2id at 1 MiB: every join and login would otherwise cost 0.3 s of CPU (production refuses
  // less than OWASP's 19 MiB; the hashing itself is the same code)
  process.env.PASSWORD_HASH_MEMORY_KIB ??= '1024';
  if (process.env.REDIS_URL) process.env.QUEUE_PREFIX = `lp-test-${run}`;
  if (process.env.DATABASE_URL) {
    const server = new URL(process.env.DATABASE_URL);
    const name = `leadpanel_test_${run}`;
    const admin = new Client({ connectionString: withDatabase(server, 'postgres') });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    process.env.LEADPANEL_TEST_SERVER_URL = server.toString();
    process.env.DATABASE_URL = withDatabase(server, name);
    console.log(`\ntests use PostgreSQL database ${name}${process.env.REDIS_URL ? ` and Redis prefix ${process.env.QUEUE_PREFIX}` : ''}`);
  } else {
    process.env.PGLITE_DIR = 'memory://';
    const left = countPostgresOnlyFiles(join(__dirname, '..', '..'));
    console.log(`\nembedded mode (PGlite, in-process jobs); ${left} test file(s) that need a real PostgreSQL server are left out`);
  }
  if (process.env.LEADPANEL_PG_BINARIES_MISSING === 'true')
    console.log(
      'PostgreSQL server binaries not found (PG_BIN, /usr/lib/postgresql/15/bin, pg_config): the database outage test (test/platform/database-outage.int-spec.ts) is left out',
    );
}

function withDatabase(url: URL, db: string): string {
  const u = new URL(url.toString());
  u.pathname = `/${db}`;
  return u.toString();
}

function countPostgresOnlyFiles(root: string): number {
  let n = 0;
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name === 'dist' || e.name.startsWith('.')) continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.pg\.(int|e2e)-spec\.ts$/.test(e.name)) n++;
    }
  };
  for (const d of ['apps', 'libs', 'test']) walk(join(root, d));
  return n;
}
