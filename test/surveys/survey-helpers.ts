import type { Question } from '@leadpanel/surveys';
import { dataSource } from '../panel/panel-helpers';
import { API, bearer, createStudiesTestApp, type Panellist, type TestApp } from '../studies/studies-helpers';

export {
  API,
  bearer,
  createBrand,
  errorFields,
  expectProblem,
  mailTo,
  openCampaign,
  UUID,
  type Campaign,
  type Panellist,
  type Study,
  type TestApp,
  type TestUser,
} from '../studies/studies-helpers';
export { dataSource } from '../panel/panel-helpers';

export const MISSING = '00000000-0000-4000-8000-000000000000';
export const HOUR = 3_600_000;

/** The surveys test app: the studies' (own database and queue prefix per file, PUBLIC_BASE_URL set). */
export function createSurveysTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  return createStudiesTestApp(env);
}

/**
 * A beta feedback survey with every question type: `features` is shown only to those who
 * used the product, `why_not` only to those who did not.
 */
export const FEEDBACK_QUESTIONS: Question[] = [
  {
    id: 'used',
    type: 'single_choice',
    prompt: 'Did you use the kettle this week?',
    required: true,
    options: [
      { value: 'yes', label: 'Yes' },
      { value: 'no', label: 'No' },
    ],
  },
  {
    id: 'features',
    type: 'multi_choice',
    prompt: 'Which features did you use?',
    required: true,
    options: [
      { value: 'timer', label: 'Timer' },
      { value: 'keep_warm', label: 'Keep warm' },
      { value: 'app', label: 'Phone app' },
    ],
    showIf: { questionId: 'used', equals: 'yes' },
  },
  { id: 'ease', type: 'likert', scale: 5, prompt: 'The kettle was easy to use', required: true },
  { id: 'stars', type: 'rating', prompt: 'How do you rate it, from 0 to 10?' },
  { id: 'recommend', type: 'nps', prompt: 'How likely are you to recommend it to a friend?', required: true },
  { id: 'sus', type: 'sus', prompt: 'System Usability Scale' },
  { id: 'cups', type: 'number', prompt: 'Cups a day', min: 0, max: 50 },
  {
    id: 'why_not',
    type: 'text',
    prompt: 'Why not?',
    required: true,
    maxLength: 200,
    showIf: { questionId: 'used', equals: 'no' },
  },
  { id: 'comment', type: 'text', prompt: 'Anything else?', maxLength: 40 },
];

/** A complete, valid submission for FEEDBACK_QUESTIONS. */
export const FULL_ANSWERS = {
  used: 'yes',
  features: ['timer', 'app'],
  ease: 4,
  stars: 8,
  recommend: 9,
  sus: [4, 2, 5, 1, 4, 2, 5, 1, 4, 2],
  cups: 3,
  comment: 'Boils fast',
};

export interface SurveyBody {
  studyId?: string | null;
  kind?: string;
  title?: string;
  points?: number | null;
  questions?: Question[];
}

export interface Survey {
  id: string;
  studyId: string | null;
  kind: string;
  title: string;
  points: number | null;
  status: 'draft' | 'published';
  questions: Question[];
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
}

export function postSurvey(t: TestApp, token: string, body: Record<string, unknown>) {
  return t
    .http()
    .post(`${API}/surveys`)
    .set(...bearer(token))
    .send(body);
}

/** A survey (published unless `publish: false`), by default the beta feedback survey of a study. */
export async function createStudySurvey(
  t: TestApp,
  token: string,
  body: SurveyBody = {},
  opts: { publish?: boolean } = {},
): Promise<Survey> {
  const res = await postSurvey(t, token, { kind: 'beta', title: 'Kettle week one', questions: FEEDBACK_QUESTIONS, ...body });
  if (res.status !== 201) throw new Error(`POST /surveys: ${res.status} ${res.text}`);
  if (opts.publish === false) return res.body as Survey;
  const published = await t
    .http()
    .post(`${API}/surveys/${res.body.id as string}/publish`)
    .set(...bearer(token));
  if (published.status !== 200) throw new Error(`publish: ${published.status} ${published.text}`);
  return published.body as Survey;
}

