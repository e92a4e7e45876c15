import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { loadConfig, MigrationRunner, type AppConfig, type AuthUser } from '@leadpanel/platform';
import { newStore, type Store } from '@leadpanel/platform/testing';
import { ReportsService, ShareLinksService } from '@leadpanel/insights';
import { CliModule } from '../../apps/cli/src/cli.module';
import { DEMO_STAFF } from '../../apps/cli/src/demo/demo-data';
import { DemoSeeder, type DemoSummary } from '../../apps/cli/src/demo/demo-seeder';
import { assertTestDatabase } from '../support/test-app';

/**
 * `seed-demo` twice against a fresh database: the CLI's own application context (no HTTP,
 * no outbox dispatch), as `npm run cli -- seed-demo` builds it, on a database of its own
 * (services mode) or the process's in-memory PGlite (embedded; one app holds it).
 */
const SEED_TIMEOUT = 300_000;

const COUNTS = `
  SELECT (SELECT count(*) FROM brands WHERE slug = 'maison-lumiere')::int AS brands,
         (SELECT count(*) FROM users)::int AS users,
         (SELECT count(*) FROM panellists)::int AS panellists,
         (SELECT count(*) FROM referrals)::int AS referrals,
         (SELECT count(*) FROM recruitment_campaigns)::int AS campaigns,
         (SELECT count(*) FROM surveys)::int AS surveys,
         (SELECT count(*) FROM studies)::int AS studies,
         (SELECT count(*) FROM study_invitations)::int AS invitations,
         (SELECT count(*) FROM study_participants)::int AS participants,
         (SELECT count(*) FROM discussion_rounds)::int AS rounds,
         (SELECT count(*) FROM discussion_posts)::int AS posts,
         (SELECT count(*) FROM discussion_posts WHERE kind = 'idea')::int AS ideas,
         (SELECT count(*) FROM discussion_posts WHERE parent_id IS NOT NULL)::int AS replies,
         (SELECT count(*) FROM discussion_likes)::int AS likes,
         (SELECT count(*) FROM discussion_codes)::int AS codes,
         (SELECT count(*) FROM discussion_post_codes)::int AS "postCodes",
         (SELECT count(*) FROM products)::int AS products,
         (SELECT count(*) FROM shipments)::int AS shipments,
         (SELECT count(*) FROM survey_assignments)::int AS assignments,
         (SELECT count(*) FROM survey_assignments WHERE status = 'submitted')::int AS submitted,
         (SELECT count(*) FROM survey_answers)::int AS answers,
         (SELECT count(*) FROM feedback_items)::int AS feedback,
         (SELECT count(*) FROM feedback_me_too)::int AS "meToo",
         (SELECT count(*) FROM feedback_notes)::int AS "feedbackNotes",
         (SELECT count(*) FROM reports)::int AS reports,
         (SELECT count(*) FROM reports WHERE status = 'ready' AND published_at IS NOT NULL)::int AS "publishedReports",
         (SELECT count(*) FROM email_messages)::int AS emails,
         (SELECT count(*) FROM outbox_messages)::int AS outbox`;

type Counts = Record<string, number>;

