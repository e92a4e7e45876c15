/**
 * Quotas (docs/domain.md, "Studies" → Quotas, Invitations): their shape, their validation, and
 * their arithmetic.
 *
 * Quotas are independent (marginal) cells, one per (dimension, value). Only enum and boolean
 * attributes can be quota dimensions: a multi_enum attribute would put one panellist in
 * several cells of a dimension, which breaks marginal quotas, and string and number
 * attributes have no fixed set of values. A cell the criteria exclude can never be filled,
 * so it is a problem.
 *
 * Open invitations in a cell never exceed 3 × its remaining need: no flood of invitations
 * for places that cannot be had.
 */
import type { AttributeType } from '@leadpanel/panel';
import {
  AGE_BAND_RANGES,
  AGE_BANDS,
  ageBandOf,
  GENDERS,
  isAgeBand,
  isIntegerIn,
  isRecord,
  mustBeOneOf,
  oneOfProblem,
  type Tier,
  TIERS,
} from '@leadpanel/platform';
import { allowedValues, type AttributeDef, describeCondition } from './attribute-conditions';
import { CRITERIA_LIMITS, type StudyCriteria } from './criteria';
import { COUNTRY_CODE_PROBLEM, type CriteriaProblem, reportUnknownKeys } from './criteria-problems';
import { COUNTRY_CODE, MAINSTREAM_SCORE_BELOW } from './vocabulary';

export type QuotaDimension = 'country' | 'gender' | 'ageBand' | 'tier' | `attribute:${string}`;

export interface Quota {
  dimension: QuotaDimension;
  value: string;
  target: number;
}

/** Attribute types that may carry quotas (see the decisions above). */
export const QUOTA_ATTRIBUTE_TYPES: readonly AttributeType[] = ['enum', 'boolean'];

const QUOTA_KEYS = ['dimension', 'value', 'target'] as const;
const ATTRIBUTE_PREFIX = 'attribute:';

/** Open invitations allowed per place still needed in a cell. */
export const INVITATIONS_PER_PLACE = 3;

/** What the quota rules read about a panellist. */
export interface QuotaFacts {
  country: string;
  birthYear: number;
  gender: string | null;
  tier: Tier | null;
  /** Profile attribute values by key: string, number, boolean, or string[] for multi_enum. */
  attributes: Readonly<Record<string, unknown>>;
}

export interface CellRef {
  dimension: QuotaDimension;
  value: string;
}

export interface QuotaCellState {
  target: number;
  enrolled: number;
  openInvitations: number;
}

export type AcceptOutcome = 'enrolled' | 'waitlisted';

/** `country=FR`, `attribute:plan=pro`: a cell's key. Dimensions never contain "=" (attribute keys are [a-z0-9_]). */
export function cellKey(cell: CellRef): string {
  return `${cell.dimension}=${cell.value}`;
}

/** The dimension part of a cell key. */
export function dimensionOfKey(key: string): string {
  const at = key.indexOf('=');
  return at < 0 ? key : key.slice(0, at);
}

/**
 * The panellist's value(s) on a dimension, as quota cell values: the age band from
 * `referenceYear`, a boolean as "true"/"false", a number as its decimal string. Empty when
 * the panellist has none (no gender given, no tier yet, under 18, attribute not set).
 */
export function valuesOn(facts: QuotaFacts, dimension: QuotaDimension, referenceYear: number): string[] {
  switch (dimension) {
    case 'country':
      return [facts.country];
    case 'gender':
      return facts.gender === null ? [] : [facts.gender];
    case 'tier':
      return facts.tier === null ? [] : [facts.tier];
    case 'ageBand': {
      const band = ageBandOf(facts.birthYear, referenceYear);
      return band === null ? [] : [band];
    }
    default: {
      const value = facts.attributes[attributeKeyOf(dimension) ?? ''];
      if (Array.isArray(value)) return value.map(String);
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return [String(value)];
      return [];
    }
  }
}

/** The cells (among `cells`, in their order) the panellist belongs to. Returns the given objects, state and all. */
export function cellsOf<C extends CellRef>(facts: QuotaFacts, cells: readonly C[], referenceYear: number): C[] {
  return cells.filter((cell) => valuesOn(facts, cell.dimension, referenceYear).includes(cell.value));
}

export function remainingNeed(cell: Pick<QuotaCellState, 'target' | 'enrolled'>): number {
  return Math.max(0, cell.target - cell.enrolled);
}

export function isFull(cell: Pick<QuotaCellState, 'target' | 'enrolled'>): boolean {
  return remainingNeed(cell) === 0;
}

/** How many more invitations may be open at once for `remaining` places with `open` invitations out. */
export function roomFor(remaining: number, open: number): number {
  return Math.max(0, INVITATIONS_PER_PLACE * Math.max(0, remaining) - open);
}

export function openInvitationRoom(cell: QuotaCellState): number {
  return roomFor(remainingNeed(cell), cell.openInvitations);
}

/** What accepting an invitation does, given the panellist's cells (none when the study has no quotas). */
export function acceptOutcome(panellistCells: readonly Pick<QuotaCellState, 'target' | 'enrolled'>[]): AcceptOutcome {
  return panellistCells.some(isFull) ? 'waitlisted' : 'enrolled';
}

/* ---------------------------------------------------------------- validation */

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
    reportUnknownKeys(item, QUOTA_KEYS, here, push);
    if (!isIntegerIn(item.target, 1, CRITERIA_LIMITS.quotaTarget)) {
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
      return COUNTRY_CODE.test(value) ? null : COUNTRY_CODE_PROBLEM;
    case 'gender':
      return oneOfProblem(value, GENDERS);
    case 'ageBand':
      return isAgeBand(value) ? null : mustBeOneOf(AGE_BANDS);
    case 'tier':
      return oneOfProblem(value, TIERS);
    default: {
      const def = byKey.get(attributeKeyOf(dimension) ?? '');
      if (def?.type === 'boolean') return value === 'true' || value === 'false' ? null : 'must be "true" or "false"';
      return oneOfProblem(value, def?.options ?? []);
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
