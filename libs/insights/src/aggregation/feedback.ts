/**
 * Beta feedback of a report: counts by kind, severity and status, and the top "me too"
 * items (docs/domain.md "Insights"; docs/http-contract.md "Report JSON").
 *
 * Every value of the vocabulary is listed, with 0 when there is none (a count, not a
 * statistic). Items closed as `duplicate` are left out of the top: their original stands
 * for them.
 */
import { FEEDBACK_KINDS, FEEDBACK_SEVERITIES, FEEDBACK_STATUSES } from '@leadpanel/feedback';
import { maskPii, truncate } from '../domain';
import type { ReportContent } from '../reports/report-content';
import { count, QUOTE_MAX_LENGTH, type Query } from './db';

export const TOP_FEEDBACK = 5;

function zeros(keys: readonly string[]): Record<string, number> {
  return Object.fromEntries(keys.map((k) => [k, 0]));
}

export async function feedbackFigures(db: Query, studyId: string): Promise<ReportContent['feedback']> {
  const counts = await db<{ by: 'kind' | 'severity' | 'status'; key: string | null; n: number }>(
    `SELECT CASE WHEN GROUPING(kind) = 0 THEN 'kind' WHEN GROUPING(severity) = 0 THEN 'severity' ELSE 'status' END AS by,
            coalesce(kind, severity, status) AS key, count(*)::int AS n
       FROM feedback_items WHERE study_id = $1
      GROUP BY GROUPING SETS ((kind), (severity), (status))`,
    [studyId],
  );
  const byKind = zeros(FEEDBACK_KINDS);
  const bySeverity = zeros(FEEDBACK_SEVERITIES);
  const byStatus = zeros(FEEDBACK_STATUSES);
  const target = { kind: byKind, severity: bySeverity, status: byStatus };
  for (const r of counts) {
    if (r.key === null) continue; // non-bugs in the severity set
    target[r.by][r.key] = (target[r.by][r.key] ?? 0) + count(r.n);
  }
  const top = await db<{ id: string; kind: string; severity: string | null; status: string; title: string; me_too: number }>(
    `SELECT id, kind, severity, status, title, me_too_count AS me_too
       FROM feedback_items WHERE study_id = $1 AND status <> 'duplicate'
      ORDER BY me_too_count DESC, created_at, id
      LIMIT $2`,
    [studyId, TOP_FEEDBACK],
  );
  return {
    byKind,
    bySeverity,
    byStatus,
    top: top.map((f) => ({
      id: f.id,
      kind: f.kind,
      ...(f.severity === null ? {} : { severity: f.severity }),
      status: f.status,
      title: truncate(maskPii(f.title.normalize('NFC')).trim(), QUOTE_MAX_LENGTH),
      meToo: count(f.me_too),
    })),
  };
}
