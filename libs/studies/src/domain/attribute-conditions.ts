/**
 * Attribute conditions of study criteria (`criteria.attributes`, docs/http-contract.md "Studies"): their
 * shape, their validation, and the meaning of one condition.
 *
 * On a multi_enum attribute, `eq X` means "selected X" and `in [X, Y]` "selected at least one
 * of them", so such conditions never contradict each other. On the other types, conditions on
 * one key that cannot hold together are a problem. String values compare exactly (case and all).
 */
import type { AttributeDefinition, AttributeType } from '@leadpanel/panel';
import { isFiniteNumber, isNonBlankString, isOneOf, isRecord, mustBeOneOf, oneOfProblem } from '@leadpanel/platform';
import { type CriteriaProblem, type Push, reportUnknownKeys } from './criteria-problems';

export const ATTRIBUTE_OPS = ['eq', 'in', 'gte', 'lte'] as const;
export type AttributeOp = (typeof ATTRIBUTE_OPS)[number];

export type AttributeConditionValue = string | number | boolean | string[];

export interface AttributeCondition {
  key: string;
  op: AttributeOp;
  value: AttributeConditionValue;
}

/** The attribute definition fields the rules read (the panel's `AttributeDefinition`). */
export type AttributeDef = Pick<AttributeDefinition, 'key' | 'type' | 'options'>;

/** The bounds of `criteria.attributes` (also in CRITERIA_LIMITS). */
export const ATTRIBUTE_CONDITION_LIMITS = {
  conditions: 50,
  /** Values of one `in` condition. */
  inValues: 100,
  /** Same bound as a profile string attribute (panel `ATTRIBUTE_STRING_MAX`). */
  stringValue: 500,
} as const;

/** Which ops apply to which attribute type. */
export const OPS_BY_TYPE: Readonly<Record<AttributeType, readonly AttributeOp[]>> = {
  string: ['eq', 'in'],
  number: ['eq', 'gte', 'lte'],
  boolean: ['eq'],
  enum: ['eq', 'in'],
  multi_enum: ['eq', 'in'],
};

const CONDITION_KEYS = ['key', 'op', 'value'] as const;

/**
 * Every problem of a list of conditions (`input`, found at `at`, e.g. `criteria.attributes`)
 * against the profile attributes defined; an empty list means the input is a list of
 * AttributeCondition that can hold together.
 */
export function validateAttributeConditions(input: unknown, at: string, defs: readonly AttributeDef[]): CriteriaProblem[] {
  const problems: CriteriaProblem[] = [];
  const push: Push = (field, message) => problems.push({ field, message });
  if (!Array.isArray(input)) return [{ field: at, message: 'must be a list of {key, op, value} conditions' }];
  if (input.length === 0) return [{ field: at, message: 'must list at least one condition, or be left out' }];
  const max = ATTRIBUTE_CONDITION_LIMITS.conditions;
  if (input.length > max) return [{ field: at, message: `must list at most ${max} conditions` }];
  const byKey = new Map(defs.map((d) => [d.key, d]));
  const valid: { index: number; def: AttributeDef; condition: AttributeCondition }[] = [];
  input.forEach((item: unknown, index) => {
    const here = `${at}[${index}]`;
    if (!isRecord(item)) return push(here, 'must be an object {key, op, value}');
    const before = problems.length;
    reportUnknownKeys(item, CONDITION_KEYS, here, push);
    const def = typeof item.key === 'string' ? byKey.get(item.key) : undefined;
    if (typeof item.key !== 'string') push(`${here}.key`, 'must be the key of a profile attribute');
    else if (!def) push(`${here}.key`, `unknown attribute "${item.key}"`);
    const op = item.op;
    if (!isOneOf(op, ATTRIBUTE_OPS)) push(`${here}.op`, mustBeOneOf(ATTRIBUTE_OPS));
    else if (def && !OPS_BY_TYPE[def.type].includes(op)) {
      push(`${here}.op`, `${op} does not apply to a ${def.type} attribute; use ${OPS_BY_TYPE[def.type].join(' or ')}`);
    } else if (def) {
      const problem = conditionValueProblem(def, op, item.value);
      if (problem) push(`${here}.value`, problem);
    }
    if (def && isOneOf(op, ATTRIBUTE_OPS) && problems.length === before) {
      valid.push({ index, def, condition: { key: def.key, op, value: item.value as AttributeConditionValue } });
    }
  });
  checkContradictions(valid, at, push);
  return problems;
}

function conditionValueProblem(def: AttributeDef, op: AttributeOp, value: unknown): string | null {
  const { inValues, stringValue } = ATTRIBUTE_CONDITION_LIMITS;
  const oneValue = (v: unknown): string | null => {
    switch (def.type) {
      case 'string':
        return isNonBlankString(v) && v.length <= stringValue ? null : `must be a non-empty string of at most ${stringValue} characters`;
      case 'number':
        return isFiniteNumber(v) ? null : 'must be a number';
      case 'boolean':
        return typeof v === 'boolean' ? null : 'must be true or false';
      case 'enum':
      case 'multi_enum':
        return oneOfProblem(v, def.options ?? []);
    }
  };
  if (op !== 'in') return oneValue(value);
  if (!Array.isArray(value) || value.length === 0) return 'must be a non-empty list of values';
  if (value.length > inValues) return `must list at most ${inValues} values`;
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
export function allowedValues(conditions: readonly AttributeCondition[]): Set<string | number | boolean> | null {
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
