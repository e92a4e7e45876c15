import fc from 'fast-check';
import type { Response } from 'supertest';
import { bearer, dataSource, joinPanel, PUBLIC_BASE_URL } from '../panel/panel-helpers';
import { createBrand, createStudy, openCampaign, studyBody } from '../studies/studies-helpers';
import { createTestApp, type TestApp } from '../support/test-app';
import {
  BIG,
  bodyArbitrary,
  changedTables,
  encode,
  fingerprint,
  fingerprintQuery,
  label,
  NO_INPUT_ACTIONS,
  operationsOf,
  queryArbitrary,
  RUNS,
  SEED,
  settledFingerprint,
  urlHostileString,
  type OpenApi,
  type Operation,
  type Role,
} from './malformed-input-support';

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
