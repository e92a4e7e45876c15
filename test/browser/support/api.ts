import { randomBytes } from 'node:crypto';
import { ADMIN, baseUrl } from './env';
import { linkIn, mailTo } from './mail';

/**
 * The staff side of a browser journey, through the HTTP API of the run's API process only
 * (docs/http-contract.md; bodies as in the Jest e2e helpers of test/panel, test/studies,
 * test/discussions, test/surveys and test/home-testing). Bearer tokens, no browser.
 */

export const PASSWORD = 'panellist-password-2026';
const DAY = 86_400_000;

/** Subjects of the e-mails the journeys wait for, in both languages (the templates under libs/<context>/src/templates). */
export const CONFIRM_SUBJECT = /^(Confirm your e-mail|Confirmez votre e-mail)/;
export const INVITATION_SUBJECT = /^(You are invited|Invitation) ?: /;
export const ROUND_OPENED_SUBJECT = /^(A discussion is open|Une discussion est ouverte)/;
export const SURVEY_SUBJECT = /^(A survey is waiting for you|Un questionnaire vous attend)/;
export const SHIPMENT_SUBJECT = /^(Your .+ sample is on its way|Votre échantillon .+ est en route)/;
export const RESET_SUBJECT = /^(Reset your Leadpanel password|Réinitialisez votre mot de passe Leadpanel)/;

export class ApiError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`${method} ${path}: ${status} ${JSON.stringify(body)}`);
  }
}

