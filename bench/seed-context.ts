/** What the bench seed's parts share: the id kinds and study numbers, SQL helpers, and the open sessions. */
import type { Client } from 'pg';
import { mulberry32 } from '@leadpanel/platform';

/** Id kinds (the `kind` of `uid(kind, i)`). */
export const K = {
  staff: 0,
  panellist: 1,
  study: 2,
  wave: 3,
  survey: 4,
  brand: 5,
  attribute: 6,
  campaign: 7,
  invitation: 10, // + study number
  participant: 30, // + study number
  reportAssignment: 50,
  submitAssignment: 51,
  submitSession: 52,
  researcherSession: 53,
  outbox: 54,
  answer: 100, // + question index
} as const;

/** Study numbers (i of uid(K.study, i)); 5..12 are the past studies. */
export const S = { report: 1, preview: 2, wave: 3, submit: 4 } as const;
export const PAST_STUDIES = [5, 6, 7, 8, 9, 10, 11, 12] as const;
/** When each past study's wave went out (days ago): four within the contact cap's 30 days. */
export const PAST_WAVE_DAYS_AGO: Readonly<Record<number, number>> = { 5: 4, 6: 10, 7: 17, 8: 25, 9: 40, 10: 55, 11: 75, 12: 96 };

/** A 100-entry lookup array from [value, percent] weights: `arr[1 + floor(r * 100)]`. */
export function lookup<T>(weights: ReadonlyArray<[T, number]>): T[] {
  const out: T[] = [];
  for (const [v, pct] of weights) for (let k = 0; k < pct; k++) out.push(v);
  if (out.length !== 100) throw new Error(`weights must sum to 100 (got ${out.length})`);
  return out;
}

export function combos(values: readonly string[], count: number, seed: number, min: number, max: number): string[] {
  const r = mulberry32(seed);
  return Array.from({ length: count }, () => {
    const n = min + Math.floor(r() * (max - min + 1));
    const picked = new Set<string>();
    while (picked.size < n) picked.add(values[Math.floor(r() * values.length)]);
    return JSON.stringify([...picked]);
  });
}

/** A SQL literal of a text array (the values are this file's constants). */
export function textArray(values: ReadonlyArray<string | null>): string {
  return `(ARRAY[${values.map((v) => (v === null ? 'NULL' : `'${v.replace(/'/g, "''")}'`)).join(',')}]::text[])`;
}

export function step(log: (line: string) => void, label: string): () => void {
  const t0 = process.hrtime.bigint();
  return () => log(`${label} (${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(1)} s)`);
}

/** The two sessions of a seed run, its helpers and its arguments. */
export interface SeedContext {
  clients: Client[];
  /** a statement on the first session */
  q: (sql: string, params?: unknown[]) => Promise<Array<Record<string, unknown>>>;
  /** The id of (kind, i), as the SQL statements make it. */
  uid: (kind: number, i: number) => Promise<string>;
  /** Runs `sql` on both sessions, for rows $lo..$hi of 1..n split in halves (the last two parameters). */
  halves: (sql: string, params: unknown[], n: number) => Promise<void>;
  log: (line: string) => void;
  /** panellists */
  N: number;
  /** answer rows */
  M: number;
  seed: number;
  submitPool: number;
}
