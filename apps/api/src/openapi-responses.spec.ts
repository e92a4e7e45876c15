import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { buildOpenApiDocument, loadConfig, setApiPrefix } from '@leadpanel/platform';
import { ApiModule } from '@leadpanel/composition';

/**
 * The web app's client is generated from the OpenAPI document (docs/web.md), so every JSON
 * answer must be described there. This builds the composed document the way `npm run cli --
 * openapi` does (a preview app: the controllers' metadata, no database) and fails on every
 * operation whose success answer (2xx but 204) is neither a declared download (text/csv,
 * text/html…) nor JSON with a schema that says what it holds: no content, no schema, `{}` or
 * an object without properties. A free-form map is allowed when typed (`additionalProperties`
 * with a schema), as for answers keyed by question id.
 */
type Schema = Record<string, unknown>;
const isObject = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
/** 202 answers that send no body at all (the controller returns nothing) */
const bodiless = new Set(['post /api/v1/public/password-reset', 'post /api/v1/public/resend-confirmation']);

function resolveRef(doc: OpenAPIObject, schema: Schema): Schema {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  const found = doc.components?.schemas?.[ref.replace('#/components/schemas/', '')];
  return isObject(found) ? found : {};
}

/** why a schema does not describe its value, or undefined when it does (nested objects and items included) */
export function vagueSchema(doc: OpenAPIObject, schema: unknown, where: string, seen = new Set<unknown>()): string[] {
  if (!isObject(schema)) return [`${where}: no schema`];
  const s = resolveRef(doc, schema);
  if (seen.has(s)) return [];
  seen.add(s);
  const out: string[] = [];
  for (const k of ['allOf', 'oneOf', 'anyOf'] as const) {
    const list = s[k];
    if (Array.isArray(list)) list.forEach((sub, i) => out.push(...vagueSchema(doc, sub, `${where}.${k}[${i}]`, seen)));
  }
  if (['allOf', 'oneOf', 'anyOf'].some((k) => Array.isArray(s[k]))) return out;
  const type = s.type;
  if (type === undefined && s.enum === undefined && s.const === undefined) return [...out, `${where}: no type`];
  if (type === 'array') return [...out, ...vagueSchema(doc, s.items, `${where}[]`, seen)];
  if (type === 'object') {
    const props = isObject(s.properties) ? s.properties : undefined;
    const map = isObject(s.additionalProperties) ? s.additionalProperties : undefined;
    if (!props && !map) return [...out, `${where}: an object without properties`];
    for (const [name, sub] of Object.entries(props ?? {})) out.push(...vagueSchema(doc, sub, `${where}.${name}`, seen));
    if (map) out.push(...vagueSchema(doc, map, `${where}{*}`, seen));
  }
  return out;
}

export function undescribedResponses(doc: OpenAPIObject): string[] {
  const out: string[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = (item as Record<string, { responses?: Record<string, unknown> } | undefined>)[method];
      if (!op) continue;
      const at = `${method.toUpperCase()} ${path}`;
      const success = Object.entries(op.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
      if (success.length === 0) out.push(`${at}: no success response`);
      for (const [status, response] of success.filter(([s]) => s !== '204')) {
        const content = isObject(response) && isObject(response.content) ? response.content : undefined;
        // 202 with nothing to say (a form accepted whatever the address): no body, like a 204
        if (!content && status === '202' && bodiless.has(`${method} ${path}`)) continue;
        if (!content) {
          out.push(`${at} ${status}: no content (JSON schema, a download's media type, or 204)`);
          continue;
        }
        const json = Object.entries(content).filter(([type]) => /json/.test(type));
        if (json.length === 0 && Object.keys(content).every((type) => /^text\/|octet-stream/.test(type))) continue; // a download
        for (const [type, media] of json) {
          out.push(...vagueSchema(doc, isObject(media) ? media.schema : undefined, `${at} ${status} ${type}`));
        }
      }
    }
  }
  return out;
}

describe('OpenAPI document: every JSON answer has a response schema', () => {
  let doc: OpenAPIObject;

  beforeAll(async () => {
    const app = await NestFactory.create(ApiModule.forRoot(loadConfig(process.env)), { preview: true, logger: false, abortOnError: false });
    try {
      setApiPrefix(app);
      doc = buildOpenApiDocument(app);
    } finally {
      await app.close();
    }
  });

  it('describes the success body of every operation (a typed JSON schema, a download, or 204)', () => {
    expect(Object.keys(doc.paths).length).toBeGreaterThan(50);
    expect(undescribedResponses(doc)).toEqual([]);
  });

  it('finds an operation without a response schema', () => {
    const bare = {
      ...doc,
      paths: {
        '/x': { get: { responses: { 200: { description: 'ok' } } } },
        '/y': { post: { responses: { 201: { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } } } } },
      },
    } as unknown as OpenAPIObject;
    expect(undescribedResponses(bare)).toEqual([
      "GET /x 200: no content (JSON schema, a download's media type, or 204)",
      'POST /y 201 application/json: an object without properties',
    ]);
  });
});
