/**
 * Walks an OpenAPI 3 document and lists every schema that leaves its size open:
 * - `type: string` without `maxLength`, unless it is an `enum` or a `const` (a closed set bounds it);
 *   uuid and date-time strings carry a maxLength too (36, 30), so one rule covers every string;
 * - `type: array` without `maxItems`;
 * - `type: integer` or `type: number` without both `minimum` and `maximum`.
 * Free-form objects (`additionalProperties: true`) are allowed: their bounds are the body limit and the
 * validators behind them, and the document describes them as they are.
 */
export interface OpenApiLike {
  paths?: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, unknown> };
}

type Schema = Record<string, unknown>;

const isObject = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

function typesOf(schema: Schema): string[] {
  const t = schema.type;
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  return [];
}

export function unboundedSchemas(schema: unknown, where: string, out: string[] = [], seen = new Set<unknown>()): string[] {
  if (!isObject(schema) || seen.has(schema)) return out;
  seen.add(schema);
  const types = typesOf(schema);
  const closed = Array.isArray(schema.enum) || 'const' in schema;
  if (types.includes('string') && !closed && typeof schema.maxLength !== 'number') out.push(`${where}: string without maxLength`);
  if (types.includes('array') && typeof schema.maxItems !== 'number') out.push(`${where}: array without maxItems`);
  if ((types.includes('integer') || types.includes('number')) && !closed) {
    if (typeof schema.minimum !== 'number' || typeof schema.maximum !== 'number')
      out.push(`${where}: ${types.join('|')} without minimum and maximum`);
  }
  if (isObject(schema.properties)) {
    for (const [name, sub] of Object.entries(schema.properties)) unboundedSchemas(sub, `${where}.${name}`, out, seen);
  }
  if (schema.items !== undefined) unboundedSchemas(schema.items, `${where}[]`, out, seen);
  if (isObject(schema.additionalProperties)) unboundedSchemas(schema.additionalProperties, `${where}{*}`, out, seen);
  for (const k of ['allOf', 'oneOf', 'anyOf'] as const) {
    const list = schema[k];
    if (Array.isArray(list)) list.forEach((sub, i) => unboundedSchemas(sub, `${where}.${k}[${i}]`, out, seen));
  }
  return out;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/** Every unbounded schema of the document: components, parameters, request bodies and responses. */
export function unboundedInDocument(doc: OpenApiLike): string[] {
  const out: string[] = [];
  for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) unboundedSchemas(schema, `#/components/schemas/${name}`, out);
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      const at = `${method.toUpperCase()} ${path}`;
      for (const p of Array.isArray(op.parameters) ? op.parameters : []) {
        if (isObject(p)) unboundedSchemas(p.schema, `${at} ${String(p.in)} ${String(p.name)}`, out);
      }
      const body = isObject(op.requestBody) ? op.requestBody : undefined;
      for (const [type, media] of Object.entries(isObject(body?.content) ? body.content : {})) {
        if (isObject(media)) unboundedSchemas(media.schema, `${at} body ${type}`, out);
      }
      for (const [status, res] of Object.entries(isObject(op.responses) ? op.responses : {})) {
        if (!isObject(res) || !isObject(res.content)) continue;
        for (const [type, media] of Object.entries(res.content)) {
          if (isObject(media)) unboundedSchemas(media.schema, `${at} ${status} ${type}`, out);
        }
      }
    }
  }
  return out;
}
