import { randomBytes } from 'node:crypto';
import { ADMIN, baseUrl } from './env';
import { ApiError, call, login, uniqueEmail, uniqueSlug } from './api-client';
import type { Campaign, Panellist, Post, Product, Round, Shipment, Study, Survey } from './api-types';
import { acceptInvitation, joinPanel } from './panellist-api';
import { SCREENER_QUESTIONS, SHOW_IF_QUESTIONS } from './survey-questions';

/**
 * The staff side of a browser journey, through the HTTP API of the run's API process only
 * (docs/http-contract.md; bodies as in the Jest e2e helpers of test/panel, test/studies,
 * test/discussions, test/surveys and test/home-testing). Bearer tokens, no browser.
 */

const DAY = 86_400_000;

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
