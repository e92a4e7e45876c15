import type { TFunction } from 'i18next';
import { problemOf } from '../../../api/problem';

export const BODY_MAX = 10_000;

/** Characters as the API counts them (code points: an emoji is one), after trimming. */
export function charCount(text: string): number {
  let n = 0;
  for (const _ of text.trim()) n++;
  return n;
}

/** The message to show on the composer's field for an error from the API, in the user's language. */
export function writeErrorMessage(error: unknown, t: TFunction): string {
  const p = problemOf(error);
  if (!p) return t('rounds.errors.network');
  const type = p.type.slice(p.type.lastIndexOf(':') + 1);
  if (p.status === 400) {
    const body = p.errors?.find((e) => e.field === 'body');
    if (body && /blank/.test(body.message)) return t('rounds.errors.blank');
    if (body && /at most/.test(body.message)) return t('rounds.errors.tooLong');
    return t('rounds.errors.invalid');
  }
  if (type === 'round-not-open') return t('rounds.errors.notOpen');
  if (type === 'study-closed') return t('rounds.errors.studyClosed');
  if (type === 'panellist-not-active') return t('rounds.errors.notActive');
  if (type === 'post-first') return t('rounds.errors.postFirst');
  if (type === 'invalid-parent' || p.status === 404) return t('rounds.errors.gone');
  if (p.status === 429) return t('rounds.errors.rateLimited');
  return t('rounds.errors.generic');
}
