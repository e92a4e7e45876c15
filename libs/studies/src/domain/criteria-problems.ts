/**
 * How the criteria, attribute-condition and quota validators report a problem (internal to
 * the domain: `CriteriaProblem` is exported through criteria.ts).
 */
import { unknownKeys } from '@leadpanel/platform';

export interface CriteriaProblem {
  field: string;
  message: string;
}

/** What a country that is not COUNTRY_CODE is told, in criteria and in quota cells. */
export const COUNTRY_CODE_PROBLEM = 'must be an ISO 3166-1 alpha-2 code in upper case, e.g. FR';

export type Push = (field: string, message: string) => void;

/** Reports each key of `input` that is not in `known`, as `<at>.<key>`. */
export function reportUnknownKeys(input: Readonly<Record<string, unknown>>, known: readonly string[], at: string, push: Push): void {
  for (const key of unknownKeys(input, known)) push(`${at}.${key}`, 'is not a known field');
}
