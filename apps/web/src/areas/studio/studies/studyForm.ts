import type { Study } from '../api';
import type { AttributeDef, Criteria, Quotas } from './api';

export const GENDERS = ['female', 'male', 'non_binary', 'other', 'prefer_not_to_say'] as const;
export const TIERS = ['lead_user', 'emerging', 'mainstream'] as const;
export const AGE_BANDS = ['18-24', '25-34', '35-44', '45-54', '55-64', '65+'] as const;
export const OPS = ['eq', 'in', 'gte', 'lte'] as const;
export const BASE_DIMENSIONS = ['country', 'gender', 'ageBand', 'tier'] as const;

/** The builder's fields as typed (numbers and lists as text until sent). */
export interface StudyFormValues {
  title: string;
  theme: string;
  brief: string;
  brandId: string;
  targetSize: string;
  incentivePoints: string;
  countries: string;
  ageMin: string;
  ageMax: string;
  genders: string[];
  tiers: string[];
  minScore: string;
  interests: string;
  attributes: Array<{ key: string; op: (typeof OPS)[number]; value: string }>;
  quotas: Array<{ dimension: string; value: string; target: string }>;
}

const list = (text: string) =>
  text
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
const num = (text: string) => (text.trim() === '' ? undefined : Number(text.trim().replace(',', '.')));
const asText = (v: unknown) => (Array.isArray(v) ? v.join(', ') : v === undefined || v === null ? '' : String(v));

export function formValuesOf(study?: Study): StudyFormValues {
  const c = study?.criteria ?? {};
  return {
    title: study?.title ?? '',
    theme: study?.theme ?? '',
    brief: study?.brief ?? '',
    brandId: study?.brandId ?? '',
    targetSize: String(study?.targetSize ?? 20),
    incentivePoints: String(study?.incentivePoints ?? 50),
    countries: (c.countries ?? []).join(', '),
    ageMin: asText(c.ageMin),
    ageMax: asText(c.ageMax),
    genders: [...(c.genders ?? [])],
    tiers: [...(c.tiers ?? [])],
    minScore: asText(c.minScore),
    interests: (c.interestsAny ?? []).join(', '),
    attributes: (c.attributes ?? []).map((a) => ({ key: a.key ?? '', op: a.op ?? 'eq', value: asText(a.value) })),
    quotas: (study?.quotas ?? []).map((q) => ({
      dimension: q.dimension ?? 'country',
      value: q.value ?? '',
      target: String(q.target ?? 1),
    })),
  };
}

/** An attribute condition's value in the type of its attribute (a list for `in`). */
function attributeValue(value: string, op: string, def: AttributeDef | undefined): string | number | boolean | string[] {
  if (op === 'in') return list(value);
  if (def?.type === 'number' || op === 'gte' || op === 'lte') return num(value) ?? Number.NaN;
  if (def?.type === 'boolean') return value.trim() === 'true';
  return value.trim();
}

/** The criteria as the API takes them: only what is set (an empty field is "no restriction"). */
export function criteriaOf(v: StudyFormValues, defs: AttributeDef[]): Criteria {
  const c: Criteria = {};
  const countries = list(v.countries).map((s) => s.toUpperCase());
  if (countries.length) c.countries = countries;
  const ageMin = num(v.ageMin);
  if (ageMin !== undefined) c.ageMin = ageMin;
  const ageMax = num(v.ageMax);
  if (ageMax !== undefined) c.ageMax = ageMax;
  if (v.genders.length) c.genders = [...v.genders];
  if (v.tiers.length) c.tiers = [...v.tiers] as Criteria['tiers'];
  const minScore = num(v.minScore);
  if (minScore !== undefined) c.minScore = minScore;
  const interests = list(v.interests);
  if (interests.length) c.interestsAny = interests;
  const attributes = v.attributes
    .filter((a) => a.key)
    .map((a) => ({
      key: a.key,
      op: a.op,
      value: attributeValue(
        a.value,
        a.op,
        defs.find((d) => d.key === a.key),
      ),
    }));
  if (attributes.length) c.attributes = attributes;
  return c;
}

export function quotasOf(v: StudyFormValues): Quotas {
  return v.quotas.map((q) => ({
    dimension: q.dimension,
    value: q.dimension === 'country' ? q.value.trim().toUpperCase() : q.value.trim(),
    target: num(q.target) ?? 0,
  }));
}

/** The server's field (`criteria.countries[0]`, `quotas[1].value`, `title`) → the builder's field. */
export function formFieldOfServer(field: string): string {
  const path = field.replace(/\[(\d+)\]/g, '.$1');
  const criteria = /^criteria\.(\w+)(?:\.(\d+)(?:\.(\w+))?)?/.exec(path);
  if (criteria) {
    const [, name, index, sub] = criteria;
    if (name === 'interestsAny') return 'interests';
    if (name === 'attributes')
      return index === undefined ? 'attributes' : `attributes.${index}.${sub === 'key' || sub === 'op' ? sub : 'value'}`;
    return name;
  }
  if (path === 'criteria') return 'countries';
  const quota = /^quotas\.(\d+)\.(dimension|value|target)/.exec(path);
  if (quota) return `quotas.${quota[1]}.${quota[2]}`;
  if (/^quotas\.\d+$/.test(path)) return `${path}.value`;
  return path;
}

/** The values a quota dimension can take, when the panel knows them (a select); undefined: typed (countries). */
export function dimensionValues(dimension: string, defs: AttributeDef[]): readonly string[] | undefined {
  if (dimension === 'gender') return GENDERS;
  if (dimension === 'tier') return TIERS;
  if (dimension === 'ageBand') return AGE_BANDS;
  if (dimension.startsWith('attribute:')) {
    const def = defs.find((d) => d.key === dimension.slice('attribute:'.length));
    if (def?.type === 'boolean') return ['true', 'false'];
    return def?.options ?? undefined;
  }
  return undefined;
}

/** Quota dimensions: the fixed four and every enum or boolean attribute (the API refuses the others). */
export function dimensionsOf(defs: AttributeDef[]): string[] {
  return [...BASE_DIMENSIONS, ...defs.filter((d) => d.type === 'enum' || d.type === 'boolean').map((d) => `attribute:${d.key}`)];
}
