import fc from 'fast-check';
import { JobQueue, OutboxDispatcher } from '@leadpanel/platform';
import { dataSource } from '../panel/panel-helpers';
import type { TestApp } from '../support/test-app';

/**
 * The generators and the helpers of the property-based malformed-input test (malformed-input.e2e-spec.ts):
 * the operations of the served OpenAPI document, hostile values and values from its schemas, and a
 * fingerprint of every table to tell whether a refused request changed anything.
 */
type Schema = Record<string, unknown>;
export type Role = 'researcher' | 'panellist' | 'admin' | 'brand' | 'public';

export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  pathParams: string[];
  query: Array<{ name: string; schema: Schema }>;
  body?: Schema;
  csv: boolean;
  idempotencyKey: boolean;
  /** a header the operation reads (a signature): its body is read raw, so it gets hostile bodies too */
  headerInput: boolean;
  /** required headers with one allowed value (`X-Leadpanel-Client: web`, the CSRF check of the session routes): always sent */
  fixedHeaders: Array<[string, string]>;
  roles?: string[];
}

export interface OpenApi {
  paths: Record<string, Record<string, Schema>>;
  components: { schemas: Record<string, Schema> };
}

export const RUNS = Number(process.env.FC_RUNS ?? 6);
export const SEED = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);

/**
 * Operations that take no input at all and are not reads: a random request to them is a
 * valid request (it opts the panellist out, erases them, requests a report): nothing to refuse.
 */
export const NO_INPUT_ACTIONS = new Set(['POST /api/v1/me/opt-out', 'DELETE /api/v1/me']);

// ---------- hostile values ----------

export const BIG = 'x'.repeat(100_000);
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'];

function nested(depth: number, leaf: unknown): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = i % 2 === 0 ? { a: v } : [v];
  return v;
}

/** An object whose own keys are `__proto__`, `constructor` and `prototype` (JSON.parse keeps them as own keys). */
const POLLUTED = JSON.parse(
  '{"__proto__":{"polluted":true,"isAdmin":true},"constructor":{"prototype":{"polluted":true}},"prototype":{"polluted":true}}',
) as Schema;

const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  "' OR 1=1 --",
  "'; DROP TABLE users; --",
  '"; DROP TABLE users; --',
  '1; SELECT pg_sleep(10)',
  '%00',
  '%',
  '\uD800',
  '\uFFFF',
  '😀'.repeat(3),
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '-1',
  '-0',
  '0x1F',
  '9'.repeat(40),
  '2147483648',
  '1.5',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  '../../../etc/passwd',
  '<script>alert(1)</script>',
  '=cmd|"/c calc"!A1',
  '${7*7}',
  '{{7*7}}',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '00000000-0000-4000-8000-00000000000g',
  '00000000000040008000000000000000',
  '{00000000-0000-4000-8000-000000000000}',
  '0000-01-01T00:00:00Z',
  '+275760-09-13T00:00:00.000Z',
  '-271821-04-20T00:00:00.000Z',
  '2026-02-30T25:61:61Z',
];

const HOSTILE_NUMBERS = [0, -1, 1.5, -0.000001, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, -(2 ** 53), 1e308, -1e308, 5e-324];

