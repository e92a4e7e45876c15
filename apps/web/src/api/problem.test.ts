import type { FieldValues, UseFormSetError } from 'react-hook-form';
import { describe, expect, it, vi } from 'vitest';
import { createTestI18n } from '../i18n/testing';
import en from '../i18n/en.json';
import fr from '../i18n/fr.json';
import { ApiError } from './client';
import { applyProblemToForm, formFieldOf, problemOf, type ProblemDetails } from './problem';

const validation = (errors: { field: string; message: string }[]): ProblemDetails => ({
  type: 'urn:leadpanel:problem:validation-failed',
  title: 'Bad Request',
  status: 400,
  detail: `${errors.length} fields are invalid`,
  errors,
});

function collect() {
  const set: Record<string, { type?: string; message?: string }> = {};
  const setError = vi.fn((name: string, error: { type?: string; message?: string }) => {
    set[name] = error;
  }) as unknown as UseFormSetError<FieldValues>;
  return { set, setError };
}

describe('problemOf', () => {
  it('reads the problem of an ApiError, of a thrown problem body, and nothing else', () => {
    const p = validation([{ field: 'email', message: 'email must be an email' }]);
    expect(problemOf(new ApiError(400, { ...p, requestId: 'r' }))?.errors).toEqual(p.errors);
    expect(problemOf(p)?.status).toBe(400);
    expect(problemOf(new ApiError(502, null))).toMatchObject({ status: 502 });
    expect(problemOf(new TypeError('Failed to fetch'))).toBeNull();
    expect(problemOf('nope')).toBeNull();
  });
});

describe('applyProblemToForm', () => {
  it('maps server field paths to form names', () => {
    expect(formFieldOf('answers.q1')).toBe('answers.q1');
    expect(formFieldOf('items[2].quantity')).toBe('items.2.quantity');
  });

  it('puts each error on the field it names, translated (French)', () => {
    const t = createTestI18n('fr').t;
    const { set, setError } = collect();
    const onField = applyProblemToForm(
      validation([
        { field: 'newPassword', message: 'newPassword is one of the most common passwords; choose another' },
        { field: 'email', message: 'email must be an email' },
        { field: 'answers.q1', message: 'answers.q1 must be one of the following values: a, b' },
        { field: 'displayName', message: 'displayName must be shorter than or equal to 80 characters' },
      ]),
      setError,
      t,
    );
    expect(onField).toBe(true);
    expect(set.newPassword.message).toBe(fr.problem.field.commonPassword);
    expect(set.email.message).toBe(fr.problem.field.email);
    expect(set['answers.q1'].message).toBe('Ce champ n’est pas accepté.'); // unknown message: the generic one
    expect(set.displayName.message).toBe('Au plus 80 caractères, s’il vous plaît.');
    expect(set['root.server']).toBeUndefined();
  });

  it('renames fields, and sends fields the form does not have to the alert', () => {
    const t = createTestI18n('en').t;
    const { set, setError } = collect();
    applyProblemToForm(
      validation([
        { field: 'newPassword', message: 'newPassword must be at least 10 characters' },
        { field: 'token', message: 'token must be a string' },
      ]),
      setError,
      t,
      { fields: ['password'], rename: { newPassword: 'password' } },
    );
    expect(set.password.message).toBe('At least 10 characters, please.');
    expect(set['root.server'].message).toBe(en.problem.status['400']);
  });

  it('shows a problem without field errors in the alert: its known type, else the status', () => {
    const t = createTestI18n('fr').t;
    const a = collect();
    applyProblemToForm({ type: 'urn:leadpanel:problem:invalid-reset-token', title: '', detail: '', status: 400 }, a.setError, t);
    expect(a.set['root.server'].message).toBe(fr.problem.type.invalidResetToken);
    const b = collect();
    applyProblemToForm({ type: 'urn:leadpanel:problem:something-new', title: 'Conflict', detail: '', status: 409 }, b.setError, t);
    expect(b.set['root.server'].message).toBe(fr.problem.status['409']);
    const c = collect();
    applyProblemToForm(null, c.setError, t);
    expect(c.set['root.server'].message).toBe(fr.problem.status.network);
  });
});
