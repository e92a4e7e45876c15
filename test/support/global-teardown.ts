import { Redis } from 'ioredis';
import { Client } from 'pg';

export default async function globalTeardown(): Promise<void> {
  const db = process.env.DATABASE_URL;
  if (db && process.env.LEADPANEL_TEST_SERVER_URL) {
    const name = new URL(db).pathname.slice(1);
    if (!name.includes('test')) throw new Error(`refusing to drop ${name}: not a test database`);
    const server = new URL(process.env.LEADPANEL_TEST_SERVER_URL);
    server.pathname = '/postgres';
    const admin = new Client({ connectionString: server.toString() });
    await admin.connect();
    // the run's database, the migrated template every test database is made from
    // (libs/platform/src/testing/template-database.ts), and any test database an app failed to drop
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname = $1 OR left(datname, length($1) + 1) = $1 || '_'`,
      [name],
    );
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await admin.end();
  }
  const prefix = process.env.QUEUE_PREFIX;
  if (process.env.REDIS_URL && prefix?.startsWith('lp-test-')) {
    const redis = new Redis(process.env.REDIS_URL, { maxRetriesPerRequest: 1 });
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    await redis.quit();
  }
}