/** Strings short enough for a URL (see the note at the top of malformed-input.e2e-spec.ts). */
export const urlHostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40, unit: 'binary' }) },
  { weight: 1, arbitrary: fc.constant('y'.repeat(7_000)) },
);

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom<unknown>(...HOSTILE_STRINGS, ...HOSTILE_NUMBERS, null, true, false, [], {}) },
  { weight: 1, arbitrary: fc.constant(BIG) },
  { weight: 1, arbitrary: fc.constant(`${BIG.slice(0, 10)}\u0000${BIG}`) },
  { weight: 1, arbitrary: fc.constant(Array.from({ length: 10_000 }, (_, i) => i)) },
  { weight: 1, arbitrary: fc.constant(Array.from({ length: 10_001 }, () => 'a')) },
  { weight: 1, arbitrary: fc.constant(nested(200, 'deep')) },
  { weight: 1, arbitrary: fc.constant(POLLUTED) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

// ---------- values from the document's schemas ----------

function resolve(doc: OpenApi, schema: unknown): Schema {
  let s = (schema ?? {}) as Schema;
  for (let i = 0; i < 10 && typeof s.$ref === 'string'; i++) s = doc.components.schemas[s.$ref.split('/').pop()!] ?? {};
  if (Array.isArray(s.allOf) && s.allOf.length === 1) return resolve(doc, s.allOf[0]);
  return s;
}

/** A value the schema describes (mostly valid), or a hostile one in its place. */
function fromSchema(doc: OpenApi, raw: unknown, depth = 0): fc.Arbitrary<unknown> {
  const valid = validFromSchema(doc, raw, depth);
  return fc.oneof({ weight: 3, arbitrary: valid }, { weight: 2, arbitrary: hostileValue });
}

function validFromSchema(doc: OpenApi, raw: unknown, depth: number): fc.Arbitrary<unknown> {
  const s = resolve(doc, raw);
  if (Array.isArray(s.enum) && s.enum.length > 0) return fc.constantFrom(...(s.enum as unknown[]));
  if (Array.isArray(s.oneOf)) return fc.oneof(...(s.oneOf as unknown[]).map((o) => validFromSchema(doc, o, depth)));
  const num = (k: string, d: number) => (typeof s[k] === 'number' ? (s[k] as number) : d);
  switch (s.type) {
    case 'string':
      if (s.format === 'uuid') return fc.uuid();
      if (s.format === 'date-time')
        return fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
      {
        // within the bounds, but hostile: NUL bytes, SQL, lone surrogates… must reach the rules and the database safely
        const min = num('minLength', 0);
        const max = num('maxLength', 50);
        const fitting = HOSTILE_STRINGS.filter((h) => h.length >= min && h.length <= max);
        const plain = fc.string({ minLength: min, maxLength: Math.min(max, 50) });
        return fitting.length > 0 ? fc.oneof(plain, fc.constantFrom(...fitting)) : plain;
      }
    case 'integer':
      return fc.integer({ min: Math.max(num('minimum', -1000), -(2 ** 31)), max: Math.min(num('maximum', 1000), 2 ** 31 - 1) });
    case 'number':
      return fc.double({ min: num('minimum', -1000), max: num('maximum', 1000), noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return depth > 3 ? fc.constant([]) : fc.array(fromSchema(doc, s.items, depth + 1), { maxLength: 3 });
    default: {
      const props = (s.properties ?? {}) as Record<string, unknown>;
      if (depth > 3) return fc.constant({});
      if (Object.keys(props).length > 0) {
        return fc.record(Object.fromEntries(Object.entries(props).map(([k, v]) => [k, fromSchema(doc, v, depth + 1)])), {
          requiredKeys: [],
        });
      }
      return fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 });
    }
  }
}

/** A JSON body for the operation: the schema's shape with hostile values, extra pollution keys, or a hostile value as the whole body. */
export function bodyArbitrary(doc: OpenApi, schema: Schema): fc.Arbitrary<string> {
  const shaped = fc
    .tuple(validFromSchema(doc, schema, 0), fc.option(fc.constantFrom(...PROTO_KEYS)), fc.option(fc.string({ maxLength: 10 })))
    .chain(([base, protoKey, extra]) => {
      const s = resolve(doc, schema);
      const props = Object.keys((s.properties ?? {}) as Record<string, unknown>);
      return fc.record({ key: props.length > 0 ? fc.constantFrom(...props) : fc.constant('x'), bad: hostileValue }).map(({ key, bad }) => {
        const body: Record<string, unknown> = typeof base === 'object' && base !== null && !Array.isArray(base) ? { ...base } : {};
        Object.defineProperty(body, key, { value: bad, enumerable: true, writable: true, configurable: true });
        let json = JSON.stringify(body);
        if (protoKey !== null) json = `${json.slice(0, -1)}${json.length > 2 ? ',' : ''}"${protoKey}":{"polluted":true}}`;
        if (extra !== null) json = `${json.slice(0, -1)}${json.length > 2 ? ',' : ''}${JSON.stringify(extra)}:1}`;
        return json;
      });
    });
  const whole = hostileValue.map((v) => JSON.stringify(v) ?? 'null');
  const raw = fc.constantFrom(
    '{',
    '{"a":',
    '[1,2',
    '{"a":1}}',
    'nul',
    '\u0000',
    '{"a":"\\u0000"}',
    `${'['.repeat(5_000)}${']'.repeat(5_000)}`,
  );
  // the schema's shape throughout (its own values are often hostile strings that fit the bounds)
  const valid = validFromSchema(doc, schema, 0).map((v) => JSON.stringify(v) ?? 'null');
  return fc.oneof(
    { weight: 5, arbitrary: shaped },
    { weight: 3, arbitrary: valid },
    { weight: 3, arbitrary: whole },
    { weight: 1, arbitrary: raw },
  );
}

export function queryArbitrary(doc: OpenApi, params: Operation['query']): fc.Arbitrary<string> {
  const one = (p: { name: string; schema: Schema }): fc.Arbitrary<string[]> => {
    const valid = validFromSchema(doc, p.schema, 0).map((v) => [`${p.name}=${encode(String(v))}`]);
    const hostile = urlHostileString.map((v) => [`${p.name}=${encode(v)}`]);
    const repeated = fc.array(urlHostileString, { minLength: 2, maxLength: 3 }).map((vs) => vs.map((v) => `${p.name}=${encode(v)}`));
    const asObject = fc.constantFrom(
      `${p.name}[a]=1`,
      `${p.name}[__proto__][polluted]=1`,
      `${p.name}[]=1&${p.name}[]=2`,
      `${p.name}[0][0][0][0]=1`,
    );
    return fc.option(
      fc.oneof(
        valid,
        hostile,
        repeated,
        asObject.map((q) => [q]),
      ),
      { nil: [] as string[] },
    );
  };
  const extra = fc.option(
    fc.constantFrom('__proto__[polluted]=1', 'constructor[prototype][polluted]=1', 'unknown=1', `q=${encode("' OR 1=1 --")}`),
    {
      nil: undefined,
    },
  );
  return fc.tuple(fc.tuple(...params.map(one)), extra).map(([parts, e]) => {
    // keep the request line under Node's 16 KB header limit (see the note at the top of malformed-input.e2e-spec.ts)
    let query = '';
    for (const part of [...parts.flat(), ...(e ? [e] : [])])
      if (query.length + part.length < 12_000) query = query ? `${query}&${part}` : part;
    return query;
  });
}

// ---------- the document's operations ----------

export function operationsOf(doc: OpenApi): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      const op = item[method];
      if (!op) continue;
      const params = (op.parameters ?? []) as Array<{ name: string; in: string; required?: boolean; schema?: Schema }>;
      const content = ((op.requestBody as Schema | undefined)?.content ?? {}) as Record<string, { schema?: Schema }>;
      ops.push({
        method,
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        query: params.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema ?? {} })),
        body: content['application/json']?.schema ?? (op.requestBody || params.some((p) => p.in === 'header') ? {} : undefined),
        csv: 'text/csv' in content,
        idempotencyKey: params.some((p) => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key'),
        headerInput: params.some((p) => p.in === 'header'),
        fixedHeaders: params
          .filter((p) => p.in === 'header' && p.required === true && (p.schema?.enum as unknown[] | undefined)?.length === 1)
          .map((p) => [p.name, String((p.schema!.enum as unknown[])[0])]),
        roles: Array.isArray(op['x-roles']) ? (op['x-roles'] as string[]) : undefined,
      });
    }
  }
  return ops;
}

