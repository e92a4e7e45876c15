/**
 * Beta feedback triage (docs/domain.md, "Surveys and beta feedback"): a pure transition table.
 *
 *   new → triaged → in_progress → resolved | wont_fix | duplicate
 *
 * Decisions:
 * - Forward only along that line, with the closing statuses reachable early: an item
 *   can be closed as `wont_fix` or `duplicate` straight from `new` (no need to triage
 *   a duplicate first), and `resolved` from `triaged` (a quick fix needs no
 *   `in_progress` step). `new → resolved` is not allowed: somebody looks at an item
 *   (triages it) before calling it fixed. `new → in_progress` is not allowed either:
 *   work starts on triaged items.
 * - No going back inside the open line (`in_progress → triaged`, `triaged → new`):
 *   the history must read forward. Parking an item is what notes are for.
 * - Reopening: `resolved`, `wont_fix` and `duplicate` may go back to `triaged`
 *   (a regression, a decision revisited, a wrong duplicate). Reopening lands on
 *   `triaged`, not `new`, because the item has been looked at already. Leaving
 *   `duplicate` clears `duplicateOfId` (the service does that).
 * - Between closing statuses there is no direct move (`resolved → wont_fix`…):
 *   reopen first, so that every change of mind is one visible step.
 * - Staying put (from === to) is not a transition. The PATCH endpoint treats a
 *   same-status request as "add a note" (or re-point a duplicate); see
 *   feedback-rules.ts `decideTriage`.
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
