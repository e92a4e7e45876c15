import type { Response, Test } from 'supertest';
import { dataSource } from '../panel/panel-helpers';
import {
  accept,
  API,
  bearer,
  createBrand,
  createStudiesTestApp,
  joinMany,
  moveTo,
  myInvitationTo,
  openCampaign,
  recruitingStudy,
  studyBody,
  wave,
  type Campaign,
  type Panellist,
  type PanellistSpec,
  type Study,
  type StudyBody,
  type TestApp,
  type TestUser,
} from '../studies/studies-helpers';

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

/** A researcher, a brand and a campaign that takes everyone: what every feedback file starts with. */
export interface FeedbackWorld {
  researcher: TestUser;
  brandId: string;
  campaign: Campaign;
}

export async function feedbackWorld(t: TestApp): Promise<FeedbackWorld> {
  const researcher = await t.staff('researcher');
  const brandId = (await createBrand(t)).id;
  const campaign = await openCampaign(t, researcher.token);
  return { researcher, brandId, campaign };
}

export interface Cohort {
  study: Study;
  /** invited and accepted: enrolled participants */
  participants: Panellist[];
  /** invited to the study, never answered */
  invitedOnly: Panellist[];
}

/**
 * A recruiting study restricted to its own country (so that no other study's wave reaches
 * its panellists, who have a contact cap): `participants` panellists join, are invited by a
 * wave and accept; `invitedOnly` more are invited and do not answer.
 */
export async function cohort(
  t: TestApp,
  w: FeedbackWorld,
  opts: { country: string; participants: number; invitedOnly?: number; study?: Partial<StudyBody> },
): Promise<Cohort> {
  const total = opts.participants + (opts.invitedOnly ?? 0);
  const joined = await joinMany(
    t,
    w.campaign,
    Array.from({ length: total }, (_, i): PanellistSpec => ({ country: opts.country, displayName: `Beta tester ${opts.country} ${i}` })),
  );
  const study = await recruitingStudy(
    t,
    w.researcher.token,
    studyBody(w.brandId, {
      title: `Kettle beta ${opts.country}`,
      targetSize: total,
      criteria: { countries: [opts.country] },
      ...opts.study,
    }),
  );
  const invited = await wave(t, w.researcher.token, study.id, { size: total, expiresInDays: 7 });
  if (invited.invited !== total) throw new Error(`the wave invited ${invited.invited} of ${total}`);
  const participants = joined.slice(0, opts.participants);
  for (const p of participants) {
    const inv = await myInvitationTo(t, p, study.id);
    if (!inv) throw new Error(`${p.email} was not invited to ${study.id}`);
    const res = await accept(t, p, inv.id);
    if (res.status !== 200 || res.body.status !== 'accepted') throw new Error(`accept: ${res.status} ${res.text}`);
  }
  return { study, participants, invitedOnly: joined.slice(opts.participants) };
}

/** Panellists of the panel who were never invited to anything (a country no study targets). */
export function bystanders(t: TestApp, w: FeedbackWorld, country: string, n = 1): Promise<Panellist[]> {
  return joinMany(
    t,
    w.campaign,
    Array.from({ length: n }, (_, i): PanellistSpec => ({ country, displayName: `Bystander ${country} ${i}` })),
  );
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
