import type { TFunction } from 'i18next';

/**
 * STUB (web-survey branch): the auth engineer owns this file; the lead keeps their version.
 * Same interface as the common brief: problemOf(error) and applyProblemToForm(problem, setError, t).
 */
export interface Problem {
  status: number;
  type: string;
  title: string;
  detail?: string;
  errors?: { field: string; message: string }[];
}

/** The problem+json body of a failed call (the generated client throws the parsed body), else null. */
export function problemOf(error: unknown): Problem | null {
  if (typeof error !== 'object' || error === null) return null;
  const e = error as Record<string, unknown>;
  if (typeof e.status !== 'number') return null;
  return {
    status: e.status,
    type: typeof e.type === 'string' ? e.type : 'about:blank',
    title: typeof e.title === 'string' ? e.title : '',
    detail: typeof e.detail === 'string' ? e.detail : undefined,
    errors: Array.isArray(e.errors) ? (e.errors as { field: string; message: string }[]) : undefined,
  };
}

/**
 * Puts each field error of a problem on the form field it names (react-hook-form's setError),
 * with a translated message; returns true when at least one landed on a field.
 */
export function applyProblemToForm(
  problem: Problem | null,
  setError: (name: never, error: { type: string; message: string }) => void,
  t: TFunction,
): boolean {
  if (!problem?.errors?.length) return false;
  void t; // the real helper translates known messages; this stub shows the server's text
  for (const e of problem.errors) {
    setError(e.field as never, { type: 'server', message: e.message });
  }
  return true;
}
