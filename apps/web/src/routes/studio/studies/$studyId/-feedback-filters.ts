/**
 * The feedback board's search parameters, read by the route (kept tiny and free of imports
 * from src/areas/studio: this file stays with the route tree). The values are those of
 * libs/feedback (feedback-rules.ts, feedback-status.ts).
 */
export const FEEDBACK_KINDS = ['bug', 'idea', 'praise', 'question'] as const;
export const FEEDBACK_STATUSES = ['new', 'triaged', 'in_progress', 'resolved', 'wont_fix', 'duplicate'] as const;
/** most severe first */
export const FEEDBACK_SEVERITIES = ['blocker', 'critical', 'major', 'minor'] as const;

export interface FeedbackFilters {
  kind?: (typeof FEEDBACK_KINDS)[number];
  status?: (typeof FEEDBACK_STATUSES)[number];
  severity?: (typeof FEEDBACK_SEVERITIES)[number];
}

function oneOf<T extends string>(values: readonly T[], value: unknown): T | undefined {
  return typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** Reads the filters from the URL (anything unknown is dropped). */
export function feedbackFiltersOf(search: Record<string, unknown>): FeedbackFilters {
  return {
    kind: oneOf(FEEDBACK_KINDS, search.kind),
    status: oneOf(FEEDBACK_STATUSES, search.status),
    severity: oneOf(FEEDBACK_SEVERITIES, search.severity),
  };
}
