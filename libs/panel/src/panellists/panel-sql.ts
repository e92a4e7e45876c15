/**
 * SQL over the panellists table for other contexts (studies' eligibility, quota
 * cells, reports): the panel owns its columns, so the conditions are written here.
 * Every value goes in as a parameter; `params` is the caller's list, appended to.
 */
import { inAgeBandSql } from '@leadpanel/platform';

export interface PanelCriteria {
  countries?: string[];
  ageMin?: number;
  ageMax?: number;
  genders?: string[];
  minScore?: number;
  tiers?: string[];
  interestsAny?: string[];
  attributes?: Array<{ key: string; op: 'eq' | 'in' | 'gte' | 'lte'; value: string | number | boolean | string[] }>;
}

/** How attributes are typed matters for `eq`/`in` on multi_enum (membership); pass their types. */
export type AttributeTypes = Readonly<Record<string, string>>;

function p(params: unknown[], value: unknown): string {
  params.push(value);
  return `$${params.length}`;
}

/** Conditions (AND-joined) for panellists matching the criteria and active. Age = referenceYear − birth year. */
export function panelCriteriaSql(c: PanelCriteria, alias: string, referenceYear: number, types: AttributeTypes, params: unknown[]): string {
  const w: string[] = [`${alias}.status = 'active'`];
  if (c.countries?.length) w.push(`${alias}.country = ANY(${p(params, c.countries)}::text[])`);
  if (c.ageMin !== undefined) w.push(`${alias}.birth_year <= ${p(params, referenceYear - c.ageMin)}`);
  if (c.ageMax !== undefined) w.push(`${alias}.birth_year >= ${p(params, referenceYear - c.ageMax)}`);
  if (c.genders?.length) w.push(`${alias}.gender = ANY(${p(params, c.genders)}::text[])`);
  if (c.minScore !== undefined) w.push(`${alias}.score_overall >= ${p(params, c.minScore)}`);
  if (c.tiers?.length) w.push(`${alias}.tier = ANY(${p(params, c.tiers)}::text[])`);
  if (c.interestsAny?.length)
    w.push(
      `${alias}.interests ?| ${p(
        params,
        c.interestsAny.map((i) => i.trim().toLowerCase()),
      )}::text[]`,
    );
  for (const cond of c.attributes ?? []) {
    const key = p(params, cond.key);
    const attr = `${alias}.attributes -> ${key}`;
    const multi = types[cond.key] === 'multi_enum';
    switch (cond.op) {
      case 'eq':
        w.push(
          multi
            ? `${attr} @> jsonb_build_array(${p(params, String(cond.value))}::text)`
            : `${attr} = ${p(params, JSON.stringify(cond.value))}::jsonb`,
        );
        break;
      case 'in': {
        const values = (Array.isArray(cond.value) ? cond.value : [cond.value]).map(String);
        w.push(multi ? `${attr} ?| ${p(params, values)}::text[]` : `${alias}.attributes ->> ${key} = ANY(${p(params, values)}::text[])`);
        break;
      }
      case 'gte':
      case 'lte':
        w.push(
          `(jsonb_typeof(${attr}) = 'number' AND (${alias}.attributes ->> ${key})::numeric ${cond.op === 'gte' ? '>=' : '<='} ${p(params, Number(cond.value))})`,
        );
        break;
    }
  }
  return w.join(' AND ');
}

/** The condition "panellist is in quota cell (dimension, value)". */
export function panelCellSql(dimension: string, value: string, alias: string, referenceYear: number, params: unknown[]): string {
  switch (dimension) {
    case 'country':
      return `${alias}.country = ${p(params, value)}`;
    case 'gender':
      return `${alias}.gender = ${p(params, value)}`;
    case 'tier':
      return `${alias}.tier = ${p(params, value)}`;
    case 'ageBand':
      return inAgeBandSql(value, `${alias}.birth_year`, referenceYear, (year) => p(params, year));
    default: {
      if (!dimension.startsWith('attribute:')) return 'false';
      return `${alias}.attributes ->> ${p(params, dimension.slice('attribute:'.length))} = ${p(params, value)}`;
    }
  }
}