export function postAssignments(t: TestApp, token: string, surveyId: string, body: Record<string, unknown>) {
  return t
    .http()
    .post(`${API}/surveys/${surveyId}/assignments`)
    .set(...bearer(token))
    .send(body);
}

/** Days from now, as the ISO string a client sends. */
export function inDays(days: number): string {
  return new Date(Date.now() + days * 24 * HOUR).toISOString();
}

export async function assignAll(t: TestApp, token: string, surveyId: string, dueAt = inDays(7)): Promise<number> {
  const res = await postAssignments(t, token, surveyId, { audience: 'all_participants', dueAt });
  if (res.status !== 201) throw new Error(`POST assignments: ${res.status} ${res.text}`);
  return res.body.assigned as number;
}

export interface MyAssignment {
  id: string;
  surveyId: string;
  studyId: string;
  title: string;
  kind: string;
  dueAt: string;
  status: 'assigned' | 'submitted';
  submittedAt: string | null;
  pointsCredited: number | null;
}

/** The panellist's assignment of a survey (from GET /me/assignments), or undefined. */
export async function myAssignmentOf(t: TestApp, p: Panellist, surveyId: string): Promise<MyAssignment | undefined> {
  const res = await t
    .http()
    .get(`${API}/me/assignments?limit=100`)
    .set(...bearer(p.token));
  if (res.status !== 200) throw new Error(`GET /me/assignments: ${res.status} ${res.text}`);
  return (res.body.items as MyAssignment[]).find((a) => a.surveyId === surveyId);
}

export async function mustMyAssignment(t: TestApp, p: Panellist, surveyId: string): Promise<MyAssignment> {
  const a = await myAssignmentOf(t, p, surveyId);
  if (!a) throw new Error(`${p.email} has no assignment of survey ${surveyId}`);
  return a;
}

export function getAssignment(t: TestApp, p: Panellist, id: string) {
  return t
    .http()
    .get(`${API}/me/assignments/${id}`)
    .set(...bearer(p.token));
}

export function saveAnswers(t: TestApp, p: Panellist, id: string, answers: unknown) {
  return t
    .http()
    .put(`${API}/me/assignments/${id}/answers`)
    .set(...bearer(p.token))
    .send({ answers });
}

export function submit(t: TestApp, p: Panellist, id: string, opts: { key?: string; answers?: unknown } = {}) {
  const req = t
    .http()
    .post(`${API}/me/assignments/${id}/submit`)
    .set(...bearer(p.token));
  if (opts.key !== undefined) void req.set('Idempotency-Key', opts.key);
  return req.send(opts.answers === undefined ? {} : { answers: opts.answers });
}

export async function pointsOf(t: TestApp, p: Panellist): Promise<{ balance: number; entries: Array<{ delta: number; reason: string }> }> {
  const res = await t
    .http()
    .get(`${API}/me/points`)
    .set(...bearer(p.token));
  if (res.status !== 200) throw new Error(`GET /me/points: ${res.status} ${res.text}`);
  return res.body as { balance: number; entries: Array<{ delta: number; reason: string }> };
}

export interface OutboxRow {
  topic: string;
  payload: Record<string, unknown>;
  status: string;
  availableAt: Date;
  dedupeKey: string;
  subjectId: string | null;
}

/** The outbox rows with these dedupe keys, read through the app's DataSource. */
export async function outboxRows(t: TestApp, keys: string[]): Promise<OutboxRow[]> {
  const rows = (await dataSource(t).query(
    `SELECT topic, payload, status, available_at AS "availableAt", dedupe_key AS "dedupeKey", subject_id AS "subjectId"
       FROM outbox_messages WHERE dedupe_key = ANY($1::text[]) ORDER BY dedupe_key`,
    [keys],
  )) as Array<Omit<OutboxRow, 'availableAt'> & { availableAt: Date | string }>;
  return rows.map((r) => ({ ...r, availableAt: new Date(r.availableAt) }));
}

export function reminderKeys(assignmentId: string): [string, string] {
  return [`survey-reminder:${assignmentId}:1`, `survey-reminder:${assignmentId}:2`];
}
