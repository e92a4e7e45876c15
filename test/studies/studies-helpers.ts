import { randomBytes } from 'node:crypto';
import type { ReceivedMail } from '../support/smtp';
import {
  API,
  bearer,
  createCampaign,
  createPanelTestApp,
  joinPanel,
  LOW_ANSWERS,
  TOP_ANSWERS,
  type Campaign,
  type Panellist,
  type TestApp,
} from '../panel/panel-helpers';

export {
  API,
  bearer,
  errorFields,
  expectProblem,
  UUID,
  type Campaign,
  type Panellist,
  type TestApp,
  type TestUser,
} from '../panel/panel-helpers';

/** The studies test app: the panel's (own database and queue prefix per file, PUBLIC_BASE_URL set). */
export function createStudiesTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  return createPanelTestApp(env);
}

/** Screener answers for each tier: all 7 → lead_user (100), all 5 → emerging (66.7), low → mainstream (16.7). */
export const ANSWERS = {
  lead_user: TOP_ANSWERS,
  emerging: { trend1: 5, trend2: 3, benefit: 5, own: 5, usage: 'daily' },
  mainstream: LOW_ANSWERS,
} as const;
export type TierName = keyof typeof ANSWERS;

export interface PanellistSpec {
  country?: string;
  birthYear?: number;
  gender?: string;
  tier?: TierName;
  locale?: 'en' | 'fr';
  displayName?: string;
}

/** For a beforeAll that joins panellists: argon2 is slow on a busy machine (the default is 60 s). */
export const JOIN_TIMEOUT_MS = 180_000;

/**
 * Panellists joined in parallel batches (argon2 makes each join slow-ish), in the order of
 * `specs`. The campaign accepts every score (acceptScore 0), so all of them end up active.
 */
export async function joinMany(t: TestApp, campaign: Campaign, specs: PanellistSpec[], batch = 8): Promise<Panellist[]> {
  const out: Panellist[] = [];
  for (let i = 0; i < specs.length; i += batch) {
    const joined = await Promise.all(
      specs.slice(i, i + batch).map((s, j) =>
        joinPanel(t, campaign.slug, {
          country: s.country ?? 'FR',
          birthYear: s.birthYear ?? 1990,
          gender: s.gender ?? 'female',
          locale: s.locale ?? 'en',
          displayName: s.displayName ?? `Panellist ${i + j}`,
          answers: ANSWERS[s.tier ?? 'lead_user'],
        }),
      ),
    );
    out.push(...joined);
  }
  return out;
}

/** A campaign that takes everyone (acceptScore 0): every confirmed applicant is active. */
export function openCampaign(t: TestApp, token: string): Promise<Campaign> {
  return createCampaign(t, token, { acceptScore: 0 });
}

export async function createBrand(t: TestApp, label = 'brand'): Promise<{ id: string; slug: string }> {
  const admin = await t.staff('admin');
  const slug = `${label}-${randomBytes(5).toString('hex')}`;
  const res = await t
    .http()
    .post(`${API}/brands`)
    .set(...bearer(admin.token))
    .send({ name: `Brand ${slug}`, slug });
  if (res.status !== 201) throw new Error(`POST /brands: ${res.status} ${res.text}`);
  return res.body as { id: string; slug: string };
}

export interface StudyBody {
  brandId: string;
  title: string;
  theme: string;
  brief: string;
  targetSize: number;
  incentivePoints: number;
  postPoints?: number;
  criteria: Record<string, unknown>;
  quotas: Array<{ dimension: string; value: string; target: number }>;
}

export function studyBody(brandId: string, overrides: Partial<StudyBody> = {}): StudyBody {
  return {
    brandId,
    title: 'Cooking without a kitchen',
    theme: 'compact cooking',
    brief: 'How people who live in small flats cook.',
    targetSize: 20,
    incentivePoints: 50,
    criteria: {},
    quotas: [],
    ...overrides,
  };
}

export interface Study extends StudyBody {
  id: string;
  status: string;
  createdAt: string;
  updatedAt: string;
}

export async function createStudy(t: TestApp, token: string, body: StudyBody): Promise<Study> {
  const res = await t
    .http()
    .post(`${API}/studies`)
    .set(...bearer(token))
    .send(body);
  if (res.status !== 201) throw new Error(`POST /studies: ${res.status} ${res.text}`);
  return res.body as Study;
}