/** One call to /api/v1; throws an ApiError unless the status is `expect` (default: any 2xx). */
export async function call<T = unknown>(
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; expect?: number; headers?: Record<string, string> } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${baseUrl()}/api/v1${path}`, {
    method,
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  const ok = opts.expect === undefined ? res.status >= 200 && res.status < 300 : res.status === opts.expect;
  if (!ok) throw new ApiError(method, path, res.status, body);
  return body as T;
}

/** A readable address no other test (or run) uses. */
export function uniqueEmail(label = 'panellist'): string {
  return `${label}-${randomBytes(5).toString('hex')}@browser.leadpanel.test`;
}

export function uniqueSlug(label = 'camp'): string {
  return `${label}-${randomBytes(5).toString('hex')}`;
}

export async function login(email: string, password: string): Promise<string> {
  const res = await call<{ accessToken: string }>('POST', '/auth/login', { body: { email, password }, expect: 200 });
  return res.accessToken;
}

export interface Campaign {
  id: string;
  slug: string;
  title: string;
  screenerSurveyId: string;
  acceptScore: number;
}

export interface Study {
  id: string;
  title: string;
  status: string;
  criteria: { countries?: string[] };
}

export interface Panellist {
  id: string;
  email: string;
  password: string;
  displayName: string;
  country: string;
  token: string;
}

export interface Round {
  id: string;
  studyId: string;
  title: string;
  mode: string;
  state: string;
}

export interface Post {
  id: string;
  body: string;
}

export interface Survey {
  id: string;
  studyId: string | null;
  status: string;
  questions: Array<{ id: string; showIf?: { questionId: string; equals: unknown } }>;
}

export interface Product {
  id: string;
  sku: string;
  name: string;
  ndaRequired: boolean;
  ndaVersion: string | null;
  ndaTerms: string | null;
}

export interface Shipment {
  id: string;
  panellistId: string;
  status: string;
  readyToShip: boolean;
  trackingNumber: string | null;
  carrier: string | null;
}

/** The screener of the journey's campaign: lead-user items (all required), one choice, one optional number. */
export const SCREENER_QUESTIONS = [
  {
    id: 'trend',
    type: 'likert',
    scale: 7,
    prompt: 'I usually try new products before others do',
    required: true,
    dimension: 'ahead_of_trend',
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
export const SCREENER_ANSWERS = { trend: 7, benefit: 7, own: 7, usage: 'daily' };

/** The study survey with a showIf: `features` shows only when `used` is "yes", `why_not` only when "no". */
export const SHOW_IF_QUESTIONS = [
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
    ],
    showIf: { questionId: 'used', equals: 'yes' },
  },
  { id: 'why_not', type: 'text', prompt: 'Why not?', required: true, maxLength: 200, showIf: { questionId: 'used', equals: 'no' } },
  { id: 'ease', type: 'likert', scale: 5, prompt: 'The kettle was easy to use', required: true },
  { id: 'comment', type: 'text', prompt: 'Anything else?', maxLength: 200 },
];

export interface ApplicantSpec {
  email?: string;
  displayName?: string;
  country?: string;
  locale?: 'fr' | 'en';
  birthYear?: number;
  gender?: string;
}

/** The body of POST /public/recruitment/:slug/applications for `spec`, with answers that pass any acceptScore. */
export function applicationBody(spec: ApplicantSpec = {}): Record<string, unknown> {
  return {
    email: spec.email ?? uniqueEmail(),
    password: PASSWORD,
    displayName: spec.displayName ?? 'Camille Testeuse',
    country: spec.country ?? 'FR',
    locale: spec.locale ?? 'fr',
    birthYear: spec.birthYear ?? 1988,
    gender: spec.gender ?? 'female',
    consents: { termsVersion: '2026-01', research: true, productTesting: true },
    answers: SCREENER_ANSWERS,
  };
}

/**
 * Applies through the API, confirms with the link of the confirmation e-mail (the link's
 * token posted to /public/confirm-email, as the /confirm page does) and logs in.
 */
export async function joinPanel(campaign: Campaign, spec: ApplicantSpec = {}): Promise<Panellist> {
  const body = applicationBody(spec);
  const email = String(body.email).toLowerCase();
  const applied = await call<{ panellistId?: string; status: string }>('POST', `/public/recruitment/${campaign.slug}/applications`, {
    body,
    expect: 201,
  });
  const mail = await mailTo(email, CONFIRM_SUBJECT, { timeoutMs: 30_000 });
  const token = new URL(linkIn(mail, '/confirm')).searchParams.get('token');
  if (!token) throw new Error(`the confirmation link of ${email} has no token`);
  await call('POST', '/public/confirm-email', { body: { token }, expect: 200 });
  const accessToken = await login(email, PASSWORD);
  const me = await call<{ panellistId?: string }>('GET', '/auth/me', { token: accessToken });
  const id = applied.panellistId ?? me.panellistId;
  if (!id) throw new Error(`no panellist id for ${email}`);
  return { id, email, password: PASSWORD, displayName: String(body.displayName), country: String(body.country), token: accessToken };
}

/**
 * The campaign with this slug: made once per run (the database is fresh each run), found by
 * its public page afterwards, e.g. by the same spec in the second language's project. A fixed
 * slug keeps the pages that show it (and their screenshots) the same from run to run.
 */
export async function campaignWithSlug(slug: string, title: string): Promise<{ slug: string; title: string }> {
  const res = await fetch(`${baseUrl()}/api/v1/public/recruitment/${slug}`, { headers: { accept: 'application/json' } });
  if (res.status === 200) return { slug, title: ((await res.json()) as { title: string }).title };
  if (res.status !== 404) throw new ApiError('GET', `/public/recruitment/${slug}`, res.status, await res.text());
  const staff = await StaffApi.setUp();
  return staff.createScreenerCampaign({ slug, title });
}

/** The panellist's invitation to a study (GET /me/invitations), accepted. */
export async function acceptInvitation(p: Panellist, studyId: string): Promise<string> {
  const page = await call<{ items: Array<{ id: string; studyId: string }> }>('GET', '/me/invitations?limit=100', { token: p.token });
  const inv = page.items.find((i) => i.studyId === studyId);
  if (!inv) throw new Error(`${p.email} has no invitation to ${studyId}`);
  const res = await call<{ status: string }>('POST', `/me/invitations/${inv.id}/accept`, { token: p.token, expect: 200 });
  if (res.status !== 'accepted') throw new Error(`${p.email} accepting ${studyId}: ${res.status}`);
  return inv.id;
}

export async function putAddress(p: Panellist, address: Record<string, string> = {}): Promise<void> {
  await call('PUT', '/me/address', {
    token: p.token,
    body: { line1: '12 rue des Testeurs', postalCode: '75011', city: 'Paris', country: p.country, ...address },
    expect: 200,
  });
}

/**
 * The researcher's side of a journey: `StaffApi.setUp()` logs in as the bootstrap admin,
 * creates a brand and a researcher (POST /brands, /users) and logs the researcher in; the
 * builders then act as that researcher.
 */
export class StaffApi {
  private constructor(
    readonly adminToken: string,
    readonly researcher: { id: string; email: string; password: string; token: string },
    readonly brand: { id: string; slug: string; name: string },
  ) {}

  static async setUp(): Promise<StaffApi> {
    const adminToken = await login(ADMIN.email, ADMIN.password);
    const slug = uniqueSlug('brand');
    const brand = await call<{ id: string; slug: string; name: string }>('POST', '/brands', {
      token: adminToken,
      body: { name: `Kettles ${slug}`, slug },
      expect: 201,
    });
    const email = uniqueEmail('researcher');
    const password = `researcher-${randomBytes(6).toString('hex')}`;
    const user = await call<{ id: string }>('POST', '/users', {
      token: adminToken,
      body: { email, password, role: 'researcher' },
      expect: 201,
    });
    const token = await login(email, password);
    return new StaffApi(adminToken, { id: user.id, email, password, token }, brand);
  }

  private as<T>(method: string, path: string, body?: unknown, expect?: number): Promise<T> {
    return call<T>(method, path, { token: this.researcher.token, body, expect });
  }

  /** A published screener and a campaign over it that accepts every score (acceptScore 0). */
  async createScreenerCampaign(opts: { title?: string; acceptScore?: number; slug?: string } = {}): Promise<Campaign> {
    const survey = await this.as<{ id: string }>(
      'POST',
      '/surveys',
      { kind: 'screener', title: 'Kitchen hackers screener', questions: SCREENER_QUESTIONS },
      201,
    );
    await this.as('POST', `/surveys/${survey.id}/publish`, undefined, 200);
    return this.as<Campaign>(
      'POST',
      '/recruitment-campaigns',
      {
        slug: opts.slug ?? uniqueSlug('camp'),
        title: opts.title ?? 'Home cooks who hack their kitchen',
        description: 'We look for people who improve their own kitchen tools.',
        screenerSurveyId: survey.id,
        acceptScore: opts.acceptScore ?? 0,
      },
      201,
    );
  }

  /**
   * A study of the brand whose criteria a panellist of `country` matches (give each journey a
   * country of its own, so that no other test's wave reaches its panellists), moved to recruiting.
   */
  async createStudyFor(country: string, opts: { title?: string } = {}): Promise<Study> {
    const study = await this.as<Study>(
      'POST',
      '/studies',
      {
        brandId: this.brand.id,
        title: opts.title ?? 'Kettle beta',
        theme: 'smart kettles',
        brief: 'A week with a kettle that knows when you wake up.',
        targetSize: 20,
        incentivePoints: 50,
        criteria: { countries: [country] },
        quotas: [],
      },
      201,
    );
    await this.as('POST', `/studies/${study.id}/transitions`, { to: 'recruiting' }, 200);
    return { ...study, status: 'recruiting' };
  }

  /** A wave inviting every eligible panellist not invited yet (up to 50); the invitation e-mails follow. */
  async sendWave(studyId: string, size = 50): Promise<{ waveId: string; invited: number }> {
    return this.as('POST', `/studies/${studyId}/waves`, { size, expiresInDays: 7 }, 201);
  }

  /**
   * A post-first round, open from a minute ago for five days, with a top-level post by each of
   * two OTHER participants: panellists of the study's country who join through the API (apply,
   * confirm from the e-mail), are invited by a wave of their own and accept. Send the journey
   * panellist's wave before this one, or this wave invites them too.
   */
  async openPostFirstRound(studyId: string, campaign: Campaign): Promise<{ round: Round; others: Panellist[]; posts: Post[] }> {
    const study = await this.as<Study>('GET', `/studies/${studyId}`, undefined, 200);
    const country = study.criteria.countries?.[0] ?? 'FR';
    const others: Panellist[] = [];
    for (const displayName of ['Léa Autre', 'Hugo Autre']) others.push(await joinPanel(campaign, { country, displayName }));
    await this.sendWave(studyId);
    for (const p of others) await acceptInvitation(p, studyId);
    const round = await this.as<Round>(
      'POST',
      `/studies/${studyId}/rounds`,
      {
        title: 'Your first coffee',
        prompt: 'Tell us how you make your first hot drink of the day, and what annoys you about it.',
        opensAt: new Date(Date.now() - 60_000).toISOString(),
        closesAt: new Date(Date.now() + 5 * DAY).toISOString(),
        mode: 'post_first',
      },
      201,
    );
    const posts: Post[] = [];
    const bodies = ['I boil water in a saucepan: the kettle is too slow.', 'I wish the kettle started itself when my alarm rings.'];
    for (const [i, p] of others.entries()) {
      posts.push(await call<Post>('POST', `/rounds/${round.id}/posts`, { token: p.token, body: { body: bodies[i] }, expect: 201 }));
    }
    return { round, others, posts };
  }

  /** A published survey of the study with showIf rules (SHOW_IF_QUESTIONS), 30 points. */
  async publishSurveyWithShowIf(studyId: string): Promise<Survey> {
    const survey = await this.as<Survey>(
      'POST',
      '/surveys',
      { studyId, kind: 'beta', title: 'Kettle week one', points: 30, questions: SHOW_IF_QUESTIONS },
      201,
    );
    return this.as<Survey>('POST', `/surveys/${survey.id}/publish`, undefined, 200);
  }

  /** Assigns the survey to every participant of its study, due in a week. */
  async assignToAll(surveyId: string): Promise<{ assigned: number }> {
    return this.as(
      'POST',
      `/surveys/${surveyId}/assignments`,
      { audience: 'all_participants', dueAt: new Date(Date.now() + 7 * DAY).toISOString() },
      201,
    );
  }

  /** A published usage survey of the study (a likert and an NPS question), assigned to every participant. */
  async publishUsageSurvey(studyId: string): Promise<Survey> {
    const survey = await this.as<Survey>(
      'POST',
      '/surveys',
      {
        studyId,
        kind: 'usage',
        title: 'Kettle usage',
        questions: [
          { id: 'ease', type: 'likert', scale: 5, prompt: 'The kettle was easy to use', required: true },
          { id: 'recommend', type: 'nps', prompt: 'How likely are you to recommend the kettle?', required: true },
        ],
      },
      201,
    );
    await this.as('POST', `/surveys/${survey.id}/publish`, undefined, 200);
    await this.assignToAll(survey.id);
    return survey;
  }

  /** Generates a report of the study, waits until it is ready (or fails the test), publishes it to the brand. */
  async generateAndPublishReport(studyId: string, timeoutMs = 30_000): Promise<{ id: string; version: number }> {
    const queued = await this.as<{ id: string; version: number }>('POST', `/studies/${studyId}/reports`, undefined, 202);
    const until = Date.now() + timeoutMs;
    for (;;) {
      const r = await this.as<{ status: string; error?: string | null }>('GET', `/reports/${queued.id}`);
      if (r.status === 'ready') break;
      if (r.status === 'failed') throw new Error(`report ${queued.id} failed: ${r.error ?? ''}`);
      if (Date.now() > until) throw new Error(`report ${queued.id} still ${r.status} after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await this.as('POST', `/reports/${queued.id}/publish`, undefined, 200);
    return queued;
  }

  /** A brand user of this brand, created by the admin, who has already changed the first password. */
  async createBrandUser(): Promise<{ email: string; password: string }> {
    const email = uniqueEmail('brand');
    const first = `brand-first-${randomBytes(6).toString('hex')}`;
    const password = `brand-${randomBytes(6).toString('hex')}`;
    await call('POST', '/users', {
      token: this.adminToken,
      body: { email, password: first, role: 'brand', brandId: this.brand.id },
      expect: 201,
    });
    const token = await login(email, first);
    await call('POST', '/auth/password', { token, body: { currentPassword: first, newPassword: password }, expect: 204 });
    return { email, password };
  }

  /** A product of the brand that needs an NDA accepted before it ships. */
  async productWithNda(): Promise<Product> {
    return this.as<Product>(
      'POST',
      '/products',
      {
        brandId: this.brand.id,
        sku: `KTL-${randomBytes(4).toString('hex').toUpperCase()}`,
        name: 'Kettle K2',
        description: 'A kettle that starts when your alarm rings.',
        unitsInStock: 10,
        requiresReturn: false,
        ndaRequired: true,
        ndaVersion: 'v1',
        ndaTerms: 'The K2 is not on sale yet: do not show it, photograph it or talk about it outside this study.',
        usageDays: 7,
      },
      201,
    );
  }

  /**
   * Allocates the product to every participant with a stored address (POST …/allocate), lets
   * `beforeShipping` act on the new shipments (an NDA product ships only once its participant
   * accepted the NDA: the journey does that in the browser, the builders' spec through the
   * API), then imports a tracking number (JSON) for each shipment ready to ship, which moves it
   * to `shipped` and sends the shipment e-mail. Returns the shipped shipments.
   */
  async allocateAndShip(
    studyId: string,
    productId: string,
    opts: { beforeShipping?: (allocated: Shipment[]) => Promise<void> } = {},
  ): Promise<Shipment[]> {
    const allocation = await this.as<{ allocated: number }>('POST', `/studies/${studyId}/shipments/allocate`, { productId }, 200);
    if (allocation.allocated < 1) throw new Error(`nothing allocated: ${JSON.stringify(allocation)}`);
    const allocated = await this.shipments(studyId, 'allocated');
    await opts.beforeShipping?.(allocated);
    const ready = (await this.shipments(studyId, 'allocated')).filter((s) => s.readyToShip);
    if (!ready.length) throw new Error(`no allocated shipment of ${studyId} is ready to ship (NDA not accepted?)`);
    const rows = ready.map((s) => ({
      shipmentId: s.id,
      carrier: 'Colissimo',
      trackingNumber: `6A${randomBytes(5).toString('hex').toUpperCase()}`,
    }));
    const imported = await this.as<{ updated: number; errors: unknown[] }>('POST', `/studies/${studyId}/shipments/tracking`, rows, 200);
    if (imported.errors.length || imported.updated !== rows.length) throw new Error(`tracking import: ${JSON.stringify(imported)}`);
    const ids = new Set(rows.map((r) => r.shipmentId));
    return (await this.shipments(studyId, 'shipped')).filter((s) => ids.has(s.id));
  }

  async shipments(studyId: string, status: string): Promise<Shipment[]> {
    const page = await this.as<{ items: Shipment[] }>('GET', `/studies/${studyId}/shipments?status=${status}&limit=100`, undefined, 200);
    return page.items;
  }
}

/** The panellist accepts the NDA of a shipment through the API (the journey does it in the browser). */
export async function acceptNda(p: Panellist, shipmentId: string, version?: string): Promise<void> {
  await call('POST', `/me/shipments/${shipmentId}/nda`, { token: p.token, body: version ? { version } : {}, expect: 200 });
}

/** The panellist submits their assignment of the survey (through the API, as the player would). */
export async function submitSurvey(p: Panellist, surveyId: string, answers: Record<string, unknown>): Promise<void> {
  const page = await call<{ items: Array<{ id: string; surveyId: string }> }>('GET', '/me/assignments', { token: p.token });
  const a = page.items.find((i) => i.surveyId === surveyId);
  if (!a) throw new Error(`${p.email} has no assignment of ${surveyId}`);
  await call('POST', `/me/assignments/${a.id}/submit`, {
    token: p.token,
    body: { answers },
    headers: { 'Idempotency-Key': randomBytes(8).toString('hex') },
    expect: 200,
  });
}
