/**
 * Study criteria and quotas (API.md, "Studies"): their shapes, their validation, and the
 * meaning of one attribute condition.
 *
 * Both validators take `unknown` (the request body, not yet trusted) and return every
 * problem found as `{field, message}` with a path such as `criteria.attributes[1].value`
 * or `quotas[0].target`; an empty list means the input has the declared type. The service
 * turns a non-empty list into a 400.
 *
 * Decisions (say them once, here):
 * - A field that is present must be meaningful: `null` is not "no restriction" (leave the
 *   field out), and an empty list (`countries: []`) is rejected rather than read as either
 *   "anyone" or "no one".
 * - Contradictory criteria, which no panellist could ever meet, are a problem: ageMin >
 *   ageMax; `minScore ≥ 50` with `tiers: ["mainstream"]` (mainstream means a score below
 *   50); attribute conditions on one key that cannot hold together (see below).
 * - Attribute conditions. `eq` applies to every type; `in` to string, enum and multi_enum;
 *   `gte`/`lte` to number only. On a multi_enum attribute, `eq X` means "selected X" and
 *   `in [X, Y]` means "selected at least one of them"; such conditions never contradict
 *   each other (one can select several options). On the single-valued types the values
 *   allowed by all `eq`/`in` conditions on a key must have something in common, and on a
 *   number the `gte`/`lte`/`eq` conditions must leave some value. String values compare
 *   exactly (case and all).
 * - Interests are compared like the profile stores them: trimmed and lower-cased;
 *   `normalizeCriteria` brings `interestsAny` to that form before the criteria are stored.
 * - Quota dimensions: `country`, `gender`, `ageBand`, `tier`, and `attribute:<key>` for an
 *   enum or boolean attribute only. A multi_enum attribute would put one panellist in
 *   several cells of the same dimension, which breaks marginal quotas (the cells of a
 *   dimension should split the sample); string and number attributes have no fixed set of
 *   values. A boolean attribute's cell values are the strings "true" and "false".
 * - A quota cell that the criteria exclude (country DE while criteria.countries is [FR])
 *   can never be filled: a problem. `validateQuotas` expects criteria that passed
 *   `validateCriteria`.
 */
import type { AttributeDefinition, AttributeType, Tier } from '@leadpanel/panel';
import { isRecord } from '@leadpanel/platform';
import { AGE_BAND_RANGES, AGE_BANDS, isAgeBand } from './age-band';
import { COUNTRY_CODE, type Gender, MAINSTREAM_SCORE_BELOW, PANEL_GENDERS, PANEL_TIERS } from './vocabulary';

export const ATTRIBUTE_OPS = ['eq', 'in', 'gte', 'lte'] as const;
export type AttributeOp = (typeof ATTRIBUTE_OPS)[number];

export type AttributeConditionValue = string | number | boolean | string[];

export interface AttributeCondition {
  key: string;
  op: AttributeOp;
  value: AttributeConditionValue;
}

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

export type QuotaDimension = 'country' | 'gender' | 'ageBand' | 'tier' | `attribute:${string}`;

export interface Quota {
  dimension: QuotaDimension;
  value: string;
  target: number;
}

export interface CriteriaProblem {
  field: string;
  message: string;
}

/** The attribute definition fields the rules read (the panel's `AttributeDefinition`). */
export type AttributeDef = Pick<AttributeDefinition, 'key' | 'type' | 'options'>;

export const CRITERIA_LIMITS = {
  countries: 250,
  interestsAny: 100,
  /** Same bound as a profile interest tag. */
  interestLength: 50,
  attributes: 50,
  /** Values of one `in` condition. */
  inValues: 100,
  /** Same bound as a profile string attribute (panel `ATTRIBUTE_STRING_MAX`). */
  stringValue: 500,
  ageMin: 18,
  ageMax: 120,
  quotas: 500,
  quotaTarget: 100_000,
} as const;

/** Which ops apply to which attribute type. */
export const OPS_BY_TYPE: Readonly<Record<AttributeType, readonly AttributeOp[]>> = {
  string: ['eq', 'in'],
  number: ['eq', 'gte', 'lte'],
  boolean: ['eq'],
  enum: ['eq', 'in'],
  multi_enum: ['eq', 'in'],
};

