/**
 * The study, its funnel, quota attainment and panel composition (docs/http-contract.md "Report JSON").
 *
 * Decisions:
 * - `completed` counts enrolled participants with at least one survey assignment in the
 *   study, every one of them submitted.
 * - Quota attainment reads the cells recorded on the participant at invitation (`cellKey`),
 *   exactly as the studies context counts them when it decides whether a cell is full.
 * - Erased panellists keep their anonymous facts and count in the composition.
 */
import { cellKey, type Quota } from '@leadpanel/studies';
import type { ReportContent, ValueCount } from '../reports/report-content';
import { count, type Query } from './db';
import { isSegment, orderSegmentValues, segmentColumnsSql, segmentGroupingSetsSql, segmentLabelSql, type Segment } from './segments';

export interface StudyFacts {
  study: ReportContent['study'];
  quotas: Quota[];
}

/** The study's title, theme, status and quota targets, or null when there is no such study. */
export async function studyFacts(db: Query, studyId: string): Promise<StudyFacts | null> {
  const [row] = await db<{ title: string; theme: string; status: string; quotas: Quota[] | null }>(
    `SELECT title, theme, status, quotas FROM studies WHERE id = $1`,
    [studyId],
  );
  if (!row) return null;
  return { study: { title: row.title, theme: row.theme, status: row.status }, quotas: row.quotas ?? [] };
}

export async function funnel(db: Query, studyId: string): Promise<ReportContent['funnel']> {
  const [row] = await db(
    `SELECT i.invited, i.accepted, i.declined, i.expired, i.waitlisted, e.enrolled, e.completed
       FROM (SELECT count(*)::int AS invited,
                    (count(*) FILTER (WHERE status = 'accepted'))::int AS accepted,
                    (count(*) FILTER (WHERE status = 'declined'))::int AS declined,
                    (count(*) FILTER (WHERE status = 'expired'))::int AS expired,
                    (count(*) FILTER (WHERE status = 'waitlisted'))::int AS waitlisted
               FROM study_invitations WHERE study_id = $1) i,
            (SELECT count(*)::int AS enrolled,
                    (count(*) FILTER (WHERE a.assigned > 0 AND a.open = 0))::int AS completed
               FROM study_participants sp
               LEFT JOIN (SELECT panellist_id, count(*) AS assigned, count(*) FILTER (WHERE status <> 'submitted') AS open
                            FROM survey_assignments WHERE study_id = $1 GROUP BY panellist_id) a ON a.panellist_id = sp.panellist_id
              WHERE sp.study_id = $1 AND sp.status = 'enrolled') e`,
    [studyId],
  );
  return {
    invited: count(row?.invited),
    accepted: count(row?.accepted),
    declined: count(row?.declined),
    expired: count(row?.expired),
    waitlisted: count(row?.waitlisted),
    enrolled: count(row?.enrolled),
    completed: count(row?.completed),
  };
}

export async function quotaAttainment(db: Query, studyId: string, quotas: readonly Quota[]): Promise<ReportContent['quotas']> {
  if (quotas.length === 0) return [];
  const rows = await db<{ k: string; n: number }>(
    `SELECT k, count(*)::int AS n FROM study_participants, unnest(cells) AS k WHERE study_id = $1 AND status = 'enrolled' GROUP BY k`,
    [studyId],
  );
  const enrolled = new Map(rows.map((r) => [r.k, count(r.n)]));
  return quotas.map((q) => ({ dimension: q.dimension, value: q.value, target: q.target, enrolled: enrolled.get(cellKey(q)) ?? 0 }));
}

export async function composition(db: Query, studyId: string, referenceYear: number): Promise<ReportContent['composition']> {
  const rows = await db<{ segment: string | null; segment_value: string; n: number }>(
    `SELECT ${segmentLabelSql()}, count(*)::int AS n
       FROM (SELECT ${segmentColumnsSql('p', '$2')}
               FROM study_participants sp LEFT JOIN panellists p ON p.id = sp.panellist_id
              WHERE sp.study_id = $1 AND sp.status = 'enrolled') s
      GROUP BY ${segmentGroupingSetsSql([], false)}`,
    [studyId, referenceYear],
  );
  const out: Record<Segment, ValueCount[]> = { country: [], gender: [], ageBand: [], tier: [] };
  for (const r of rows) if (isSegment(r.segment)) out[r.segment].push({ value: r.segment_value, n: count(r.n) });
  return {
    country: orderSegmentValues('country', out.country),
    gender: orderSegmentValues('gender', out.gender),
    ageBand: orderSegmentValues('ageBand', out.ageBand),
    tier: orderSegmentValues('tier', out.tier),
  };
}
