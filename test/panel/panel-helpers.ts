import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import type { Question } from '@leadpanel/surveys';
import type { ReceivedMail } from '../support/smtp';
import { createTestApp, uniqueEmail, type TestApp, type TestUser } from '../support/test-app';

export const API = '/api/v1';
/** What the confirmation and referral links start with: set on every panel test app. */
export const PUBLIC_BASE_URL = 'https://panel.leadpanel.test';
export const PASSWORD = 'correct-horse-battery';
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type { TestApp, TestUser };

/** A slug no other test (or run) uses: lower-case letters, digits and single hyphens. */
export function uniqueSlug(label = 'panel'): string {
  return `${label}-${randomBytes(5).toString('hex')}`;
}

export function bearer(token: string): [string, string] {
  return ['Authorization', `Bearer ${token}`];
}

/** Every error is an RFC 9457 problem with the status, a `urn:leadpanel:problem:` type and the request id. */
export function expectProblem(res: Response, status: number, type?: string): void {
  if (res.status !== status) throw new Error(`expected a ${status} problem, got ${res.status}: ${res.text}`);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, title: expect.any(String), detail: expect.any(String), requestId: res.headers['x-request-id'] });
  expect(res.body.type).toMatch(/^urn:leadpanel:problem:[a-z0-9-]+$/);
  if (type !== undefined) expect(res.body.type).toBe(`urn:leadpanel:problem:${type}`);
}

/** The fields a 400 problem names, sorted, each once. */
export function errorFields(res: Response): string[] {
  return [...new Set(((res.body.errors ?? []) as Array<{ field: string }>).map((e) => e.field))].sort();
}

