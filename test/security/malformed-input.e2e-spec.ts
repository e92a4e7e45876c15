import fc from 'fast-check';
import type { Response } from 'supertest';
import { JobQueue, OutboxDispatcher } from '@leadpanel/platform';
import { bearer, dataSource, joinPanel, PUBLIC_BASE_URL } from '../panel/panel-helpers';
import { createBrand, createStudy, openCampaign, studyBody } from '../studies/studies-helpers';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Issue #10 (malformed input), property-based: for EVERY operation of the served OpenAPI
 * document, random and hostile inputs (wrong types, NUL bytes, 100,000-character strings,
 * 200 levels of nesting, prototype-pollution keys, 10,000-item arrays, invalid UUIDs in
 * paths and queries, SQL-looking strings, numbers out of range, NaN-ish strings), sent by a
 * caller allowed to call the operation (so that validation, not the guard, answers).
 * Asserts: never a 5xx; every refusal is a 4xx application/problem+json; a refused
 * request leaves every table as it was (a hash of every row of every table).
 *
 * FC_SEED=<n> replays a run (fast-check prints the seed and the counterexample on failure);
 * FC_RUNS=<n> changes the runs per operation (default 6).
 *
 * Strings in paths and queries stay under 8,000 characters: a longer request line is refused
 * by Node's HTTP parser itself (431, before any application code), which is not ours to shape.
 */

type Schema = Record<string, unknown>;
type Role = 'researcher' | 'panellist' | 'admin' | 'brand' | 'public';

interface Operation {
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

interface OpenApi {
  paths: Record<string, Record<string, Schema>>;
  components: { schemas: Record<string, Schema> };
}

const RUNS = Number(process.env.FC_RUNS ?? 6);
const SEED = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);

/**
 * Operations that take no input at all and are not reads: a random request to them is a
 * valid request (it opts the panellist out, erases them, requests a report): nothing to refuse.
 */
const NO_INPUT_ACTIONS = new Set(['POST /api/v1/me/opt-out', 'DELETE /api/v1/me']);

// ---------- hostile values ----------

const BIG = 'x'.repeat(100_000);
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

/** Strings short enough for a URL (see the note at the top). */
const urlHostileString: fc.Arbitrary<string> = fc.oneof(
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
function bodyArbitrary(doc: OpenApi, schema: Schema): fc.Arbitrary<string> {
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

function queryArbitrary(doc: OpenApi, params: Operation['query']): fc.Arbitrary<string> {
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
    // keep the request line under Node's 16 KB header limit (see the note at the top)
    let query = '';
    for (const part of [...parts.flat(), ...(e ? [e] : [])])
      if (query.length + part.length < 12_000) query = query ? `${query}&${part}` : part;
    return query;
  });
}

// ---------- the document's operations ----------

