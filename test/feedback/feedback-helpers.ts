import type { Response, Test } from 'supertest';
import { dataSource } from '../panel/panel-helpers';
import { API, bearer, createStudiesTestApp, moveTo, type Panellist, type TestApp } from '../studies/studies-helpers';

export {
  accept,
  API,
  bearer,
  createBrand,
  errorFields,
  expectProblem,
  moveTo,
  myInvitationTo,
  openCampaign,
  UUID,
  type Campaign,
  type Panellist,
  type Study,
  type TestApp,
  type TestUser,
} from '../studies/studies-helpers';
export { dataSource } from '../panel/panel-helpers';

/** For hooks and tests that make cohorts: panellists join one by one through argon2, slow on a busy machine. */
export const SETUP_TIMEOUT = 180_000;

/** A well-formed UUID that names nothing. */
export const MISSING = '00000000-0000-4000-8000-000000000000';

/** The feedback test app: the studies' (own database and queue prefix per file, PUBLIC_BASE_URL set). */
export function createFeedbackTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  return createStudiesTestApp(env);
}

/** A product of the brand (home testing's POST /products), for filings that name the tested product. */
export async function brandProduct(t: TestApp, token: string, brandId: string): Promise<{ id: string }> {
  const res = await t
    .http()
    .post(`${API}/products`)
    .set(...bearer(token))
    .send({
      brandId,
      sku: `FB-${Math.random().toString(36).slice(2, 10).toUpperCase()}`,
      name: 'Kettle K2',
      unitsInStock: 1,
      requiresReturn: false,
      ndaRequired: false,
      usageDays: 0,
    });
  if (res.status !== 201) throw new Error(`POST /products: ${res.status} ${res.text}`);
  return { id: res.body.id as string };
}

/** recruiting → in_field → analysing → closed */
export function closeStudy(t: TestApp, token: string, studyId: string): Promise<void> {
  return moveTo(t, token, studyId, 'in_field', 'analysing', 'closed');
}

export interface FeedbackNote {
  id: string;
  authorUserId: string;
  body: string;
  createdAt: string;
}

export interface FeedbackItem {
  id: string;
  studyId: string;
  authorPanellistId: string;
  kind: 'bug' | 'idea' | 'praise' | 'question';
  severity: 'blocker' | 'critical' | 'major' | 'minor' | null;
  area: string | null;
  title: string;
  body: string;
  productId: string | null;
  status: 'new' | 'triaged' | 'in_progress' | 'resolved' | 'wont_fix' | 'duplicate';
  duplicateOfId: string | null;
  meToo: number;
  notes?: FeedbackNote[];
  createdAt: string;
  updatedAt: string;
}

/** A valid filing of each kind; override any field (undefined removes it). */
export function filing(
  kind: 'bug' | 'idea' | 'praise' | 'question' = 'idea',
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const body: Record<string, unknown> = {
    kind,
    ...(kind === 'bug' ? { severity: 'major' } : {}),
    area: 'lid',
    title: `A ${kind} about the kettle lid`,
    body: `The lid of the kettle: a ${kind}.`,
    ...overrides,
  };
  for (const [k, v] of Object.entries(body)) if (v === undefined) delete body[k];
  return body;
}

function withToken(req: Test, token: string | null): Test {
  return token ? req.set(...bearer(token)) : req;
}

export function postFeedback(t: TestApp, token: string | null, studyId: string, body: unknown) {
  return withToken(t.http().post(`${API}/studies/${studyId}/feedback`), token).send(body as object);
}

/** Files an item (201) and returns it. */
export async function fileFeedback(t: TestApp, p: Panellist, studyId: string, body: Record<string, unknown>): Promise<FeedbackItem> {
  const res = await postFeedback(t, p.token, studyId, body);
  if (res.status !== 201) throw new Error(`POST feedback: ${res.status} ${res.text}`);
  return res.body as FeedbackItem;
}

export function listFeedback(t: TestApp, token: string | null, studyId: string, query = '') {
  return withToken(t.http().get(`${API}/studies/${studyId}/feedback${query ? `?${query}` : ''}`), token);
}

/** Every item of a study (all pages) as a researcher sees them. */
export async function allFeedback(
  t: TestApp,
  token: string,
  studyId: string,
  filters: Record<string, string> = {},
): Promise<FeedbackItem[]> {
  const out: FeedbackItem[] = [];
  let cursor: string | null = null;
  do {
    const q = new URLSearchParams({ limit: '100', ...filters });
    if (cursor) q.set('cursor', cursor);
    const res: Response = await listFeedback(t, token, studyId, q.toString());
    if (res.status !== 200) throw new Error(`GET feedback: ${res.status} ${res.text}`);
    out.push(...(res.body.items as FeedbackItem[]));
    cursor = res.body.nextCursor as string | null;
  } while (cursor);
  return out;
}

/** One item as the researcher's list shows it. */
export async function feedbackItem(t: TestApp, token: string, studyId: string, id: string): Promise<FeedbackItem> {
  const item = (await allFeedback(t, token, studyId)).find((f) => f.id === id);
  if (!item) throw new Error(`feedback ${id} is not listed in study ${studyId}`);
  return item;
}

export function meToo(t: TestApp, token: string | null, feedbackId: string) {
  return withToken(t.http().post(`${API}/feedback/${feedbackId}/me-too`), token);
}

export function triage(t: TestApp, token: string | null, feedbackId: string, body: unknown) {
  return withToken(t.http().patch(`${API}/feedback/${feedbackId}`), token).send(body as object);
}

/** Triage that must succeed (200): the item after it. */
export async function mustTriage(t: TestApp, token: string, feedbackId: string, body: Record<string, unknown>): Promise<FeedbackItem> {
  const res = await triage(t, token, feedbackId, body);
  if (res.status !== 200) throw new Error(`PATCH feedback ${JSON.stringify(body)}: ${res.status} ${res.text}`);
  return res.body as FeedbackItem;
}

export interface AuditRow {
  actorUserId: string | null;
  actorRole: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  requestId: string | null;
  data: Record<string, unknown>;
}

/** The audit_log rows of one target and action, oldest first, read through the app's DataSource. */
export async function auditRows(t: TestApp, targetId: string, action = 'feedback.triaged'): Promise<AuditRow[]> {
  return (await dataSource(t).query(
    `SELECT actor_user_id AS "actorUserId", actor_role AS "actorRole", action, target_type AS "targetType",
            target_id AS "targetId", request_id AS "requestId", data
       FROM audit_log WHERE target_id = $1 AND action = $2 ORDER BY created_at ASC, id ASC`,
    [targetId, action],
  )) as AuditRow[];
}
