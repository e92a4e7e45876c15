/**
 * What the section aggregators need from the outside world: a raw SQL query and the study's
 * pseudonyms. Passed as functions so that each section stays a plain, focused function.
 */
export type Query = <T = Record<string, unknown>>(sql: string, params?: readonly unknown[]) => Promise<T[]>;

/**
 * Runs a SELECT through a server-side cursor, handing its rows `pageSize` at a time to
 * `onPage` (synchronously: the next page is fetched after it returns).
 */
export type Cursor = <T = Record<string, unknown>>(
  sql: string,
  params: readonly unknown[],
  pageSize: number,
  onPage: (rows: T[]) => void,
) => Promise<void>;

/** Stable study pseudonyms (`P-07`) of panellist ids; may write new ones, so never call it inside a transaction. */
export type Pseudonyms = (panellistIds: readonly string[]) => Promise<Map<string, string>>;

/** Longest verbatim in a report (quotes, ideas, feedback titles), in characters. */
export const QUOTE_MAX_LENGTH = 300;

/** A numeric column as PostgreSQL hands it back (`numeric` comes as a string), or undefined for null. */
export function num(value: unknown): number | undefined {
  if (value === null || value === undefined) return undefined;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${String(value)}`);
  return n;
}

/** A count column (`count(*)::int` or a bigint string) as a number. */
export function count(value: unknown): number {
  return num(value) ?? 0;
}