function operationsOf(doc: OpenApi): Operation[] {
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
function encode(s: string): string {
  return [...s].map((ch) => (/[\uD800-\uDFFF]/.test(ch) ? '%ED%A0%80' : encodeURIComponent(ch))).join('');
}

const label = (op: Operation): string => `${op.method.toUpperCase()} ${op.path}`;

// ---------- the database fingerprint ----------

/** Tables that change by themselves (the outbox dispatcher and mail jobs run in the background): rows counted by id only. */
const BY_ID_ONLY = new Set(['outbox_messages', 'email_messages']);

async function fingerprintQuery(t: TestApp): Promise<string> {
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

async function fingerprint(t: TestApp, sql: string): Promise<Record<string, string>> {
  const rows = (await dataSource(t).query(sql)) as Array<{ t: string; n: number; h: string }>;
  return Object.fromEntries(rows.map((r) => [r.t, `${r.n}:${r.h}`]));
}

/**
 * The fingerprint once background work (jobs of an earlier, accepted request) has stopped
 * moving it: nothing due in the outbox, no job waiting or running, and the same fingerprint
 * twice. (A report job can spend longer than one poll aggregating without writing a row.)
 */
async function settledFingerprint(t: TestApp, sql: string): Promise<Record<string, string>> {
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

function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((k) => before[k] !== after[k]);
}

// ---------- the test ----------

describe('malformed input, property-based: every operation of the OpenAPI document', () => {
  let t: TestApp;
  let doc: OpenApi;
  let fpSql: string;
  const tokens: Partial<Record<Role, string>> = {};
  /** real ids, so that some requests get past "not found" to the rules behind it */
  const real: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp({
      PUBLIC_BASE_URL,
      CARRIER_WEBHOOK_SECRET: 'fuzz-carrier-secret-0123456789',
      LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
      PUBLIC_FORM_RATE_LIMIT_PER_MINUTE: '100000',
    });
    doc = (await t.http().get('/api/docs-json').expect(200)).body as OpenApi;
    const researcher = await t.staff('researcher');
    const admin = await t.staff('admin');
    const brand = await createBrand(t, 'fuzz');
    const brandUser = await t.staff('brand', brand.id);
    const campaign = await openCampaign(t, researcher.token);
    const panellist = await joinPanel(t, campaign.slug);
    const study = await createStudy(t, researcher.token, studyBody(brand.id));
    Object.assign(tokens, { researcher: researcher.token, admin: admin.token, brand: brandUser.token, panellist: panellist.token });
    const [email] = (await dataSource(t).query(`SELECT id FROM email_messages WHERE recipient = $1 LIMIT 1`, [
      panellist.email.toLowerCase(),
    ])) as Array<{ id: string }>;
    Object.assign(real, { study: study.id, survey: campaign.screenerSurveyId, slug: campaign.slug, brand: brand.id, email: email.id });
    fpSql = await fingerprintQuery(t);
  }, 180_000);

  afterAll(() => t?.close());

  function realFor(op: Operation, param: string): string | undefined {
    if (param === 'slug') return real.slug;
    if (param !== 'id') return undefined;
    if (op.path.startsWith('/api/v1/studies/')) return real.study;
    if (op.path.startsWith('/api/v1/surveys/')) return real.survey;
    if (op.path.startsWith('/api/v1/emails/')) return real.email;
    return undefined;
  }

  function send(op: Operation, role: Role, path: string, query: string, body: { type: string; text: string } | null, key?: string) {
    let req = t.http()[op.method](`${path}${query ? `?${query}` : ''}`);
    if (role !== 'public') req = req.set(...bearer(tokens[role]!));
    for (const [name, value] of op.fixedHeaders) req = req.set(name, value);
    if (key !== undefined) req = req.set('Idempotency-Key', key);
    if (body) req = req.set('Content-Type', body.type).send(body.text);
    return req;
  }

  /** The role whose request the guard lets through: x-roles when the document has them, else the first that is not 401/403. */
  async function roleFor(op: Operation): Promise<Role | null> {
    const candidates: Role[] = op.roles?.length
      ? op.roles.filter((r): r is Role => ['researcher', 'panellist', 'admin', 'brand'].includes(r))
      : ['researcher', 'panellist', 'admin', 'brand'];
    if (op.roles?.length === 0 || candidates.length === 0) return 'public';
    // a probe that validation refuses (a bad uuid in the path, an unknown body field) and does nothing
    const path = op.path.replace(/\{(\w+)\}/g, 'not-a-uuid');
    const probeBody = op.body ? { type: 'application/json', text: '{"__probe__":1}' } : null;
    for (const role of candidates) {
      const res = await send(op, role, path, '', probeBody);
      if (res.status !== 401 && res.status !== 403) return role;
    }
    return null;
  }

  function checkResponse(res: Response, what: string): string | null {
    if (res.status >= 500) return `${what} → ${res.status} ${res.text.slice(0, 300)}`;
    if (res.status >= 400) {
      if (!/^application\/problem\+json/.test(String(res.headers['content-type'])))
        return `${what} → ${res.status} as ${String(res.headers['content-type'])}`;
      if ((res.body as { status?: number }).status !== res.status)
        return `${what} → problem status ${String((res.body as { status?: number }).status)} ≠ ${res.status}`;
    }
    return null;
  }

  it('answers every random or hostile input with a 4xx problem (never a 5xx) and leaves the database unchanged when it refuses', async () => {
    const ops = operationsOf(doc);
    expect(ops.length).toBeGreaterThan(70);
    const failures: string[] = [];
    const skipped: string[] = [];
    let refused = 0;
    let sent = 0;
    let before: Record<string, string> = {};

    for (const op of ops) {
      const noInput = op.pathParams.length === 0 && op.query.length === 0 && op.body === undefined && !op.headerInput;
      if (noInput && (op.method !== 'get' || NO_INPUT_ACTIONS.has(label(op)))) {
        skipped.push(label(op));
        continue;
      }
      const role = await roleFor(op);
      if (role === null) {
        failures.push(`${label(op)}: no role gets past the guard`);
        continue;
      }
      // a read probe may be accepted (and audited): the baseline starts after it
      before = await settledFingerprint(t, fpSql);

      const pathArb = fc.tuple(
        ...op.pathParams.map((name) => {
          const r = realFor(op, name);
          return fc.oneof(
            { weight: 2, arbitrary: urlHostileString },
            { weight: 1, arbitrary: fc.uuid() },
            { weight: 1, arbitrary: r ? fc.constant(r) : fc.uuid() },
          );
        }),
      );
      const bodyArb: fc.Arbitrary<{ type: string; text: string } | null> =
        op.body === undefined
          ? fc.constant(null)
          : fc.oneof(
              { weight: 9, arbitrary: bodyArbitrary(doc, op.body).map((text) => ({ type: 'application/json', text })) },
              {
                weight: op.csv ? 3 : 0,
                arbitrary: fc
                  .oneof(
                    fc.constant(`shipmentId,carrier,trackingNumber\n${'a,b,c\n'.repeat(10_001)}`),
                    fc.string({ unit: 'binary', maxLength: 200 }),
                    fc.constant(`\u0000,${BIG}`),
                  )
                  .map((text) => ({ type: 'text/csv', text })),
              },
            );
      const keyArb = op.idempotencyKey
        ? fc.option(
            fc.oneof(
              fc.string({ minLength: 1, maxLength: 300 }).map((s) => s.replace(/[^\x21-\x7e]/g, 'k') || 'k'),
              fc.constant('k'.repeat(7_000)),
            ),
            {
              nil: undefined,
            },
          )
        : fc.constant(undefined);

      try {
        await fc.assert(
          fc.asyncProperty(pathArb, queryArbitrary(doc, op.query), bodyArb, keyArb, async (params, query, body, key) => {
            let path = op.path;
            op.pathParams.forEach((name, i) => (path = path.replace(`{${name}}`, encode(params[i]))));
            const res = await send(op, role, path, query, body, key);
            sent++;
            const what = `${label(op)} as ${role}: ${path.slice(0, 120)}?${query.slice(0, 120)} ${body ? body.text.slice(0, 160) : ''}`;
            const problem = checkResponse(res, what);
            if (problem) throw new Error(problem);
            if (res.status >= 400) {
              refused++;
              const changed = changedTables(before, await fingerprint(t, fpSql));
              if (changed.length > 0) throw new Error(`${what} → ${res.status}, yet changed ${changed.join(', ')}`);
            } else {
              // accepted: its effects (and its jobs') are the new baseline
              before = await settledFingerprint(t, fpSql);
            }
          }),
          { numRuns: RUNS, seed: SEED, endOnFailure: true },
        );
      } catch (err) {
        const seedLine = /\{ seed: [^}]*\}/.exec((err as Error).message)?.[0] ?? '';
        const cause = (err as Error).cause instanceof Error ? ((err as Error).cause as Error).message : (err as Error).message;
        failures.push(`${label(op)} ${seedLine}: ${cause.slice(0, 800)}`);
      }
    }

    expect(skipped.sort()).toEqual([...NO_INPUT_ACTIONS].sort());
    expect(failures).toEqual([]);
    // the properties ran, and most hostile inputs were refused
    expect(sent).toBeGreaterThan(ops.length * RUNS * 0.8);
    expect(refused).toBeGreaterThan(sent * 0.5);
  }, 600_000);
});