/** Attribute types that may carry quotas (see the decisions above). */
export const QUOTA_ATTRIBUTE_TYPES: readonly AttributeType[] = ['enum', 'boolean'];

const CRITERIA_KEYS = ['countries', 'ageMin', 'ageMax', 'genders', 'minScore', 'tiers', 'interestsAny', 'attributes'] as const;
const CONDITION_KEYS = ['key', 'op', 'value'] as const;
const QUOTA_KEYS = ['dimension', 'value', 'target'] as const;
const ATTRIBUTE_PREFIX = 'attribute:';

/* ------------------------------------------------------------------ criteria */

export function validateCriteria(input: unknown, attributeDefs: readonly AttributeDef[]): CriteriaProblem[] {
  const at = 'criteria';
  if (!isRecord(input)) return [{ field: at, message: 'must be an object' }];
  const problems: CriteriaProblem[] = [];
  const push = (field: string, message: string) => problems.push({ field, message });
  unknownKeys(input, CRITERIA_KEYS, at, push);

  checkList(input.countries, `${at}.countries`, CRITERIA_LIMITS.countries, push, (v) =>
    typeof v === 'string' && COUNTRY_CODE.test(v) ? null : 'must be an ISO 3166-1 alpha-2 code in upper case, e.g. FR',
  );
  checkList(input.genders, `${at}.genders`, PANEL_GENDERS.length, push, (v) => memberOf(v, PANEL_GENDERS));
  checkList(input.tiers, `${at}.tiers`, PANEL_TIERS.length, push, (v) => memberOf(v, PANEL_TIERS));
  checkList(
    input.interestsAny,
    `${at}.interestsAny`,
    CRITERIA_LIMITS.interestsAny,
    push,
    (v) =>
      typeof v === 'string' && v.trim().length >= 1 && v.trim().length <= CRITERIA_LIMITS.interestLength
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
    if (typeof s !== 'number' || !Number.isFinite(s) || s < 0 || s > 100) push(`${at}.minScore`, 'must be a number from 0 to 100');
    else if (
      s >= MAINSTREAM_SCORE_BELOW &&
      Array.isArray(input.tiers) &&
      input.tiers.length > 0 &&
      input.tiers.every((t) => t === 'mainstream')
    ) {
      push(`${at}.minScore`, `contradicts tiers [mainstream]: mainstream means a score below ${MAINSTREAM_SCORE_BELOW}`);
    }
  }

  if (input.attributes !== undefined) checkConditions(input.attributes, `${at}.attributes`, attributeDefs, push);
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

function checkConditions(value: unknown, at: string, defs: readonly AttributeDef[], report: Push): void {
  let reported = 0;
  const push: Push = (field, message) => {
    reported += 1;
    report(field, message);
  };
  if (!Array.isArray(value)) return push(at, 'must be a list of {key, op, value} conditions');
  if (value.length === 0) return push(at, 'must list at least one condition, or be left out');
  if (value.length > CRITERIA_LIMITS.attributes) return push(at, `must list at most ${CRITERIA_LIMITS.attributes} conditions`);
  const byKey = new Map(defs.map((d) => [d.key, d]));
  const valid: { index: number; def: AttributeDef; condition: AttributeCondition }[] = [];
  value.forEach((item: unknown, index) => {
    const here = `${at}[${index}]`;
    if (!isRecord(item)) return push(here, 'must be an object {key, op, value}');
    const before = reported;
    unknownKeys(item, CONDITION_KEYS, here, push);
    const def = typeof item.key === 'string' ? byKey.get(item.key) : undefined;
    if (typeof item.key !== 'string') push(`${here}.key`, 'must be the key of a profile attribute');
    else if (!def) push(`${here}.key`, `unknown attribute "${item.key}"`);
    const op = item.op;
    if (!isOp(op)) push(`${here}.op`, `must be one of ${ATTRIBUTE_OPS.join(', ')}`);
    else if (def && !OPS_BY_TYPE[def.type].includes(op)) {
      push(`${here}.op`, `${op} does not apply to a ${def.type} attribute; use ${OPS_BY_TYPE[def.type].join(' or ')}`);
    } else if (def) {
      const problem = conditionValueProblem(def, op, item.value);
      if (problem) push(`${here}.value`, problem);
    }
    if (def && isOp(op) && reported === before) {
      valid.push({ index, def, condition: { key: def.key, op, value: item.value as AttributeConditionValue } });
    }
  });
  checkContradictions(valid, at, push);
}

function conditionValueProblem(def: AttributeDef, op: AttributeOp, value: unknown): string | null {
  const options = def.options ?? [];
  const oneValue = (v: unknown): string | null => {
    switch (def.type) {
      case 'string':
        return typeof v === 'string' && v.trim().length > 0 && v.length <= CRITERIA_LIMITS.stringValue
          ? null
          : `must be a non-empty string of at most ${CRITERIA_LIMITS.stringValue} characters`;
      case 'number':
        return typeof v === 'number' && Number.isFinite(v) ? null : 'must be a number';
      case 'boolean':
        return typeof v === 'boolean' ? null : 'must be true or false';
      case 'enum':
      case 'multi_enum':
        return typeof v === 'string' && options.includes(v) ? null : `must be one of ${options.join(', ')}`;
    }
  };
  if (op !== 'in') return oneValue(value);
  if (!Array.isArray(value) || value.length === 0) return 'must be a non-empty list of values';
  if (value.length > CRITERIA_LIMITS.inValues) return `must list at most ${CRITERIA_LIMITS.inValues} values`;
  for (const v of value) {
    const problem = oneValue(v);
    if (problem) return `each value ${problem}`;
  }
  if (new Set(value).size !== value.length) return 'must not list a value twice';
  return null;
}

/**
 * Walks the well-formed conditions of each key in order, keeping what the ones accepted so
 * far allow; a condition that leaves nothing possible is reported (on its `value`) and
 * then ignored, so each conflict is reported once.
 */
function checkContradictions(valid: { index: number; def: AttributeDef; condition: AttributeCondition }[], at: string, push: Push): void {
  const seen = new Map<string, AttributeCondition[]>();
  for (const { index, def, condition } of valid) {
    if (def.type === 'multi_enum') continue;
    const earlier = seen.get(def.key) ?? [];
    if (earlier.length > 0 && !satisfiable(def.type, [...earlier, condition])) {
      push(
        `${at}[${index}].value`,
        `contradicts the earlier condition${earlier.length > 1 ? 's' : ''} on "${def.key}" (${earlier.map(describeCondition).join(', ')}): no value is ${describeCondition(condition)} as well`,
      );
      continue;
    }
    seen.set(def.key, [...earlier, condition]);
  }
}

function satisfiable(type: AttributeType, conditions: readonly AttributeCondition[]): boolean {
  if (type === 'multi_enum') return true;
  if (type === 'number') {
    let lo = -Infinity;
    let hi = Infinity;
    const eqs = new Set<number>();
    for (const c of conditions) {
      const v = c.value as number;
      if (c.op === 'gte') lo = Math.max(lo, v);
      else if (c.op === 'lte') hi = Math.min(hi, v);
      else eqs.add(v);
    }
    if (eqs.size > 1 || lo > hi) return false;
    return [...eqs].every((v) => v >= lo && v <= hi);
  }
  return allowedValues(conditions)?.size !== 0;
}

/** The values `eq`/`in` conditions leave possible for a single-valued attribute; null when unrestricted. */
function allowedValues(conditions: readonly AttributeCondition[]): Set<string | number | boolean> | null {
  const lists = conditions
    .filter((c) => c.op === 'eq' || c.op === 'in')
    .map((c) => (Array.isArray(c.value) ? c.value : [c.value]) as (string | number | boolean)[]);
  if (lists.length === 0) return null;
  return new Set(lists[0].filter((v) => lists.every((list) => list.includes(v))));
}

/** `= "pro"`, `≥ 10`, `in ["a", "b"]`: the operator and value, as used in explanations and messages. */
export function describeCondition(c: Pick<AttributeCondition, 'op' | 'value'>): string {
  const show = (v: unknown) => JSON.stringify(v);
  switch (c.op) {
    case 'eq':
      return `= ${show(c.value)}`;
    case 'gte':
      return `≥ ${show(c.value)}`;
    case 'lte':
      return `≤ ${show(c.value)}`;
    case 'in':
      return `in [${(Array.isArray(c.value) ? c.value : [c.value]).map(show).join(', ')}]`;
  }
}

/**
 * Whether a panellist's attribute value meets a condition (the meaning the repository's
 * query must share). A missing value (`undefined`/`null`) meets nothing. An array is a
 * multi_enum selection: `eq` = selected, `in` = selected at least one.
 */
export function conditionHolds(condition: AttributeCondition, actual: unknown): boolean {
  if (actual === undefined || actual === null) return false;
  const { op, value } = condition;
  switch (op) {
    case 'eq':
      return Array.isArray(actual) ? actual.includes(value) : actual === value;
    case 'in': {
      const values: unknown[] = Array.isArray(value) ? value : [value];
      return Array.isArray(actual) ? actual.some((a) => values.includes(a)) : values.includes(actual);
    }
    case 'gte':
      return typeof actual === 'number' && typeof value === 'number' && actual >= value;
    case 'lte':
      return typeof actual === 'number' && typeof value === 'number' && actual <= value;
  }
}

/* -------------------------------------------------------------------- quotas */

export function validateQuotas(input: unknown, criteria: StudyCriteria, attributeDefs: readonly AttributeDef[]): CriteriaProblem[] {
  const at = 'quotas';
  if (!Array.isArray(input)) return [{ field: at, message: 'must be a list of {dimension, value, target} cells' }];
  if (input.length > CRITERIA_LIMITS.quotas) return [{ field: at, message: `must list at most ${CRITERIA_LIMITS.quotas} cells` }];
  const problems: CriteriaProblem[] = [];
  const push = (field: string, message: string) => problems.push({ field, message });
  const byKey = new Map(attributeDefs.map((d) => [d.key, d]));
  const firstIndex = new Map<string, number>();
  input.forEach((item: unknown, index) => {
    const here = `${at}[${index}]`;
    if (!isRecord(item)) return push(here, 'must be an object {dimension, value, target}');
    unknownKeys(item, QUOTA_KEYS, here, push);
    const target = item.target;
    if (typeof target !== 'number' || !Number.isInteger(target) || target < 1 || target > CRITERIA_LIMITS.quotaTarget) {
      push(`${here}.target`, `must be a whole number from 1 to ${CRITERIA_LIMITS.quotaTarget}`);
    }
    const dimension = item.dimension;
    if (typeof dimension !== 'string') return push(`${here}.dimension`, 'must be country, gender, ageBand, tier or attribute:<key>');
    const dimensionProblem = quotaDimensionProblem(dimension, byKey);
    if (dimensionProblem) return push(`${here}.dimension`, dimensionProblem);
    const value = item.value;
    const valueProblem = quotaValueProblem(dimension as QuotaDimension, value, byKey);
    if (valueProblem) return push(`${here}.value`, valueProblem);
    const key = `${dimension}=${value as string}`;
    const first = firstIndex.get(key);
    if (first !== undefined) return push(`${here}.value`, `duplicate cell ${key} (also ${at}[${first}])`);
    firstIndex.set(key, index);
    const exclusion = criteriaExcludeCell(criteria, dimension as QuotaDimension, value as string);
    if (exclusion) push(`${here}.value`, `the criteria exclude this cell: ${exclusion}`);
  });
  return problems;
}

/** The attribute key of an `attribute:<key>` dimension; null for the other dimensions. */
export function attributeKeyOf(dimension: string): string | null {
  return dimension.startsWith(ATTRIBUTE_PREFIX) ? dimension.slice(ATTRIBUTE_PREFIX.length) : null;
}

function quotaDimensionProblem(dimension: string, byKey: ReadonlyMap<string, AttributeDef>): string | null {
  if (dimension === 'country' || dimension === 'gender' || dimension === 'ageBand' || dimension === 'tier') return null;
  const key = attributeKeyOf(dimension);
  if (key === null) return 'must be country, gender, ageBand, tier or attribute:<key>';
  const def = byKey.get(key);
  if (!def) return `unknown attribute "${key}"`;
  if (!QUOTA_ATTRIBUTE_TYPES.includes(def.type)) {
    return `a ${def.type} attribute cannot carry quotas; only ${QUOTA_ATTRIBUTE_TYPES.join(' and ')} attributes can`;
  }
  return null;
}

function quotaValueProblem(dimension: QuotaDimension, value: unknown, byKey: ReadonlyMap<string, AttributeDef>): string | null {
  if (typeof value !== 'string') return 'must be a string';
  switch (dimension) {
    case 'country':
      return COUNTRY_CODE.test(value) ? null : 'must be an ISO 3166-1 alpha-2 code in upper case, e.g. FR';
    case 'gender':
      return memberOf(value, PANEL_GENDERS);
    case 'ageBand':
      return isAgeBand(value) ? null : `must be one of ${AGE_BANDS.join(', ')}`;
    case 'tier':
      return memberOf(value, PANEL_TIERS);
    default: {
      const def = byKey.get(attributeKeyOf(dimension) ?? '');
      if (def?.type === 'boolean') return value === 'true' || value === 'false' ? null : 'must be "true" or "false"';
      return memberOf(value, def?.options ?? []);
    }
  }
}

/**
 * Why the criteria rule out every panellist of a cell, or null when they do not.
 * Expects criteria that passed `validateCriteria` and a cell value legal for its dimension.
 */
export function criteriaExcludeCell(criteria: StudyCriteria, dimension: QuotaDimension, value: string): string | null {
  switch (dimension) {
    case 'country':
      return criteria.countries && !criteria.countries.includes(value)
        ? `country ${value} is not in [${criteria.countries.join(', ')}]`
        : null;
    case 'gender':
      return criteria.genders && !(criteria.genders as string[]).includes(value)
        ? `gender ${value} is not in [${criteria.genders.join(', ')}]`
        : null;
    case 'tier':
      if (criteria.tiers && !(criteria.tiers as string[]).includes(value)) return `tier ${value} is not in [${criteria.tiers.join(', ')}]`;
      if (value === 'mainstream' && criteria.minScore !== undefined && criteria.minScore >= MAINSTREAM_SCORE_BELOW) {
        return `tier mainstream means a score below ${MAINSTREAM_SCORE_BELOW}, and minScore is ${criteria.minScore}`;
      }
      return null;
    case 'ageBand': {
      if (!isAgeBand(value)) return null;
      const band = AGE_BAND_RANGES[value];
      const min = criteria.ageMin ?? CRITERIA_LIMITS.ageMin;
      const max = criteria.ageMax ?? CRITERIA_LIMITS.ageMax;
      const overlaps = (band.max === null || band.max >= min) && band.min <= max;
      return overlaps ? null : `age band ${value} lies outside the ages ${min}–${max}`;
    }
    default: {
      const key = attributeKeyOf(dimension) ?? '';
      const conditions = (criteria.attributes ?? []).filter((c) => c.key === key);
      const allowed = allowedValues(conditions);
      if (allowed === null) return null;
      const present = [...allowed].some((v) => String(v) === value);
      return present ? null : `attribute ${key} = ${value} does not meet ${conditions.map(describeCondition).join(', ')}`;
    }
  }
}

/* ------------------------------------------------------------------- helpers */

type Push = (field: string, message: string) => void;

function isOp(value: unknown): value is AttributeOp {
  return typeof value === 'string' && (ATTRIBUTE_OPS as readonly string[]).includes(value);
}

function memberOf(value: unknown, allowed: readonly string[]): string | null {
  return typeof value === 'string' && allowed.includes(value) ? null : `must be one of ${allowed.join(', ')}`;
}

function unknownKeys(input: Record<string, unknown>, known: readonly string[], at: string, push: Push): void {
  for (const key of Object.keys(input)) if (!known.includes(key)) push(`${at}.${key}`, 'is not a known field');
}

function checkInteger(value: unknown, at: string, min: number, max: number, push: Push): boolean {
  if (value === undefined) return true;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
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
