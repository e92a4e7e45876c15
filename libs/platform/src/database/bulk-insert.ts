import type { EntityManager } from 'typeorm';

/** A column of a bulk insert: its SQL name and type, as in the table (e.g. `subject_id: 'uuid'`). */
export type BulkColumns = Readonly<Record<string, string>>;

/**
 * Inserts many rows in ONE statement with ONE parameter: the rows as a JSON array, turned back
 * into typed columns by `jsonb_to_recordset`. For thousands of rows (a wave's invitations and
 * e-mails) this replaces TypeORM's multi-row VALUES, whose one parameter per value costs the
 * API more CPU than the database spends inserting (bench/README.md, workload 4), and which
 * must be sliced under PostgreSQL's 65,535 parameters. Table and column names are the
 * caller's constants, never input. Rows are keyed by column name; a missing key is NULL (give
 * every column a value: a column's default does not apply). `ignoreConflicts`: ON CONFLICT
 * DO NOTHING (the rows left out are not returned).
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
