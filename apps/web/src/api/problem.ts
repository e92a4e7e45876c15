/**
 * problem+json (RFC 9457) answers of the API, shown in the user's language: each `errors[]`
 * item on the field it names, anything else in the form's alert region.
 */
import type { TFunction } from 'i18next';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from './client';

export interface ProblemDetails {
  status: number;
  type: string;
  title: string;
  detail: string;
  errors?: { field: string; message: string }[];
}

const TYPE_PREFIX = 'urn:leadpanel:problem:';

/** The problem in an error thrown by `unwrap`, by an SDK call with `throwOnError`, or a problem body; else null. */
export function problemOf(error: unknown): ProblemDetails | null {
  if (error instanceof ApiError) {
    if (error.problem) return normalise(error.problem, error.status);
    return error.status ? { status: error.status, type: 'about:blank', title: '', detail: '' } : null;
  }
  if (
    typeof error === 'object' &&
    error !== null &&
    'status' in error &&
    typeof error.status === 'number' &&
    ('type' in error || 'title' in error)
  ) {
    return normalise(error as Partial<ProblemDetails>, error.status);
  }
  return null;
}

function normalise(p: Partial<ProblemDetails>, status: number): ProblemDetails {
  return {
    status: typeof p.status === 'number' ? p.status : status,
    type: typeof p.type === 'string' ? p.type : 'about:blank',
    title: typeof p.title === 'string' ? p.title : '',
    detail: typeof p.detail === 'string' ? p.detail : '',
    errors: Array.isArray(p.errors) ? p.errors.filter((e) => typeof e?.field === 'string' && typeof e?.message === 'string') : undefined,
  };
}

/** The short code of a problem type: `urn:leadpanel:problem:email-not-confirmed` → `email-not-confirmed`. */
export function problemCode(problem: ProblemDetails | null): string {
  if (!problem) return '';
  return problem.type.startsWith(TYPE_PREFIX) ? problem.type.slice(TYPE_PREFIX.length) : problem.type;
}

/** `answers.q1`, `answers[0].value`, `consents.research` → react-hook-form names (`answers.q1`, `answers.0.value`). */
export function formFieldOf(serverField: string): string {
  return serverField.replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '');
}

/** A known problem type, in the user's language; null when the type is not one the app knows. */
function typeMessage(code: string, t: TFunction): string | null {
  switch (code) {
    case 'invalid-credentials':
      return t('problem.type.invalidCredentials');
    case 'email-not-confirmed':
      return t('problem.type.emailNotConfirmed');
    case 'invalid-reset-token':
      return t('problem.type.invalidResetToken');
    case 'wrong-current-password':
      return t('problem.type.wrongCurrentPassword');
    case 'invalid-confirmation-token':
      return t('problem.type.invalidConfirmationToken');
    case 'already-confirmed':
      return t('problem.type.alreadyConfirmed');
    case 'panellist-not-active':
      return t('problem.type.panellistNotActive');
    case 'session-revoked':
    case 'invalid-access-token':
      return t('problem.type.sessionEnded');
    default:
      return null;
  }
}

/** The common messages of the API's validation (class-validator and the password policy), in the user's language. */
function fieldMessage(message: string, t: TFunction): string | null {
  const m = message.toLowerCase();
  if (m.includes('most common passwords')) return t('problem.field.commonPassword');
  if (m.includes('currentpassword is wrong')) return t('problem.type.wrongCurrentPassword');
  if (m.includes('unknown, used or expired')) return t('problem.type.invalidResetToken');
  const atLeast = /must be at least (\d+) characters|longer than or equal to (\d+) characters/.exec(m);
  if (atLeast) return t('problem.field.tooShort', { count: Number(atLeast[1] ?? atLeast[2]) });
  const atMost = /shorter than or equal to (\d+) characters/.exec(m);
  if (atMost) return t('problem.field.tooLong', { count: Number(atMost[1]) });
  if (m.includes('must be an email')) return t('problem.field.email');
  if (m.includes('should not be empty') || m.includes('must not be empty')) return t('form.required');
  if (m.includes('should not exist')) return t('problem.field.notAccepted');
  return null;
}

/** A message for the whole problem: its known type, else a generic one for its status, in the user's language. */
export function problemMessage(problem: ProblemDetails | null, t: TFunction): string {
  if (!problem) return t('problem.status.network');
  const known = typeMessage(problemCode(problem), t);
  if (known) return known;
  const s = problem.status;
  if (s === 400) return t('problem.status.400');
  if (s === 401) return t('problem.status.401');
  if (s === 403) return t('problem.status.403');
  if (s === 404) return t('problem.status.404');
  if (s === 409) return t('problem.status.409');
  if (s === 413) return t('problem.status.413');
  if (s === 422) return t('problem.status.422');
  if (s === 429) return t('problem.status.429');
  return t('problem.status.other');
}

export interface ApplyOptions {
  /** The form's field names; a server field outside them goes to the alert (default: every field is taken). */
  fields?: readonly string[];
  /** Server field → form field, when they differ (`newPassword` → `password`). */
  rename?: Record<string, string>;
}

/**
 * Puts a problem on a react-hook-form form: field errors on their fields, the rest (or fields
 * the form does not have) as `root.server`. Returns true when at least one field got an error.
 */
export function applyProblemToForm<T extends FieldValues>(
  problem: ProblemDetails | null,
  setError: UseFormSetError<T>,
  t: TFunction,
  options: ApplyOptions = {},
): boolean {
  let onField = false;
  let leftOver = false;
  for (const item of problem?.errors ?? []) {
    const mapped = options.rename?.[item.field] ?? formFieldOf(item.field);
    if (options.fields && !options.fields.includes(mapped)) {
      leftOver = true;
      continue;
    }
    const message = fieldMessage(item.message, t) ?? typeMessage(problemCode(problem), t) ?? t('problem.field.notAccepted');
    setError(mapped as Path<T>, { type: 'server', message }, { shouldFocus: !onField });
    onField = true;
  }
  if (!onField || leftOver) {
    setError('root.server' as Path<T>, { type: 'server', message: problemMessage(problem, t) });
  }
  return onField;
}
