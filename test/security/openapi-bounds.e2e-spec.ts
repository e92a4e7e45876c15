import { createTestApp, type TestApp } from '../support/test-app';
import { unboundedInDocument, type OpenApiLike } from './openapi-bounds';

describe('OpenAPI document: every input and output is bounded', () => {
  let t: TestApp;
  let doc: OpenApiLike & { paths: Record<string, Record<string, { parameters?: Array<Record<string, unknown>> }>> };

  beforeAll(async () => {
    t = await createTestApp();
    doc = (await t.http().get('/api/docs-json').expect(200)).body as typeof doc;
  });
  afterAll(() => t.close());

  it('has a maxLength on every string, a maxItems on every array and a range on every number', () => {
    expect(unboundedInDocument(doc)).toEqual([]);
  });

  it('documents every id path parameter as a uuid of at most 36 characters', () => {
    const idParams = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).flatMap(([method, op]) =>
        (op.parameters ?? [])
          .filter((p) => p.in === 'path' && /id$/i.test(String(p.name)))
          .map((p) => ({ at: `${method.toUpperCase()} ${path} ${String(p.name)}`, schema: p.schema })),
      ),
    );
    expect(idParams.length).toBeGreaterThan(40);
    const wrong = idParams.filter(({ schema }) => {
      const s = schema as { format?: string; maxLength?: number } | undefined;
      return s?.format !== 'uuid' || s.maxLength !== 36;
    });
    expect(wrong.map((w) => w.at)).toEqual([]);
  });
});