describe('seed-demo', () => {
  let store: Store;
  let config: AppConfig;
  let app: INestApplicationContext;
  let first: DemoSummary;
  let second: DemoSummary;
  let afterFirst: Counts;
  let afterSecond: Counts;

  const counts = async (): Promise<Counts> => ((await app.get(DataSource).query(COUNTS)) as Counts[])[0];
  const grouped = async (sql: string): Promise<Record<string, number>> =>
    Object.fromEntries(((await app.get(DataSource).query(sql)) as Array<{ k: string; n: number }>).map((r) => [r.k, r.n]));

  beforeAll(async () => {
    store = await newStore();
    const own: Record<string, string> = { OUTBOX_DISPATCH: 'false', DB_MIGRATE_ON_START: 'false' };
    if (store.databaseUrl) own.DATABASE_URL = store.databaseUrl;
    if (store.queuePrefix) own.QUEUE_PREFIX = store.queuePrefix;
    config = loadConfig({ ...process.env, ...own });
    assertTestDatabase(config);
    app = await NestFactory.createApplicationContext(CliModule.forRoot(config), { logger: ['error'], abortOnError: false });
    await app.get(MigrationRunner).run();
    first = await app.get(DemoSeeder).seed();
    afterFirst = await counts();
    second = await app.get(DemoSeeder).seed();
    afterSecond = await counts();
  }, SEED_TIMEOUT);

  afterAll(async () => {
    try {
      await app?.close();
    } finally {
      await store?.drop();
    }
  });

  it('seeds the whole demo once', () => {
    expect(first.created).toBe(true);
    expect(afterFirst).toMatchObject({
      brands: 1,
      users: 63, // admin, researcher, brand user, 60 panellists
      panellists: 60,
      referrals: 3,
      campaigns: 1,
      surveys: 2, // the screener and the usage survey
      studies: 1,
      rounds: 2,
      products: 1,
      reports: 1,
      publishedReports: 1,
    });
    const some = [
      'invitations',
      'participants',
      'posts',
      'ideas',
      'replies',
      'likes',
      'codes',
      'postCodes',
      'submitted',
      'feedback',
      'meToo',
    ];
    expect(some.filter((key) => !(afterFirst[key] > 0))).toEqual([]);
  });

  it('has panellists in several countries, tiers and statuses, and a study in field with quotas', async () => {
    const countries = await grouped(`SELECT country AS k, count(*)::int AS n FROM panellists GROUP BY country`);
    expect(Object.keys(countries).sort()).toEqual(['BE', 'DE', 'ES', 'FR', 'GB', 'NL']);
    const tiers = await grouped(`SELECT tier AS k, count(*)::int AS n FROM panellists WHERE tier IS NOT NULL GROUP BY tier`);
    expect(Object.keys(tiers).sort()).toEqual(['emerging', 'lead_user', 'mainstream']);
    const statuses = await grouped(`SELECT status AS k, count(*)::int AS n FROM panellists GROUP BY status`);
    expect(statuses).toEqual({ active: 55, waitlisted: 3, pending_confirmation: 2 });
    const [study] = (await app.get(DataSource).query(`SELECT status, jsonb_array_length(quotas)::int AS quotas FROM studies`)) as Array<{
      status: string;
      quotas: number;
    }>;
    expect(study).toEqual({ status: 'in_field', quotas: 4 });
    const chain = (await app
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM panellists WHERE referred_by_panellist_id IS NOT NULL`)) as Array<{ n: number }>;
    expect(chain[0].n).toBe(3);
  });

  it('has a shipment in every state', async () => {
    const byStatus = await grouped(`SELECT status AS k, count(*)::int AS n FROM shipments GROUP BY status`);
    const statuses = ['allocated', 'packed', 'shipped', 'delivered', 'return_requested', 'returned', 'lost', 'cancelled'];
    expect(statuses.filter((status) => !(byStatus[status] >= 1))).toEqual([]);
    expect(Object.keys(byStatus).sort()).toEqual([...statuses].sort());
  });

  it('a second run writes nothing and prints the same demo', () => {
    expect(second.created).toBe(false);
    expect(afterSecond).toEqual(afterFirst);
    expect(second).toMatchObject({ brandId: first.brandId, studyId: first.studyId, reportId: first.reportId, logins: first.logins });
    expect(second.figures).toEqual(first.figures);
  });

  it('prints the logins and the URLs to open', () => {
    const base = config.http.publicBaseUrl;
    expect(first.urls.apiDocs).toBe(`${base}/api/docs`);
    expect(first.urls.web).toBe(`${base}/login`);
    expect(first.urls.reportShare).toMatch(
      new RegExp(`^${base.replace(/[.:/]/g, '\\$&')}/api/v1/shared/reports/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$`),
    );
    expect(first.urls.reportHtml).toBe(`${base}/api/v1/reports/${first.reportId}/report.html`);
    expect(first.logins.map((l) => l.role)).toEqual(['researcher', 'brand', 'admin', 'panellist', 'panellist']);
    for (const login of first.logins) expect(login.password.length).toBeGreaterThanOrEqual(10);
  });

  it('the published report has its charts, masks contact details, and opens through the share link', async () => {
    const researcherId = (
      (await app.get(DataSource).query(`SELECT id FROM users WHERE email = $1`, [DEMO_STAFF.researcher.email])) as Array<{
        id: string;
      }>
    )[0].id;
    const researcher: AuthUser = {
      id: researcherId,
      email: DEMO_STAFF.researcher.email,
      role: 'researcher',
      brandId: null,
      sessionId: 'test',
    };
    const reports = app.get(ReportsService);
    const html = await reports.html(researcher, first.reportId);
    expect(html).toContain('<svg');
    expect(html).toContain('Maison Lumière');
    expect(html).not.toContain('sam.okafor@example.org');
    expect(html).not.toContain('06 71 42 18 90');
    expect(html).toMatch(/\[email\]|\[phone\]/);
    const token = first.urls.reportShare.split('/').pop()!;
    expect(await app.get(ShareLinksService).shared(token)).toBe(html);
    const content = await reports.content(researcher, first.reportId);
    expect(content.surveys[0].questions.find((q) => q.id === 'recommend')?.nps).toBeDefined();
    expect(content.surveys[0].questions.find((q) => q.id === 'sus')?.sus).toBeDefined();
    expect(content.homeTesting.products[0].medianDaysToDelivery).toBeGreaterThan(1);
  });
});
