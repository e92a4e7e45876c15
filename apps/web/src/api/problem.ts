// STUB (wt-web-me): the "auth" engineer owns this file; the lead keeps their version.
import type { TFunction } from 'i18next';

export interface Problem {
  status: number;
  type: string;
  title: string;
  detail: string;
  errors?: { field: string; message: string }[];
}

/** The problem+json body of a failed call (the generated client throws the parsed body), else null. */
export function problemOf(error: unknown): Problem | null {
  if (typeof error !== 'object' || error === null) return null;
  const e = error as Partial<Problem>;
  if (typeof e.status !== 'number' || typeof e.title !== 'string') return null;
  return {
    status: e.status,
    type: typeof e.type === 'string' ? e.type : 'about:blank',
    title: e.title,
    detail: typeof e.detail === 'string' ? e.detail : '',
    errors: Array.isArray(e.errors) ? e.errors : undefined,
  };
}

/** Puts each `errors[]` entry on the form field it names. */
export function applyProblemToForm(
  problem: Problem | null,
  setError: (field: never, error: { type: string; message: string }) => void,
  t: TFunction,
): boolean {
  if (!problem?.errors?.length) return false;
  void t;
  for (const e of problem.errors) setError(e.field as never, { type: 'server', message: e.message });
  return true;
}