export async function moveTo(t: TestApp, token: string, studyId: string, ...path: string[]): Promise<void> {
  for (const to of path) {
    const res = await t
      .http()
      .post(`${API}/studies/${studyId}/transitions`)
      .set(...bearer(token))
      .send({ to });
    if (res.status !== 200) throw new Error(`transition to ${to}: ${res.status} ${res.text}`);
  }
}

/** A study moved to recruiting, ready for waves. */
export async function recruitingStudy(t: TestApp, token: string, body: StudyBody): Promise<Study> {
  const study = await createStudy(t, token, body);
  await moveTo(t, token, study.id, 'recruiting');
  return { ...study, status: 'recruiting' };
}

export interface WaveResult {
  waveId: string;
  invited: number;
  seed: string;
  cells: Array<{ dimension: string; value: string; target: number; enrolled: number; invited: number }>;
}

export function postWave(t: TestApp, token: string, studyId: string, body: Record<string, unknown>) {
  return t
    .http()
    .post(`${API}/studies/${studyId}/waves`)
    .set(...bearer(token))
    .send(body);
}

export async function wave(t: TestApp, token: string, studyId: string, body: Record<string, unknown>): Promise<WaveResult> {
  const res = await postWave(t, token, studyId, body);
  if (res.status !== 201) throw new Error(`POST waves: ${res.status} ${res.text}`);
  return res.body as WaveResult;
}

export interface InvitationItem {
  id: string;
  studyId: string;
  waveId: string;
  panellistId: string;
  status: string;
  cells: string[];
  expiresAt: string;
  respondedAt: string | null;
  createdAt: string;
}

/** Every invitation of a study (all pages), optionally of one status. */
export async function allInvitations(t: TestApp, token: string, studyId: string, status?: string): Promise<InvitationItem[]> {
  const out: InvitationItem[] = [];
  let cursor: string | null = null;
  do {
    const q = new URLSearchParams({ limit: '100' });
    if (status) q.set('status', status);
    if (cursor) q.set('cursor', cursor);
    const res = await t
      .http()
      .get(`${API}/studies/${studyId}/invitations?${q.toString()}`)
      .set(...bearer(token));
    if (res.status !== 200) throw new Error(`GET invitations: ${res.status} ${res.text}`);
    out.push(...(res.body.items as InvitationItem[]));
    cursor = res.body.nextCursor as string | null;
  } while (cursor);
  return out;
}

export interface MyInvitation {
  id: string;
  studyId: string;
  studyTitle: string;
  theme: string;
  brief: string;
  status: string;
  expiresAt: string;
  createdAt: string;
}

/** The panellist's invitation to a study (from GET /me/invitations). */
export async function myInvitationTo(t: TestApp, p: Panellist, studyId: string): Promise<MyInvitation | undefined> {
  const res = await t
    .http()
    .get(`${API}/me/invitations?limit=100`)
    .set(...bearer(p.token));
  if (res.status !== 200) throw new Error(`GET /me/invitations: ${res.status} ${res.text}`);
  return (res.body.items as MyInvitation[]).find((i) => i.studyId === studyId);
}

export function accept(t: TestApp, p: Panellist, invitationId: string) {
  return t
    .http()
    .post(`${API}/me/invitations/${invitationId}/accept`)
    .set(...bearer(p.token));
}

export function decline(t: TestApp, p: Panellist, invitationId: string) {
  return t
    .http()
    .post(`${API}/me/invitations/${invitationId}/decline`)
    .set(...bearer(p.token));
}

/** Waits for a mail to `address` whose subject matches, and returns it. */
export async function mailTo(t: TestApp, address: string, subject: string | RegExp, timeoutMs = 15_000): Promise<ReceivedMail> {
  const deadline = Date.now() + timeoutMs;
  const matches = (m: ReceivedMail) => (typeof subject === 'string' ? m.subject === subject : subject.test(m.subject));
  for (;;) {
    const mail = t.smtp.to(address).find(matches);
    if (mail) return mail;
    if (Date.now() > deadline) {
      throw new Error(
        `no mail "${String(subject)}" to ${address} within ${timeoutMs} ms; got ${JSON.stringify(t.smtp.to(address).map((m) => m.subject))}`,
      );
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}