export function dataSource(t: TestApp): DataSource {
  return t.app.get(DataSource);
}

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
 * The test app of one panel spec file, with PUBLIC_BASE_URL set. With real servers the
 * apps of a run share one database and queue prefix, so one file's mail jobs could be
 * sent by another file's app to that file's SMTP listener: here each app gets its own
 * database and queue prefix (under the run's, so the global teardown still cleans up),
 * and the database is dropped when the app closes.
 */
export async function createPanelTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const base = { PUBLIC_BASE_URL, ...env };
  const server = process.env.LEADPANEL_TEST_SERVER_URL;
  const runDatabase = process.env.DATABASE_URL;
  if (!server || !runDatabase) return createTestApp(base);
  const suffix = randomBytes(3).toString('hex');
  const url = new URL(runDatabase);
  const name = `${url.pathname.slice(1)}_p${suffix}`;
  url.pathname = `/${name}`;
  await onServer(server, `CREATE DATABASE "${name}"`);
  const drop = () => onServer(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  let t: TestApp;
  try {
    t = await createTestApp({
      DATABASE_URL: url.toString(),
      ...(process.env.QUEUE_PREFIX ? { QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}:p${suffix}` } : {}),
      ...base,
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

/**
 * The screener used by most tests: four 7-point lead-user items (one reverse-keyed), a
 * required choice, an optional number. The top answers score 100 on every dimension.
 */
export const SCREENER_QUESTIONS: Question[] = [
  {
    id: 'trend1',
    type: 'likert',
    scale: 7,
    prompt: 'I usually try new products before others do',
    required: true,
    dimension: 'ahead_of_trend',
  },
  {
    id: 'trend2',
    type: 'likert',
    scale: 7,
    prompt: 'I wait until a product is well established before buying it',
    required: true,
    dimension: 'ahead_of_trend',
    reverse: true,
  },
  {
    id: 'benefit',
    type: 'likert',
    scale: 7,
    prompt: 'A better solution would help me a lot',
    required: true,
    dimension: 'expected_benefit',
  },
  { id: 'own', type: 'likert', scale: 7, prompt: 'I have built my own solutions', required: true, dimension: 'own_solutions' },
  {
    id: 'usage',
    type: 'single_choice',
    prompt: 'How often do you cook?',
    required: true,
    options: [
      { value: 'daily', label: 'Every day' },
      { value: 'weekly', label: 'Every week' },
    ],
  },
  { id: 'hours', type: 'number', prompt: 'Hours a week spent on your hobby', min: 0, max: 168 },
];

/** Every item at its lead-user end: 7, and 1 on the reverse item. Scores 100. */
export const TOP_ANSWERS = { trend1: 7, trend2: 1, benefit: 7, own: 7, usage: 'daily' };
/** Low answers: 2 (6 on the reverse item), every dimension (2 − 1) / 6 × 100 = 16.7. */
export const LOW_ANSWERS = { trend1: 2, trend2: 6, benefit: 2, own: 2, usage: 'weekly' };

export async function createSurvey(
  t: TestApp,
  token: string,
  opts: { kind?: string; questions?: Question[]; publish?: boolean; title?: string } = {},
): Promise<{ id: string; status: string }> {
  const res = await t
    .http()
    .post(`${API}/surveys`)
    .set(...bearer(token))
    .send({ kind: opts.kind ?? 'screener', title: opts.title ?? 'Lead-user screener', questions: opts.questions ?? SCREENER_QUESTIONS });
  if (res.status !== 201) throw new Error(`POST /surveys: ${res.status} ${res.text}`);
  if (opts.publish === false) return res.body as { id: string; status: string };
  const published = await t
    .http()
    .post(`${API}/surveys/${res.body.id as string}/publish`)
    .set(...bearer(token));
  if (published.status !== 200) throw new Error(`publish: ${published.status} ${published.text}`);
  return published.body as { id: string; status: string };
}

export interface Campaign {
  id: string;
  slug: string;
  title: string;
  screenerSurveyId: string;
  acceptScore: number;
}

/** A campaign with a unique slug, over a new published screener unless one is given. */
export async function createCampaign(
  t: TestApp,
  token: string,
  opts: { screenerSurveyId?: string; acceptScore?: number; weights?: Record<string, number>; title?: string; slug?: string } = {},
): Promise<Campaign> {
  const screenerSurveyId = opts.screenerSurveyId ?? (await createSurvey(t, token)).id;
  const res = await t
    .http()
    .post(`${API}/recruitment-campaigns`)
    .set(...bearer(token))
    .send({
      slug: opts.slug ?? uniqueSlug('camp'),
      title: opts.title ?? 'Home cooks who hack their kitchen',
      description: 'We look for people who improve their own kitchen tools.',
      screenerSurveyId,
      acceptScore: opts.acceptScore ?? 50,
      ...(opts.weights ? { weights: opts.weights } : {}),
    });
  if (res.status !== 201) throw new Error(`POST /recruitment-campaigns: ${res.status} ${res.text}`);
  return res.body as Campaign;
}

/** A valid application body; override any field (undefined removes it). */
export function applicationBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const body: Record<string, unknown> = {
    email: uniqueEmail('applicant'),
    password: PASSWORD,
    displayName: 'Ada Applicant',
    country: 'FR',
    locale: 'en',
    birthYear: 1990,
    gender: 'female',
    consents: { termsVersion: '2026-01', research: true, productTesting: true },
    answers: TOP_ANSWERS,
    ...overrides,
  };
  for (const [k, v] of Object.entries(body)) if (v === undefined) delete body[k];
  return body;
}

export function apply(t: TestApp, slug: string, body: Record<string, unknown>) {
  return t.http().post(`${API}/public/recruitment/${slug}/applications`).send(body);
}

/** The confirmation token of a mail: the link is `$PUBLIC_BASE_URL/confirm?token=…`. */
export function confirmTokenOf(mail: ReceivedMail): string {
  const m = new RegExp(`${PUBLIC_BASE_URL.replace(/[.]/g, '\\.')}/confirm\\?token=([A-Za-z0-9_-]+)`).exec(mail.text);
  if (!m) throw new Error(`no confirmation link in the mail "${mail.subject}":\n${mail.text}`);
  return m[1];
}

/** Waits for the `nth` confirmation mail to `email` (the first by default) and returns it with its token. */
export async function confirmationMail(
  t: TestApp,
  email: string,
  nth = 1,
  timeoutMs = 15_000,
): Promise<{ mail: ReceivedMail; token: string }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mail = t.smtp.to(email).filter((m) => m.text.includes('/confirm?token='))[nth - 1];
    if (mail) return { mail, token: confirmTokenOf(mail) };
    if (Date.now() > deadline) throw new Error(`no confirmation mail #${nth} to ${email} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function confirm(t: TestApp, token: string) {
  return t.http().post(`${API}/public/confirm-email`).send({ token });
}

export interface Panellist {
  id: string;
  email: string;
  password: string;
  displayName: string;
  token: string;
  refreshToken: string;
  confirmed: { status: string; score: number | null; tier: string | null };
}

/** Applies (201), confirms with the token of the mail (200) and logs in. */
export async function joinPanel(t: TestApp, slug: string, overrides: Record<string, unknown> = {}): Promise<Panellist> {
  const body = applicationBody(overrides);
  const email = String(body.email).toLowerCase();
  const before = t.smtp.to(email).filter((m) => m.text.includes('/confirm?token=')).length;
  const applied = await apply(t, slug, body);
  if (applied.status !== 201) throw new Error(`apply: ${applied.status} ${applied.text}`);
  const { token } = await confirmationMail(t, email, before + 1);
  const confirmed = await confirm(t, token);
  if (confirmed.status !== 200) throw new Error(`confirm: ${confirmed.status} ${confirmed.text}`);
  const session = await t.login(email, String(body.password));
  return {
    id: applied.body.panellistId as string,
    email,
    password: String(body.password),
    displayName: String(body.displayName),
    token: session.accessToken,
    refreshToken: session.refreshToken,
    confirmed: confirmed.body as Panellist['confirmed'],
  };
}
