/**
 * Where the bench runs: the PostgreSQL server of DATABASE_URL (a database of its own on it,
 * `leadpanel_bench` unless BENCH_DATABASE says otherwise) and the Redis of REDIS_URL (a key
 * prefix of its own). The bench never touches another database: the name must contain
 * "bench", and only that database is created, truncated and seeded.
 */
import { Client } from 'pg';

export const DEFAULT_BENCH_DATABASE = 'leadpanel_bench';
export const DEFAULT_SMOKE_DATABASE = 'leadpanel_bench_smoke';
/** The API and the worker of the bench sign and check tokens with this secret (the bench signs its own tokens). */
export const DEFAULT_BENCH_JWT_SECRET = 'leadpanel-bench-jwt-secret-not-for-production-0001';

export class BenchEnvError extends Error {}

export interface BenchEnv {
  /** the server's URL as given (any database on it) */
  serverUrl: string;
  database: string;
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  jwtSecret: string;
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Reads the environment; refuses the embedded mode (no DATABASE_URL or REDIS_URL) with a clear message. */
export function benchEnv(env: NodeJS.ProcessEnv, opts: { smoke: boolean; needRedis: boolean }): BenchEnv {
  const smoke = opts.smoke;
  const serverUrl = env.DATABASE_URL?.trim();
  const redisUrl = env.REDIS_URL?.trim() ?? '';
  if (!serverUrl || (opts.needRedis && !redisUrl)) {
    throw new BenchEnvError(
      'The bench measures Leadpanel on PostgreSQL and Redis, not in embedded mode (PGlite, in-process jobs): ' +
        'set DATABASE_URL (any database on the server; the bench creates its own) and REDIS_URL, e.g.\n' +
        '  DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres REDIS_URL=redis://127.0.0.1:6379 npm run bench',
    );
  }
  const database = env.BENCH_DATABASE?.trim() || (smoke ? DEFAULT_SMOKE_DATABASE : DEFAULT_BENCH_DATABASE);
  if (!/^[a-z_][a-z0-9_]*$/.test(database) || !database.includes('bench')) {
    throw new BenchEnvError(`BENCH_DATABASE must be a plain lower-case name containing "bench" (got "${database}")`);
  }
  const jwtSecret = env.BENCH_JWT_SECRET?.trim() || DEFAULT_BENCH_JWT_SECRET;
  if (jwtSecret.length < 32) throw new BenchEnvError('BENCH_JWT_SECRET must be at least 32 characters long');
  return {
    serverUrl,
    database,
    databaseUrl: withDatabase(serverUrl, database),
    redisUrl,
    queuePrefix: env.BENCH_QUEUE_PREFIX?.trim() || (smoke ? 'lp-bench-smoke' : 'lp-bench'),
    jwtSecret,
  };
}

/** Creates the bench database when it is missing; answers whether it was created. */
export async function ensureDatabase(env: BenchEnv): Promise<boolean> {
  const admin = new Client({ connectionString: env.serverUrl, application_name: 'leadpanel-bench' });
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [env.database]);
    if (found.rowCount) return false;
    await admin.query(`CREATE DATABASE "${env.database}"`);
    return true;
  } finally {
    await admin.end();
  }
}

/** The environment of a Leadpanel process (API, worker, CLI) on the bench database and queue prefix. */
export function appEnv(env: BenchEnv, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...process.env };
  // nothing of the caller's Leadpanel configuration leaks into the bench processes
  for (const key of ['SMTP_URL', 'MAIL_DIR', 'PGLITE_DIR', 'BOOTSTRAP_ADMIN_EMAIL', 'BOOTSTRAP_ADMIN_PASSWORD', 'DATABASE_REPLICA_URL']) {
    delete base[key];
  }
  return {
    ...base,
    NODE_ENV: 'production',
    DATABASE_URL: env.databaseUrl,
    REDIS_URL: env.redisUrl,
    QUEUE_PREFIX: env.queuePrefix,
    JWT_SECRET: env.jwtSecret,
    DB_MIGRATE_ON_START: 'false',
    // the load comes from a few users on one address: the per-caller budget would refuse most of it
    RATE_LIMIT_PER_MINUTE: '1000000',
    ...extra,
  };
}
