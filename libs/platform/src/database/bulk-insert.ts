import type { EntityManager } from 'typeorm';

/** A column of a bulk insert: its SQL name and type, as in the table (e.g. `subject_id: 'uuid'`). */
export type BulkColumns = Readonly<Record<string, string>>;

/**
 * Inserts many rows in ONE statement with ONE parameter (a JSON array through
 * `jsonb_to_recordset`). TypeORM's multi-row VALUES, one parameter per value, cost the API
 * more CPU than the database spent inserting a wave (bench/README.md, workload 4), and must
 * be sliced under PostgreSQL's 65,535 parameters. Table and column names are the caller's
 * constants, never input. A missing key is NULL: a column's default does not apply.
 */
export async function bulkInsert<R extends Record<string, unknown>>(
  em: EntityManager,
  table: string,
  columns: BulkColumns,
  rows: ReadonlyArray<Record<string, unknown>>,
  opts: { returning: ReadonlyArray<string>; ignoreConflicts?: boolean },
): Promise<R[]> {
  if (rows.length === 0) return [];
  const names = Object.keys(columns);
  const sql =
    `INSERT INTO ${table} (${names.join(', ')}) ` +
    `SELECT ${names.map((n) => `r.${n}`).join(', ')} ` +
    `FROM jsonb_to_recordset($1::jsonb) AS r(${names.map((n) => `${n} ${columns[n]}`).join(', ')})` +
    (opts.ignoreConflicts ? ' ON CONFLICT DO NOTHING' : '') +
    ` RETURNING ${opts.returning.join(', ')}`;
  return (await em.query(sql, [JSON.stringify(rows)])) as R[];
}
