/**
 * Beta feedback triage (docs/domain.md, "Surveys and beta feedback"): a pure transition table.
 *
 *   new → triaged → in_progress → resolved | wont_fix | duplicate
 *
 * Decisions:
 * - Closing statuses are reachable early (a duplicate needs no triage, a quick fix no
 *   `in_progress`), but not `new → resolved`: somebody triages an item before calling it
 *   fixed.
 * - No going back inside the open line: the history must read forward; parking an item is
 *   what notes are for.
 * - Reopening lands on `triaged`, not `new`, because the item has been looked at already.
 * - No direct move between closing statuses: reopen first, so that every change of mind is
 *   one visible step.
 * - Staying put is not a transition; the PATCH endpoint reads it as "add a note"
 *   (feedback-rules.ts `decideTriage`).
 */
export const FEEDBACK_STATUSES = ['new', 'triaged', 'in_progress', 'resolved', 'wont_fix', 'duplicate'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

const MOVES: Record<FeedbackStatus, readonly FeedbackStatus[]> = {
  new: ['triaged', 'wont_fix', 'duplicate'],
  triaged: ['in_progress', 'resolved', 'wont_fix', 'duplicate'],
  in_progress: ['resolved', 'wont_fix', 'duplicate'],
  resolved: ['triaged'],
  wont_fix: ['triaged'],
  duplicate: ['triaged'],
};

/** Statuses that end the work on an item (reopening goes back to `triaged`). */
export const CLOSED_FEEDBACK_STATUSES: readonly FeedbackStatus[] = ['resolved', 'wont_fix', 'duplicate'];

export function isFeedbackStatus(value: unknown): value is FeedbackStatus {
  return typeof value === 'string' && (FEEDBACK_STATUSES as readonly string[]).includes(value);
}

export function canTransition(from: FeedbackStatus, to: FeedbackStatus): boolean {
  return MOVES[from].includes(to);
}

/** The statuses `from` may move to, in lifecycle order. */
export function nextStatuses(from: FeedbackStatus): readonly FeedbackStatus[] {
  return FEEDBACK_STATUSES.filter((to) => canTransition(from, to));
}

export function isClosed(status: FeedbackStatus): boolean {
  return CLOSED_FEEDBACK_STATUSES.includes(status);
}
