/**
 * The four segments of composition and cross-tabs (docs/http-contract.md "Report JSON": country, gender,
 * ageBand, tier), as SQL over the panellists table, and how their rows are read back.
 *
 * Decisions:
 * - Every segment value is a non-null string ("unknown" when missing). Erased panellists
 *   keep their anonymous facts, so they are counted with their own values.
 * - Age bands come from `ageBandSql` of @leadpanel/platform (the same edges as quotas),
 *   with the UTC year the report is generated in as the reference year.
 * - Over answer rows (a million for a large survey), segment values are not carried row by
 *   row: `segmentCtesSql` maps each assignment to a number for its combination of values (a
 *   few hundred at most in practice), and the answers are grouped by that number.
 * - "unknown" sorts last everywhere.
 */
import { AGE_BANDS, ageBandSql } from '@leadpanel/platform';

export const SEGMENTS = ['country', 'gender', 'ageBand', 'tier'] as const;
export type Segment = (typeof SEGMENTS)[number];
export const UNKNOWN = 'unknown';

/** Column aliases of the segment values inside the aggregation queries. */
const COLUMN: Readonly<Record<Segment, string>> = {
  country: 'seg_country',
  gender: 'seg_gender',
  ageBand: 'seg_age_band',
  tier: 'seg_tier',
};

/** The four `seg_*` select-list columns for panellist alias `alias` (which may be null from a LEFT JOIN). */
export function segmentColumnsSql(alias: string, yearParam: string): string {
  return [
    `coalesce(${alias}.country::text, '${UNKNOWN}') AS ${COLUMN.country}`,
    `coalesce(${alias}.gender::text, '${UNKNOWN}') AS ${COLUMN.gender}`,
    `${ageBandSql(`${alias}.birth_year`, yearParam, UNKNOWN)} AS ${COLUMN.ageBand}`,
    `coalesce(${alias}.tier::text, '${UNKNOWN}') AS ${COLUMN.tier}`,
  ].join(', ');
}

/** The names of the `seg_*` columns, for a GROUP BY over them. */
export const SEGMENT_COLUMNS: readonly string[] = SEGMENTS.map((s) => COLUMN[s]);

/**
 * `GROUPING SETS ((keys…), (keys…, seg_country), …)`: one set per segment, plus the keys
 * alone when `total` (the figures of the whole question). Keys are column names.
 */
export function segmentGroupingSetsSql(keys: readonly string[], total: boolean): string {
  const sets = SEGMENTS.map((s) => `(${[...keys, COLUMN[s]].join(', ')})`);
  if (total) sets.unshift(`(${keys.join(', ')})`);
  return `GROUPING SETS (${sets.join(', ')})`;
}

/** Select-list columns `segment` (null on total rows) and `segment_value` of a grouping-sets query. */
export function segmentLabelSql(): string {
  const label = SEGMENTS.map((s) => `WHEN GROUPING(${COLUMN[s]}) = 0 THEN '${s}'`).join(' ');
  return `CASE ${label} END AS segment, coalesce(${SEGMENT_COLUMNS.join(', ')}) AS segment_value`;
}

export function isSegment(value: unknown): value is Segment {
  return typeof value === 'string' && (SEGMENTS as readonly string[]).includes(value);
}

/** Values of a segment in report order (see the header). */
export function orderSegmentValues<T extends { value: string; n: number }>(segment: Segment, rows: readonly T[]): T[] {
  const unknownLast = (a: T, b: T): number => Number(a.value === UNKNOWN) - Number(b.value === UNKNOWN);
  const byValue = (a: T, b: T): number => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
  if (segment === 'ageBand') {
    const rank = (v: string): number => {
      const i = (AGE_BANDS as readonly string[]).indexOf(v);
      return i < 0 ? AGE_BANDS.length : i;
    };
    return [...rows].sort((a, b) => unknownLast(a, b) || rank(a.value) - rank(b.value) || byValue(a, b));
  }
  return [...rows].sort((a, b) => unknownLast(a, b) || b.n - a.n || byValue(a, b));
}

/**
 * CTEs `seg` (assignment id → segment values), `combos` (combo number → segment values,
 * one row per distinct combination) and `keyed` (assignment id → combo number) over the
 * survey assignments `a` matching `where` (panellist alias `p`). Append more CTEs after it.
 */
export function segmentCtesSql(where: string, yearParam: string): string {
  const cols = SEGMENT_COLUMNS.join(', ');
  return `seg AS MATERIALIZED (
      SELECT a.id, ${segmentColumnsSql('p', yearParam)}
        FROM survey_assignments a LEFT JOIN panellists p ON p.id = a.panellist_id
       WHERE ${where}),
    combos AS MATERIALIZED (SELECT row_number() OVER () AS combo, c.* FROM (SELECT DISTINCT ${cols} FROM seg) c),
    keyed AS MATERIALIZED (SELECT s.id, c.combo FROM seg s JOIN combos c USING (${cols}))`;
}
