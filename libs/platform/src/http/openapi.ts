import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { X_ROLES, type AccessRole } from '../auth/decorators';
import { TITLE_BY_STATUS } from '../errors/problem';
import { X_RATE_LIMIT } from '../rate-limit/rate-limit';
import { INT32_MAX } from './bounds';

/** Where the served document lives (GET /api/docs-json) and its UI (/api/docs). */
export const DOCS_PATH = 'api/docs';
export const DOCS_JSON_PATH = 'api/docs-json';

/** The bearer scheme every non-public operation requires. */
export const BEARER_SCHEME = 'bearer';
/** The HMAC signature the carrier webhook is verified with (a header, not a login). */
export const CARRIER_SIGNATURE_SCHEME = 'carrier-signature';

const PROBLEM = 'Problem';
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'] as const;
const WRITES = new Set(['post', 'put', 'patch', 'delete']);

type Json = Record<string, unknown>;
interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Array<{ name: string; in: string; schema?: Json; required?: boolean }>;
  requestBody?: unknown;
  responses?: Record<string, Json>;
  security?: Array<Record<string, string[]>>;
  [X_ROLES]?: AccessRole[];
  [X_RATE_LIMIT]?: string[];
}

/**
 * The OpenAPI document of the composed app, as GET /api/docs-json serves it and
 * `npm run cli -- openapi` writes it: Nest's scan of the controllers, then one pass that
 * derives from each operation's `x-roles` (written by @Public/@Roles/@Authenticated)
 * and its method and parameters what every operation shares: security requirement,
 * problem+json error responses, id formats. Controllers declare only what is theirs.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Leadpanel API')
      .setDescription(
        'Lead-user research panel manager. Every error is application/problem+json (RFC 9457). ' +
          'Each operation says who may call it in `x-roles`: roles (admin, researcher, brand, panellist), ' +
          '`public` (no token) or `any` (any logged-in user).',
      )
      .setVersion('1')
      .setLicense('AGPL-3.0-only', 'https://www.gnu.org/licenses/agpl-3.0.html')
      .addServer('/', 'The deployment that serves this document (local, staging or production)', {})
      .addBearerAuth(
        {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'Access token from POST /auth/login or /auth/refresh: an HS256 JWS living 15 minutes, verified with the ' +
            'algorithm pinned and its session checked on every request, following RFC8725.',
        },
        BEARER_SCHEME,
      )
      .addApiKey(
        {
          type: 'apiKey',
          in: 'header',
          name: 'X-Leadpanel-Signature',
          description: 't=<unix>,v1=<hex hmac_sha256(secret, t + "." + rawBody)>: the carrier webhook signature (5-minute tolerance)',
        },
        CARRIER_SIGNATURE_SCHEME,
      )
      .build(),
  );
  return finishOpenApiDocument(document);
}

/** The shared part of every operation, derived in one place (exported for the unit test). */
export function finishOpenApiDocument(document: OpenAPIObject): OpenAPIObject {
  document.info.contact = { name: 'Leadpanel maintainers (see the project README)' };
  const servers = (document.servers ?? []) as unknown as Json[];
  for (const s of servers) s['x-internal'] = false;
  document.components = document.components ?? {};
  document.components.schemas = { ...document.components.schemas, [PROBLEM]: problemSchema() };
  integerFormats(document);
  const tags = new Set<string>();

  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const op = (item as Record<string, Operation | undefined>)[method];
      if (!op) continue;
      for (const tag of op.tags ?? []) tags.add(tag);
      const roles = op[X_ROLES];
      const isPublic = roles?.includes('public') ?? false;
      const pathParams = (op.parameters ?? []).filter((p) => p.in === 'path');
      const hasInput = (op.parameters ?? []).length > 0 || op.requestBody !== undefined || WRITES.has(method);
      const signed = isPublic && (op.security ?? []).some((s) => CARRIER_SIGNATURE_SCHEME in s);

      if (isPublic) op.security = signed ? [{ [CARRIER_SIGNATURE_SCHEME]: [] }] : [];
      else op.security = [{ [BEARER_SCHEME]: [] }];

      // ids are UUIDs (docs/http-contract.md); the pipes answer 400 to anything else
      for (const p of pathParams) {
        if (p.name === 'id' || /Id$/.test(p.name)) p.schema = { ...p.schema, type: 'string', format: 'uuid' };
      }

      op.description = op.description ?? describe(roles, op.summary);
      op.responses = op.responses ?? {};
      const errors: number[] = [];
      if (hasInput) errors.push(400);
      if (!isPublic || signed) errors.push(401);
      if (roles && !isPublic && !roles.includes('any')) errors.push(403);
      if (pathParams.length > 0) errors.push(404);
      if (WRITES.has(method)) errors.push(413);
      // state conflicts and business rules are about objects a caller works on; a public write
      // (login, application, webhook) declares its own (e.g. 409 e-mail taken) in its controller
      if (WRITES.has(method) && !isPublic) errors.push(409, 422);
      // the per-caller budget covers every operation
      errors.push(429, 500, 503);
      // and those a controller declares itself (e.g. 401 on a wrong password), as problems too
      for (const declared of Object.keys(op.responses)) if (/^[45]\d\d$/.test(declared)) errors.push(Number(declared));
      for (const status of [...new Set(errors)].sort((a, b) => a - b)) {
        const key = String(status);
        const declared = op.responses[key] as { description?: string } | undefined;
        op.responses[key] = problemResponse(status, declared?.description);
      }
      addRateLimitHeaders(op.responses, op[X_RATE_LIMIT] ?? []);
    }
  }
  const known = new Set((document.tags ?? []).map((t) => t.name));
  document.tags = [
    ...(document.tags ?? []),
    ...[...tags].filter((t) => !known.has(t)).map((name) => ({ name, description: `${name} operations` })),
  ].sort((a, b) => a.name.localeCompare(b.name));
  return document;
}

