import type { Response, Test } from 'supertest';
import { Clock } from '@leadpanel/platform';
import { API, bearer, createFeedbackTestApp, dataSource, type Panellist, type TestApp, type TestUser } from '../feedback/feedback-helpers';
import type { StudyWorld } from '../support/world';

export {
  API,
  auditRows,
  bearer,
  closeStudy,
  createBrand,
  dataSource,
  errorFields,
  expectProblem,
  MISSING,
  SETUP_TIMEOUT,
  UUID,
  type Panellist,
  type Study,
  type TestApp,
  type TestUser,
} from '../feedback/feedback-helpers';
export { mailTo } from '../studies/studies-helpers';

/** The discussions test app: the feedback one (own database and queue prefix per file, PUBLIC_BASE_URL set). */
export function createDiscussionsTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  return createFeedbackTestApp(env);
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** An ISO time `offsetMs` from now. */
export function fromNow(offsetMs: number): string {
  return new Date(Date.now() + offsetMs).toISOString();
}

export interface Round {
  id: string;
  studyId: string;
  title: string;
  prompt: string;
  mode: 'open' | 'post_first';
  opensAt: string;
  closesAt: string;
  state: 'scheduled' | 'open' | 'closed';
  hasPosted?: boolean;
  createdAt: string;
}

export interface PostAuthor {
  role: 'panellist' | 'researcher';
  pseudonym?: string;
  panellistId?: string;
  userId?: string;
}

export interface Post {
  id: string;
  roundId: string;
  parentId: string | null;
  kind: 'comment' | 'idea';
  body: string;
  author: PostAuthor;
  mine: boolean;
  likes: number;
  likedByMe: boolean;
  replyCount: number;
  pinned: boolean;
  hidden?: boolean;
  ideaStatus?: 'new' | 'under_review' | 'selected' | 'declined';
  codes?: Array<{ id: string; name: string }>;
  createdAt: string;
  editedAt: string | null;
}

export interface Code {
  id: string;
  studyId: string;
  name: string;
  description: string | null;
  count: number;
  hiddenCount: number;
  createdAt: string;
}

/** A valid round body, open from a minute ago for a week; override any field (undefined removes it). */
export function roundBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const body: Record<string, unknown> = {
    title: 'Your first coffee',
    prompt: 'Tell us how you make your first coffee of the day, and what annoys you about it.',
    opensAt: fromNow(-MINUTE),
    closesAt: fromNow(7 * DAY),
    mode: 'open',
    ...overrides,
  };
  for (const [k, v] of Object.entries(body)) if (v === undefined) delete body[k];
  return body;
}

function withToken(req: Test, token: string | null): Test {
  return token ? req.set(...bearer(token)) : req;
}

export function postRound(t: TestApp, token: string | null, studyId: string, body: unknown) {
  return withToken(t.http().post(`${API}/studies/${studyId}/rounds`), token).send(body as object);
}

/** Creates a round (201) and returns it. */
export async function createRound(
  t: TestApp,
  researcher: TestUser,
  studyId: string,
  overrides: Record<string, unknown> = {},
): Promise<Round> {
  const res = await postRound(t, researcher.token, studyId, roundBody(overrides));
  if (res.status !== 201) throw new Error(`POST rounds: ${res.status} ${res.text}`);
  return res.body as Round;
}

export function listRounds(t: TestApp, token: string | null, studyId: string, query = '') {
  return withToken(t.http().get(`${API}/studies/${studyId}/rounds${query ? `?${query}` : ''}`), token);
}

export function getRound(t: TestApp, token: string | null, roundId: string) {
  return withToken(t.http().get(`${API}/rounds/${roundId}`), token);
}

export function writePost(t: TestApp, token: string | null, roundId: string, body: unknown) {
  return withToken(t.http().post(`${API}/rounds/${roundId}/posts`), token).send(body as object);
}

/** Writes a post (201) and returns it. */
export async function mustPost(t: TestApp, who: { token: string }, roundId: string, body: Record<string, unknown>): Promise<Post> {
  const res = await writePost(t, who.token, roundId, body);
  if (res.status !== 201) throw new Error(`POST posts: ${res.status} ${res.text}`);
  return res.body as Post;
}

export function listPosts(t: TestApp, token: string | null, roundId: string, query = '') {
  return withToken(t.http().get(`${API}/rounds/${roundId}/posts${query ? `?${query}` : ''}`), token);
}

/** Every top-level post of a round (all pages) as this reader sees them. */
export async function allPosts(t: TestApp, token: string, roundId: string, filters: Record<string, string> = {}): Promise<Post[]> {
  const out: Post[] = [];
  let cursor: string | null = null;
  do {
    const q = new URLSearchParams({ limit: '100', ...filters });
    if (cursor) q.set('cursor', cursor);
    const res: Response = await listPosts(t, token, roundId, q.toString());
    if (res.status !== 200) throw new Error(`GET posts: ${res.status} ${res.text}`);
    out.push(...(res.body.items as Post[]));
    cursor = res.body.nextCursor as string | null;
  } while (cursor);
  return out;
}

