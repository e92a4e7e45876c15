/**
 * STUB (web-rounds branch): the auth engineer owns this file; the lead keeps their version.
 * Same interface: the problem+json body of a failed call, or null.
 */
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { TFunction } from 'i18next';

export interface Problem {
  status: number;
  type: string;
  title: string;
  detail: string;
  errors?: { field: string; message: string }[];
}

export function problemOf(error: unknown): Problem | null {
  if (!error || typeof error !== 'object') return null;
  const e = error as Partial<Problem>;
  if (typeof e.status !== 'number' || typeof e.type !== 'string') return null;
  return { status: e.status, type: e.type, title: e.title ?? '', detail: e.detail ?? '', errors: e.errors };
}

export function applyProblemToForm<T extends FieldValues>(problem: Problem, setError: UseFormSetError<T>, t: TFunction): void {
  for (const e of problem.errors ?? []) setError(e.field as Path<T>, { type: 'server', message: e.message || t('form.required') });
}
