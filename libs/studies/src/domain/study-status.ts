/**
 * Study lifecycle (docs/domain.md, "Studies"): a pure transition table.
 *
 * Decisions:
 * - "Only forward moves along that line" is read as one step at a time: no skipping, and
 *   no going back except in_field → recruiting (reopen recruitment, e.g. after drop-outs).
 * - Staying put is not a transition: the service answers 409, so a retried transition is
 *   visible rather than silently accepted.
 */
export const STUDY_STATUSES = ['draft', 'recruiting', 'in_field', 'analysing', 'closed'] as const;
export type StudyStatus = (typeof STUDY_STATUSES)[number];

const MOVES: Record<StudyStatus, readonly StudyStatus[]> = {
  draft: ['recruiting'],
  recruiting: ['in_field'],
  in_field: ['analysing', 'recruiting'],
  analysing: ['closed'],
  closed: [],
};

/** Criteria and quotas may change only before fieldwork starts for good. */
const CRITERIA_EDITABLE: readonly StudyStatus[] = ['draft', 'recruiting'];

export function isStudyStatus(value: unknown): value is StudyStatus {
  return typeof value === 'string' && (STUDY_STATUSES as readonly string[]).includes(value);
}

export function canTransition(from: StudyStatus, to: StudyStatus): boolean {
  return MOVES[from].includes(to);
}

/** The statuses `from` may move to, in lifecycle order. */
export function nextStatuses(from: StudyStatus): readonly StudyStatus[] {
  return STUDY_STATUSES.filter((to) => canTransition(from, to));
}

export function criteriaEditable(status: StudyStatus): boolean {
  return CRITERIA_EDITABLE.includes(status);
}