export function getPost(t: TestApp, token: string | null, postId: string) {
  return withToken(t.http().get(`${API}/posts/${postId}`), token);
}

export function listReplies(t: TestApp, token: string | null, postId: string, query = '') {
  return withToken(t.http().get(`${API}/posts/${postId}/replies${query ? `?${query}` : ''}`), token);
}

export function editPost(t: TestApp, token: string | null, postId: string, body: unknown) {
  return withToken(t.http().patch(`${API}/posts/${postId}`), token).send(body as object);
}

export function like(t: TestApp, token: string | null, postId: string) {
  return withToken(t.http().post(`${API}/posts/${postId}/like`), token);
}

export function unlike(t: TestApp, token: string | null, postId: string) {
  return withToken(t.http().delete(`${API}/posts/${postId}/like`), token);
}

export function moderate(t: TestApp, token: string | null, postId: string, body: unknown) {
  return withToken(t.http().patch(`${API}/posts/${postId}/moderation`), token).send(body as object);
}

export function setCodes(t: TestApp, token: string | null, postId: string, codeIds: unknown) {
  return withToken(t.http().put(`${API}/posts/${postId}/codes`), token).send({ codeIds });
}

export function postCode(t: TestApp, token: string | null, studyId: string, body: unknown) {
  return withToken(t.http().post(`${API}/studies/${studyId}/codes`), token).send(body as object);
}

/** Adds a code to the study's code book (201) and returns it. */
export async function createCode(t: TestApp, researcher: TestUser, studyId: string, name: string, description?: string): Promise<Code> {
  const res = await postCode(t, researcher.token, studyId, description === undefined ? { name } : { name, description });
  if (res.status !== 201) throw new Error(`POST codes: ${res.status} ${res.text}`);
  return res.body as Code;
}

export function listCodes(t: TestApp, token: string | null, studyId: string, query = '') {
  return withToken(t.http().get(`${API}/studies/${studyId}/codes${query ? `?${query}` : ''}`), token);
}

/** Sets the study's post points (PATCH /studies/:id). */
export async function setPostPoints(t: TestApp, w: StudyWorld, studyId: string, postPoints: number): Promise<void> {
  const res = await t
    .http()
    .patch(`${API}/studies/${studyId}`)
    .set(...bearer(w.researcher.token))
    .send({ postPoints });
  if (res.status !== 200) throw new Error(`PATCH study: ${res.status} ${res.text}`);
}

export async function pointsOf(
  t: TestApp,
  p: Panellist,
): Promise<{ balance: number; entries: Array<{ delta: number; reason: string; note: string | null }> }> {
  const res = await t
    .http()
    .get(`${API}/me/points`)
    .set(...bearer(p.token));
  if (res.status !== 200) throw new Error(`GET /me/points: ${res.status} ${res.text}`);
  return res.body as { balance: number; entries: Array<{ delta: number; reason: string; note: string | null }> };
}

/** Runs `fn` with the application's clock reading `at` (the window and edit rules read it; the database keeps its own time). */
export async function at<T>(t: TestApp, when: Date | string, fn: () => Promise<T>): Promise<T> {
  const spy = jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(when));
  try {
    return await fn();
  } finally {
    spy.mockRestore();
  }
}

/**
 * Makes a delayed outbox message due now (a reminder scheduled for tomorrow): the
 * dispatcher compares `available_at` with the database's clock, which no test can move.
 * Answers how many pending messages it moved.
 */
export async function makeDue(t: TestApp, dedupeKey: string): Promise<number> {
  const [, moved] = (await dataSource(t).query(
    `UPDATE outbox_messages SET available_at = now() WHERE dedupe_key = $1 AND status = 'pending'`,
    [dedupeKey],
  )) as [unknown, number];
  return moved;
}

/** The outbox messages of a topic about a round (pending or not), as the database holds them. */
export async function roundJobs(t: TestApp, topic: string, roundId: string): Promise<Array<{ status: string; availableAt: Date }>> {
  return (await dataSource(t).query(
    `SELECT status, available_at AS "availableAt" FROM outbox_messages WHERE topic = $1 AND payload->>'roundId' = $2`,
    [topic, roundId],
  )) as Array<{ status: string; availableAt: Date }>;
}

/** The e-mails recorded for a user with a template (queued, sent or failed). */
export async function emailsOf(t: TestApp, userId: string, template: string): Promise<Array<{ status: string; recipient: string }>> {
  return (await dataSource(t).query(`SELECT status, recipient FROM email_messages WHERE user_id = $1 AND template = $2`, [
    userId,
    template,
  ])) as Array<{
    status: string;
    recipient: string;
  }>;
}
