import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
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

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const url = new URL(serverUrl);
  url.pathname = '/postgres';
  const admin = new Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/**
 * The test app for one spec file. With real servers, the test apps of a run share one
 * database and one queue prefix, so one file's outbox rows and mail jobs can be run
 * by another file's app and its mail lands on that app's SMTP listener. Here each app
 * gets a database and a queue prefix of its own (under the run's, so that the global
 * teardown still removes the keys); the database is dropped when the app closes.
 */
export async function createIdentityTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const server = process.env.LEADPANEL_TEST_SERVER_URL;
  const runDatabase = process.env.DATABASE_URL;
  if (!server || !runDatabase) return createTestApp(env);
  const suffix = randomBytes(3).toString('hex');
  const url = new URL(runDatabase);
  const name = `${url.pathname.slice(1)}_${suffix}`;
  url.pathname = `/${name}`;
  await onServer(server, `CREATE DATABASE "${name}"`);
  const drop = () => onServer(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  let t: TestApp;
  try {
    t = await createTestApp({
      DATABASE_URL: url.toString(),
      ...(process.env.QUEUE_PREFIX ? { QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}:${suffix}` } : {}),
      ...env,
    });
  } catch (err) {
    await drop();
    throw err;
  }
  return {
    ...t,
    async close() {
      await t.close();
      await drop();
    },
  };
}
