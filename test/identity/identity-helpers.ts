import { randomBytes } from 'node:crypto';
import type { Response } from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app';

export const API = '/api/v1';

/** A slug no other test (or run) uses: lower-case letters, digits and single hyphens. */
export function uniqueSlug(label = 'brand'): string {
  return `${label}-${randomBytes(5).toString('hex')}`;
}

/**
 * Every error is an RFC 9457 problem: the status, `application/problem+json`, a
 * `urn:leadpanel:problem:` type, a title, a detail and the request id of the response.
 */
export function expectProblem(res: Response, status: number, type?: string): void {
  if (res.status !== status) throw new Error(`expected a ${status} problem, got ${res.status}: ${res.text}`);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({
    status,
    title: expect.any(String),
    detail: expect.any(String),
    requestId: res.headers['x-request-id'],
  });
  expect(res.body.type).toMatch(/^urn:leadpanel:problem:[a-z0-9-]+$/);
  if (type !== undefined) expect(res.body.type).toBe(`urn:leadpanel:problem:${type}`);
}

/** The fields named by a 400 problem's `errors` (a field with several broken rules is named once per rule), sorted, each once. */
export function errorFields(res: Response): string[] {
  return [...new Set(((res.body.errors ?? []) as Array<{ field: string }>).map((e) => e.field))].sort();
}

export function bearer(token: string): [string, string] {
  return ['Authorization', `Bearer ${token}`];
}

export type { TestApp };

/** Each test app has a database and queue prefix of its own (createTestApp does it): nothing more to set up. */
export const createIdentityTestApp = (env: Record<string, string> = {}): Promise<TestApp> => createTestApp(env);
