import { isBlankText, type FieldError } from '@leadpanel/platform';
import { canTransition, type FeedbackStatus } from './feedback-status';

/**
 * Beta feedback rules that need no database: the vocabulary, what a filing must
 * hold, and what a triage request means. Plain functions, unit-tested on their own.
 */
export const FEEDBACK_KINDS = ['bug', 'idea', 'praise', 'question'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

/** Most severe first. */
export const FEEDBACK_SEVERITIES = ['blocker', 'critical', 'major', 'minor'] as const;
export type FeedbackSeverity = (typeof FEEDBACK_SEVERITIES)[number];

export const FEEDBACK_LIMITS = { area: 100, title: 200, body: 10_000, note: 5_000 } as const;

export interface FilingInput {
  kind: FeedbackKind;
  severity?: FeedbackSeverity | null;
  area?: string | null;
  title: string;
  body: string;
  productId?: string | null;
}

/**
 * What is wrong with a filing beyond types and lengths (the DTO checks those):
 * a bug needs a severity, and only a bug takes one; title and body must say
 * something. An empty list means the filing is fine.
 */
export function filingProblems(input: FilingInput): FieldError[] {
  const problems: FieldError[] = [];
  const hasSeverity = input.severity !== undefined && input.severity !== null;
  if (input.kind === 'bug' && !hasSeverity) {
    problems.push({ field: 'severity', message: `severity is required for a bug (one of ${FEEDBACK_SEVERITIES.join(', ')})` });
  }
  if (input.kind !== 'bug' && hasSeverity) {
    problems.push({ field: 'severity', message: `severity applies to bugs only, not to a ${input.kind}` });
  }
  if (isBlankText(input.title)) problems.push({ field: 'title', message: 'title must not be blank' });
  if (isBlankText(input.body)) problems.push({ field: 'body', message: 'body must not be blank' });
  return problems;
}

/** The filing as stored: trimmed title and area, a blank area is no area, no severity off bugs. */
export function normalizeFiling(input: FilingInput): {
  kind: FeedbackKind;
  severity: FeedbackSeverity | null;
  area: string | null;
  title: string;
  body: string;
  productId: string | null;
} {
  const area = input.area?.trim() ?? '';
  return {
    kind: input.kind,
    severity: input.kind === 'bug' ? (input.severity ?? null) : null,
    area: area.length > 0 ? area : null,
    title: input.title.trim(),
    body: input.body,
    productId: input.productId ?? null,
  };
}

export interface TriageInput {
  status: FeedbackStatus;
  duplicateOfId?: string | null;
  note?: string | null;
}

/**
 * Shape rules of PATCH /feedback/:id (400): `duplicateOfId` is required with
 * status `duplicate` and refused with any other status; a note must say something.
 */
export function triageProblems(input: TriageInput): FieldError[] {
  const problems: FieldError[] = [];
  const hasTarget = input.duplicateOfId !== undefined && input.duplicateOfId !== null;
  if (input.status === 'duplicate' && !hasTarget) {
    problems.push({ field: 'duplicateOfId', message: 'duplicateOfId is required when status is duplicate' });
  }
  if (input.status !== 'duplicate' && hasTarget) {
    problems.push({ field: 'duplicateOfId', message: 'duplicateOfId goes with status duplicate only' });
  }
  if (input.note !== undefined && input.note !== null && isBlankText(input.note)) {
    problems.push({ field: 'note', message: 'note must not be blank' });
  }
  return problems;
}

export type TriageDecision =
  /** the status changes along the table */
  | { action: 'move' }
  /** stays `duplicate` and points at another item */
  | { action: 'repoint' }
  /** same status (and same duplicate target): only the note is recorded */
  | { action: 'note' }
  /** 409: an illegal move, or nothing to change */
  | { action: 'refuse'; reason: string };

/**
 * What a (shape-valid) triage request does to an item. The same status with nothing else
 * is refused (409), like any non-move, so that a client that thinks it changed something
 * learns that it did not.
 */
export function decideTriage(current: { status: FeedbackStatus; duplicateOfId: string | null }, input: TriageInput): TriageDecision {
  const hasNote = input.note !== undefined && input.note !== null && !isBlankText(input.note);
  if (input.status !== current.status) {
    return canTransition(current.status, input.status)
      ? { action: 'move' }
      : { action: 'refuse', reason: `Feedback cannot go from ${current.status} to ${input.status}` };
  }
  if (input.status === 'duplicate' && (input.duplicateOfId ?? null) !== current.duplicateOfId) return { action: 'repoint' };
  if (hasNote) return { action: 'note' };
  return { action: 'refuse', reason: `Feedback is already ${current.status}; send a note to add one without changing the status` };
}

export interface DuplicateCandidate {
  id: string;
  studyId: string;
  status: FeedbackStatus;
}

/**
 * Why `target` cannot be what `item` duplicates (422), or null when it can: it must
 * be another item of the same study, and not itself a duplicate (point at the
 * original instead). The last rule also means duplicates never form a cycle.
 */
export function duplicateTargetProblem(
  item: { id: string; studyId: string },
  targetId: string,
  target: DuplicateCandidate | null,
): string | null {
  if (targetId === item.id) return 'A feedback item cannot be a duplicate of itself';
  if (!target || target.studyId !== item.studyId) return `Feedback ${targetId} is not an item of the same study`;
  if (target.status === 'duplicate') return `Feedback ${targetId} is itself a duplicate; mark this item as a duplicate of the original`;
  return null;
}
