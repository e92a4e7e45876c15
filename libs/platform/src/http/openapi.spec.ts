import type { OpenAPIObject } from '@nestjs/swagger';
import { BEARER_SCHEME, CARRIER_SIGNATURE_SCHEME, finishOpenApiDocument } from './openapi';

function doc(paths: Record<string, Record<string, object>>): OpenAPIObject {
  return {
    openapi: '3.0.0',
    info: { title: 't', version: '1' },
    servers: [{ url: '/', description: 'local' }],
    paths,
    components: {},
  } as unknown as OpenAPIObject;
}

type Op = { security?: unknown; responses: Record<string, { content?: Record<string, unknown>; headers?: Record<string, unknown> }> };
const op = (d: OpenAPIObject, path: string, method: string) => (d.paths[path] as unknown as Record<string, Op>)[method];
const statuses = (o: Op) =>
  Object.keys(o.responses)
    .filter((s) => Number(s) >= 400)
    .map(Number);

describe('finishOpenApiDocument: what every operation shares, from x-roles, method and parameters', () => {
  const d = finishOpenApiDocument(
    doc({
      '/api/v1/studies/{id}': {
        get: {
          'x-roles': ['researcher', 'brand'],
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { 200: { description: 'ok' } },
        },
        patch: {
          'x-roles': ['researcher'],
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {},
        },
      },
      '/api/v1/auth/me': { get: { 'x-roles': ['any'], tags: ['auth'], responses: { 200: { description: 'ok' } } } },
      '/api/v1/auth/login': {
        post: {
          'x-roles': ['public'],
          'x-rate-limit': ['login-address', 'login'],
          requestBody: {},
          responses: { 200: { description: 'ok' } },
        },
      },
      '/api/v1/webhooks/carrier': { post: { 'x-roles': ['public'], security: [{ [CARRIER_SIGNATURE_SCHEME]: [] }], responses: {} } },
    }),
  );

  it('a role-limited read of an object: bearer, 400 (malformed id), 401, 403, 404, 429, 500, 503 as problem+json; ids are UUIDs', () => {
    const o = op(d, '/api/v1/studies/{id}', 'get');
    expect(o.security).toEqual([{ [BEARER_SCHEME]: [] }]);
    expect(statuses(o)).toEqual([400, 401, 403, 404, 429, 500, 503]);
    expect(o.responses['404'].content).toEqual({ 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } });
    expect((d.paths['/api/v1/studies/{id}'].get?.parameters?.[0] as { schema: object }).schema).toEqual({ type: 'string', format: 'uuid' });
  });

  it('a write adds 409, 413 and 422', () => {
    expect(statuses(op(d, '/api/v1/studies/{id}', 'patch'))).toEqual([400, 401, 403, 404, 409, 413, 422, 429, 500, 503]);
  });

  it('any logged-in user: 401 but no 403', () => {
    expect(statuses(op(d, '/api/v1/auth/me', 'get'))).toEqual([401, 429, 500, 503]);
  });

  it('public: no security, no 401/403 and no 409/422 unless declared; a rate-limited one documents 429 with Retry-After and its throttler headers', () => {
    const o = op(d, '/api/v1/auth/login', 'post');
    expect(o.security).toEqual([]);
    expect(statuses(o)).toEqual([400, 413, 429, 500, 503]);
    expect(Object.keys(o.responses['429'].headers ?? {})).toEqual([
      'Retry-After',
      'RateLimit-Limit',
      'RateLimit-Remaining',
      'RateLimit-Reset',
    ]);
    expect(Object.keys(o.responses['200'].headers ?? {})).toEqual(
      expect.arrayContaining(['RateLimit-Limit', 'X-RateLimit-Limit-login', 'X-RateLimit-Remaining-login-address']),
    );
    expect(Object.keys(o.responses['413'].headers ?? {})).toEqual(['RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset']);
  });

  it('every answer of every operation carries the budget headers, and every operation documents 429 with Retry-After', () => {
    for (const [path, method] of [
      ['/api/v1/studies/{id}', 'get'],
      ['/api/v1/studies/{id}', 'patch'],
      ['/api/v1/auth/me', 'get'],
      ['/api/v1/auth/login', 'post'],
      ['/api/v1/webhooks/carrier', 'post'],
    ]) {
      const o = op(d, path, method);
      for (const [status, response] of Object.entries(o.responses)) {
        expect([status, Object.keys(response.headers ?? {})]).toEqual([
          status,
          expect.arrayContaining(['RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset']),
        ]);
      }
      expect(Object.keys(o.responses['429'].headers ?? {})).toContain('Retry-After');
    }
  });

  it('the signed webhook keeps its signature scheme and can answer 401', () => {
    const o = op(d, '/api/v1/webhooks/carrier', 'post');
    expect(o.security).toEqual([{ [CARRIER_SIGNATURE_SCHEME]: [] }]);
    expect(statuses(o)).toContain(401);
  });

  it('servers say they are public; every tag used is declared', () => {
    expect(d.servers?.[0]).toMatchObject({ 'x-internal': false });
    expect(d.components?.schemas?.Problem).toBeDefined();
    expect(d.tags?.map((t) => t.name)).toEqual(['auth']);
  });

  it('every integer says its width, from its bounds: int32 when they fit, else int64; a given format is kept', () => {
    const schemas = {
      Counts: {
        type: 'object',
        properties: {
          small: { type: 'integer', minimum: 0, maximum: 100 },
          big: { type: 'integer', minimum: 0, maximum: 2 ** 40 },
          unbounded: { type: 'integer' },
          given: { type: 'integer', format: 'int64', minimum: 0, maximum: 5 },
          nested: { type: 'array', maxItems: 3, items: { type: 'integer', minimum: -5, maximum: 5 } },
        },
      },
    };
    const withSchemas = finishOpenApiDocument({ ...doc({}), components: { schemas } } as unknown as OpenAPIObject);
    const props = (
      withSchemas.components?.schemas?.Counts as { properties: Record<string, { format?: string; items?: { format?: string } }> }
    ).properties;
    expect([props.small.format, props.big.format, props.unbounded.format, props.given.format, props.nested.items?.format]).toEqual([
      'int32',
      'int64',
      'int64',
      'int64',
      'int32',
    ]);
  });
});