/** encodeURIComponent, except that a lone surrogate (which it refuses) goes out as the bytes of one: invalid UTF-8 */
export function encode(s: string): string {
  return [...s].map((ch) => (/[\uD800-\uDFFF]/.test(ch) ? '%ED%A0%80' : encodeURIComponent(ch))).join('');
}

export const label = (op: Operation): string => `${op.method.toUpperCase()} ${op.path}`;

// ---------- the database fingerprint ----------

/** Tables that change by themselves (the outbox dispatcher and mail jobs run in the background): rows counted by id only. */
const BY_ID_ONLY = new Set(['outbox_messages', 'email_messages']);

export async function fingerprintQuery(t: TestApp): Promise<string> {
  const tables = (await dataSource(t).query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'migrations' ORDER BY table_name`,
  )) as Array<{ table_name: string }>;
  return tables
    .map(({ table_name: name }) => {
      const row = BY_ID_ONLY.has(name) ? 'x.id::text' : 'md5(x::text)';
      return `SELECT '${name}' AS t, count(*)::int AS n, coalesce(md5(string_agg(${row}, ',' ORDER BY ${row})), '') AS h FROM "${name}" x`;
    })
    .join(' UNION ALL ');
}

export async function fingerprint(t: TestApp, sql: string): Promise<Record<string, string>> {
  const rows = (await dataSource(t).query(sql)) as Array<{ t: string; n: number; h: string }>;
  return Object.fromEntries(rows.map((r) => [r.t, `${r.n}:${r.h}`]));
}

/**
 * The fingerprint once background work (jobs of an earlier, accepted request) has stopped
 * moving it: nothing due in the outbox, no job waiting or running, and the same fingerprint
 * twice. (A report job can spend longer than one poll aggregating without writing a row.)
 */
export async function settledFingerprint(t: TestApp, sql: string): Promise<Record<string, string>> {
  let last = await fingerprint(t, sql);
  for (let i = 0; i < 200; i++) {
    await t.app.get(OutboxDispatcher).drain();
    await new Promise((r) => setTimeout(r, 50));
    const jobs = await t.app.get(JobQueue).counts();
    const now = await fingerprint(t, sql);
    if (jobs.waiting + jobs.active === 0 && changedTables(last, now).length === 0) return now;
    last = now;
  }
  throw new Error('the database never settled');
}

export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((k) => before[k] !== after[k]);
}
