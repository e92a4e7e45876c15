import { Client } from 'pg';

/**
 * Whether another transaction holds a lock on the row `id` of `table`: a second connection asks
 * for it with `FOR UPDATE NOWAIT` and is refused (SQLSTATE 55P03) while the lock is held. Needs
 * a PostgreSQL server (a second connection): use it in `*.pg.int-spec.ts` files.
 */
export async function isRowLocked(databaseUrl: string, table: string, id: string): Promise<boolean> {
  const client = new Client({ connectionString: databaseUrl, application_name: 'leadpanel-test-lock-probe' });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT 1 FROM ${table} WHERE id = $1 FOR UPDATE NOWAIT`, [id]);
    return false;
  } catch (err) {
    if ((err as { code?: string }).code === '55P03') return true;
    throw err;
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end();
  }
}
