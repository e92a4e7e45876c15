import type { TFunction } from 'i18next';
import { problemOf } from '../../../api/problem';

/** A failed call, said in the panellist's language (never the server's English text). */
export function errorMessage(error: unknown, t: TFunction): string {
  const problem = problemOf(error);
  if (problem?.type.endsWith('panellist-not-active')) return t('home.errors.notActive');
  if (problem?.status === 409) return t('home.errors.conflict');
  if (problem?.status === 429) return t('home.errors.tooMany');
  if (problem) return t('home.errors.generic');
  return t('home.errors.network');
}