function describe(roles: AccessRole[] | undefined, summary: string | undefined): string {
  const who = !roles
    ? 'undeclared'
    : roles.includes('public')
      ? 'anyone, without a token'
      : roles.includes('any')
        ? 'any logged-in user'
        : roles.join(', ');
  return `${summary ? `${summary}. ` : ''}Who may call it: ${who}.`;
}

function problemSchema(): Json {
  return {
    type: 'object',
    description: 'RFC 9457 problem details',
    required: ['type', 'title', 'status', 'detail', 'requestId'],
    additionalProperties: false,
    properties: {
      type: { type: 'string', maxLength: 200, pattern: '^urn:leadpanel:problem:[a-z0-9-]+$', example: 'urn:leadpanel:problem:not-found' },
      title: { type: 'string', maxLength: 200 },
      status: { type: 'integer', format: 'int32', minimum: 400, maximum: 599 },
      detail: { type: 'string', maxLength: 2000 },
      errors: {
        type: 'array',
        maxItems: 1000,
        items: {
          type: 'object',
          required: ['field', 'message'],
          additionalProperties: false,
          properties: { field: { type: 'string', maxLength: 500 }, message: { type: 'string', maxLength: 2000 } },
        },
      },
      requestId: { type: 'string', maxLength: 200 },
    },
  };
}

const WHY: Record<number, string> = {
  400: 'invalid input: validation (unknown fields refused), malformed JSON or a malformed id',
  401: 'no valid access token (or, for a signed webhook, a bad or old signature)',
  403: 'the caller’s role may not call this, or the caller does not take part in the object',
  404: 'missing, or not yours (existence is never leaked across brands)',
  409: 'the object’s state does not allow it, or a unique value is taken',
  413: 'the body is over 1 MB',
  422: 'a business rule refuses it',
  429: 'too many requests: wait as long as the Retry-After header says',
  500: 'an unexpected error; the detail says nothing of the cause, the log has it (with the request id)',
  503: 'the database (or queue) is not reachable right now; retry shortly',
};

const SECONDS = { type: 'integer', format: 'int32', minimum: 0, maximum: 86400 };
const COUNT = { type: 'integer', format: 'int32', minimum: 0, maximum: 1_000_000 };

function problemResponse(status: number, declared: string | undefined): Json {
  const response: Json = {
    description: declared ?? `${TITLE_BY_STATUS[status] ?? 'Error'}: ${WHY[status] ?? 'see the problem detail'}`,
    content: { 'application/problem+json': { schema: { $ref: `#/components/schemas/${PROBLEM}` } } },
  };
  if (status === 429) {
    // the limit that refused also sends Retry-After-<name> (a named limit); only Retry-After is always there
    response.headers = { 'Retry-After': { description: 'seconds until a request may succeed again', schema: SECONDS } };
  }
  return response;
}

/**
 * Every answer carries the per-caller budget's RateLimit-Limit, -Remaining and -Reset (the
 * budget runs before anything else). An operation with named limits also carries
 * @nestjs/throttler's X-RateLimit-{Limit,Remaining,Reset}-<name> on the answers given after
 * its guard counted the request (not the global guard's 401/403, not the body parser's 413;
 * a 429 carries Retry-After instead).
 */
function addRateLimitHeaders(responses: Record<string, Json>, throttlers: string[]): void {
  for (const [status, response] of Object.entries(responses)) {
    const headers: Json = {
      'RateLimit-Limit': { description: 'requests allowed per minute to this caller (RATE_LIMIT_PER_MINUTE)', schema: COUNT },
      'RateLimit-Remaining': { description: 'requests left to this caller in the current window', schema: COUNT },
      'RateLimit-Reset': { description: 'seconds until the current window resets', schema: SECONDS },
    };
    if (/^[24]/.test(status) && !['401', '403', '413', '429'].includes(status)) {
      for (const name of throttlers) {
        headers[`X-RateLimit-Limit-${name}`] = { description: `requests allowed in the ${name} window`, schema: COUNT };
        headers[`X-RateLimit-Remaining-${name}`] = { description: `requests left in the ${name} window`, schema: COUNT };
        headers[`X-RateLimit-Reset-${name}`] = { description: `seconds until the ${name} window resets`, schema: SECONDS };
      }
    }
    response.headers = { ...(response.headers as Json | undefined), ...headers };
  }
}

/**
 * Every integer schema says its width (int32 or int64), derived from its bounds: the DTOs
 * give every integer a minimum and a maximum (dto-bounds.spec.ts), so the width follows
 * from them; one without bounds is int64.
 */
function integerFormats(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) integerFormats(item);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const schema = node as Json;
  if (schema.type === 'integer' && schema.format === undefined) {
    const { minimum, maximum } = schema as { minimum?: number; maximum?: number };
    const fits = typeof minimum === 'number' && typeof maximum === 'number' && minimum >= -INT32_MAX - 1 && maximum <= INT32_MAX;
    schema.format = fits ? 'int32' : 'int64';
  }
  for (const value of Object.values(schema)) integerFormats(value);
}
