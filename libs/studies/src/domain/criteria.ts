/**
 * Study criteria (docs/http-contract.md, "Studies"): their shape, their validation and their stored form.
 * Attribute conditions are in attribute-conditions.ts; quotas, and the cells the criteria
 * rule out, in quotas.ts.
 *
 * Decisions (say them once, here):
 * - A field that is present must be meaningful: `null` is not "no restriction" (leave the
 *   field out), and an empty list (`countries: []`) is rejected rather than read as either
 *   "anyone" or "no one".
 * - Contradictory criteria, which no panellist could ever meet, are a problem (ageMin >
 *   ageMax; `minScore ≥ 50` with `tiers: ["mainstream"]`).
 * - Interests are stored trimmed and lower-cased, as the profile stores them.
 */
import {
  type Gender,
  GENDERS,
  isIntegerIn,
  isNonBlankString,
  isNumberIn,
  isRecord,
  oneOfProblem,
  type Tier,
  TIERS,
} from '@leadpanel/platform';
import {
  ATTRIBUTE_CONDITION_LIMITS,
  type AttributeCondition,
  type AttributeDef,
  validateAttributeConditions,
} from './attribute-conditions';
import { COUNTRY_CODE_PROBLEM, type CriteriaProblem, type Push, reportUnknownKeys } from './criteria-problems';
import { COUNTRY_CODE, MAINSTREAM_SCORE_BELOW } from './vocabulary';

export type { CriteriaProblem } from './criteria-problems';

export interface StudyCriteria {
  countries?: string[];
  ageMin?: number;
  ageMax?: number;
  genders?: Gender[];
  minScore?: number;
  tiers?: Tier[];
  interestsAny?: string[];
  attributes?: AttributeCondition[];
}

export const CRITERIA_LIMITS = {
  countries: 250,
  interestsAny: 100,
  /** Same bound as a profile interest tag. */
  interestLength: 50,
  attributes: ATTRIBUTE_CONDITION_LIMITS.conditions,
  /** Values of one `in` condition. */
  inValues: ATTRIBUTE_CONDITION_LIMITS.inValues,
  /** Same bound as a profile string attribute (panel `ATTRIBUTE_STRING_MAX`). */
  stringValue: ATTRIBUTE_CONDITION_LIMITS.stringValue,
  ageMin: 18,
  ageMax: 120,
  quotas: 500,
  quotaTarget: 100_000,
} as const;

const CRITERIA_KEYS = ['countries', 'ageMin', 'ageMax', 'genders', 'minScore', 'tiers', 'interestsAny', 'attributes'] as const;

export function validateCriteria(input: unknown, attributeDefs: readonly AttributeDef[]): CriteriaProblem[] {
  const at = 'criteria';
  if (!isRecord(input)) return [{ field: at, message: 'must be an object' }];
  const problems: CriteriaProblem[] = [];
  const push = (field: string, message: string) => problems.push({ field, message });
  reportUnknownKeys(input, CRITERIA_KEYS, at, push);

  checkList(input.countries, `${at}.countries`, CRITERIA_LIMITS.countries, push, (v) =>
    typeof v === 'string' && COUNTRY_CODE.test(v) ? null : COUNTRY_CODE_PROBLEM,
  );
  checkList(input.genders, `${at}.genders`, GENDERS.length, push, (v) => oneOfProblem(v, GENDERS));
  checkList(input.tiers, `${at}.tiers`, TIERS.length, push, (v) => oneOfProblem(v, TIERS));
  checkList(
    input.interestsAny,
    `${at}.interestsAny`,
    CRITERIA_LIMITS.interestsAny,
    push,
    (v) =>
      isNonBlankString(v) && v.trim().length <= CRITERIA_LIMITS.interestLength
        ? null
        : `must be a tag of 1 to ${CRITERIA_LIMITS.interestLength} characters`,
    normalizeInterest,
  );

  const ageMinOk = checkInteger(input.ageMin, `${at}.ageMin`, CRITERIA_LIMITS.ageMin, CRITERIA_LIMITS.ageMax, push);
  const ageMaxOk = checkInteger(input.ageMax, `${at}.ageMax`, CRITERIA_LIMITS.ageMin, CRITERIA_LIMITS.ageMax, push);
  if (ageMinOk && ageMaxOk && typeof input.ageMin === 'number' && typeof input.ageMax === 'number' && input.ageMin > input.ageMax) {
    push(`${at}.ageMax`, `must be at least ageMin (${input.ageMin}): no age lies between ${input.ageMin} and ${input.ageMax}`);
  }

  if (input.minScore !== undefined) {
    const s = input.minScore;
    if (!isNumberIn(s, 0, 100)) push(`${at}.minScore`, 'must be a number from 0 to 100');
    else if (
      s >= MAINSTREAM_SCORE_BELOW &&
      Array.isArray(input.tiers) &&
      input.tiers.length > 0 &&
      input.tiers.every((t) => t === 'mainstream')
    ) {
      push(`${at}.minScore`, `contradicts tiers [mainstream]: mainstream means a score below ${MAINSTREAM_SCORE_BELOW}`);
    }
  }

  if (input.attributes !== undefined) problems.push(...validateAttributeConditions(input.attributes, `${at}.attributes`, attributeDefs));
  return problems;
}

/** Criteria as stored: interests trimmed, lower-cased and de-duplicated (profile interests have that form). */
export function normalizeCriteria(criteria: StudyCriteria): StudyCriteria {
  if (criteria.interestsAny === undefined) return { ...criteria };
  return { ...criteria, interestsAny: [...new Set(criteria.interestsAny.map(normalizeInterest))] };
}

export function normalizeInterest(tag: string): string {
  return tag.trim().toLowerCase();
}

function checkInteger(value: unknown, at: string, min: number, max: number, push: Push): boolean {
  if (value === undefined) return true;
  if (!isIntegerIn(value, min, max)) {
    push(at, `must be a whole number from ${min} to ${max}`);
    return false;
  }
  return true;
}

/** A present list must be non-empty, within `max`, each item valid, no item twice (after `same`). */
function checkList(
  value: unknown,
  at: string,
  max: number,
  push: Push,
  item: (v: unknown) => string | null,
  same: (v: string) => string = (v) => v,
): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) return push(at, 'must be a list, or be left out');
  if (value.length === 0) return push(at, 'must list at least one value, or be left out');
  if (value.length > max) return push(at, `must list at most ${max} values`);
  const seen = new Set<string>();
  value.forEach((v: unknown, index) => {
    const problem = item(v);
    if (problem) return push(`${at}[${index}]`, problem);
    const key = same(v as string);
    if (seen.has(key)) return push(`${at}[${index}]`, 'is listed twice');
    seen.add(key);
  });
}
