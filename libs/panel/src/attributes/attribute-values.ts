/** Typed custom attributes: definitions and the check of a panellist's values against them (pure). */
export const ATTRIBUTE_TYPES = ['string', 'number', 'boolean', 'enum', 'multi_enum'] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

export interface AttributeDefinition {
  key: string;
  type: AttributeType;
  options: string[] | null;
}

export interface AttributeProblem {
  field: string;
  message: string;
}

export const ATTRIBUTE_STRING_MAX = 500;

/** Checks every value; `null` removes an attribute. Returns the problems, or the values to merge. */
export function checkAttributeValues(
  defs: readonly AttributeDefinition[],
  values: Record<string, unknown>,
): { problems: AttributeProblem[]; values: Record<string, string | number | boolean | string[] | null> } {
  const byKey = new Map(defs.map((d) => [d.key, d]));
  const problems: AttributeProblem[] = [];
  const out: Record<string, string | number | boolean | string[] | null> = {};
  for (const [key, value] of Object.entries(values)) {
    const field = `attributes.${key}`;
    const def = byKey.get(key);
    if (!def) {
      problems.push({ field, message: `unknown attribute "${key}"` });
      continue;
    }
    if (value === null) {
      out[key] = null;
      continue;
    }
    switch (def.type) {
      case 'string':
        if (typeof value !== 'string' || value.length > ATTRIBUTE_STRING_MAX || value.includes('\u0000')) {
          problems.push({ field, message: `must be a string of at most ${ATTRIBUTE_STRING_MAX} characters` });
        } else out[key] = value.trim();
        break;
      case 'number':
        if (typeof value !== 'number' || !Number.isFinite(value)) problems.push({ field, message: 'must be a number' });
        else out[key] = value;
        break;
      case 'boolean':
        if (typeof value !== 'boolean') problems.push({ field, message: 'must be true or false' });
        else out[key] = value;
        break;
      case 'enum':
        if (typeof value !== 'string' || !(def.options ?? []).includes(value)) {
          problems.push({ field, message: `must be one of ${(def.options ?? []).join(', ')}` });
        } else out[key] = value;
        break;
      case 'multi_enum':
        if (
          !Array.isArray(value) ||
          value.some((v) => typeof v !== 'string' || !(def.options ?? []).includes(v)) ||
          new Set(value).size !== value.length
        ) {
          problems.push({ field, message: `must be a list of distinct values among ${(def.options ?? []).join(', ')}` });
        } else out[key] = value as string[];
        break;
    }
  }
  return { problems, values: out };
}

/** Checks a definition: enum types need 1–100 distinct options, other types none. */
export function checkAttributeDefinition(type: AttributeType, options: unknown): AttributeProblem[] {
  if (type === 'enum' || type === 'multi_enum') {
    if (!Array.isArray(options) || options.length === 0 || options.length > 100) {
      return [{ field: 'options', message: 'enum and multi_enum attributes need 1 to 100 options' }];
    }
    if (options.some((o) => typeof o !== 'string' || o.trim() === '' || o.length > 100)) {
      return [{ field: 'options', message: 'options must be non-empty strings of at most 100 characters' }];
    }
    if (new Set(options).size !== options.length) return [{ field: 'options', message: 'options must be distinct' }];
    return [];
  }
  return options === undefined || options === null ? [] : [{ field: 'options', message: `a ${type} attribute has no options` }];
}
