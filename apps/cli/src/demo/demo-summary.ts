import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig, type Role } from '@leadpanel/platform';
import { UserEntity, UsersService } from '@leadpanel/identity';
import { StudiesService, StudyDirectory } from '@leadpanel/studies';
import { ReportsService, ShareLinksService } from '@leadpanel/insights';
import { DEMO_CAMPAIGN_SLUG, DEMO_PASSWORDS, DEMO_STAFF, panellistSpecs, type PanellistSpec } from './demo-data';
import { actor } from './demo-actors';

/** how long the printed share link works */
export const SHARE_LINK_HOURS = 24 * 7;

export interface DemoLogin {
  role: Role;
  who: string;
  email: string;
  password: string;
}

export interface DemoSummary {
  /** false when the demo was already there and nothing was written */
  created: boolean;
  seconds: number;
  brandId: string;
  studyId: string;
  reportId: string;
  logins: DemoLogin[];
  urls: { web: string; apiDocs: string; reportShare: string; reportShareExpiresAt: string; reportHtml: string; reportJson: string };
  figures: DemoFigures;
}

export interface DemoFigures {
  panellists: Record<string, number>;
  invitations: Record<string, number>;
  participants: Record<string, number>;
  posts: number;
  likes: number;
  codedPosts: number;
  shipments: Record<string, number>;
  surveyResponses: number;
  feedback: number;
}

/** The database holds part of a demo (a run stopped midway): seed-demo does not repair it. */
export class PartialDemoError extends Error {
  constructor(what: string) {
    super(
      `The database holds an unfinished demo (${what}). seed-demo does not repair a partial demo: start from an empty database ` +
        '(embedded: stop the API and delete ./var/pglite, or the PGLITE_DIR you set; PostgreSQL: drop and re-create the database), ' +
        'then run it again.',
    );
    this.name = 'PartialDemoError';
  }
}

/** Looks the demo up once it is there: the logins, the links to open and what it holds (read only, but for a new share link). */
@Injectable()
export class DemoSummaryReader {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly studies: StudiesService,
    private readonly directory: StudyDirectory,
    private readonly reports: ReportsService,
    private readonly shareLinks: ShareLinksService,
  ) {}

  async read(brandId: string, created: boolean, started: number): Promise<DemoSummary> {
    const userRepo = this.dataSource.getRepository(UserEntity);
    const researcherUser = await userRepo.findOne({ where: { email: DEMO_STAFF.researcher.email } });
    const brandUser = await userRepo.findOne({ where: { email: DEMO_STAFF.brand.email } });
    if (!researcherUser || !brandUser) throw new PartialDemoError('its researcher or brand user is missing');
    const researcher = actor(researcherUser);
    const studies = await this.studies.list(actor(brandUser), { limit: 10 });
    const study = studies.items[0];
    if (!study) throw new PartialDemoError('the brand has no study');
    const reports = await this.reports.list(researcher, study.id, { limit: 100 });
    const report = reports.items.find((r) => r.status === 'ready' && r.publishedAt !== null);
    if (!report) throw new PartialDemoError('the study has no published report');
    const share = await this.shareLinks.create(researcher, report.id, SHARE_LINK_HOURS);

    // two participants to log in as: the first enrolled in French and in English
    const enrolled = await this.directory.enrolledIds(study.id);
    const emails = await this.users.emailsByIds(enrolled);
    const specs = new Map(panellistSpecs(study.createdAt.getUTCFullYear()).map((s) => [s.email, s]));
    const pick = (locale: 'en' | 'fr') =>
      enrolled.map((id) => specs.get(emails.get(id) ?? '')).find((s): s is PanellistSpec => s?.locale === locale);
    const panellistLogins = (['fr', 'en'] as const)
      .map(pick)
      .filter((s): s is PanellistSpec => s !== undefined)
      .map((s): DemoLogin => ({
        role: 'panellist',
        who: `${s.displayName} (${s.country}, participant)`,
        email: s.email,
        password: DEMO_PASSWORDS.panellist,
      }));
    const base = this.config.http.publicBaseUrl;
    return {
      created,
      seconds: Math.round((Date.now() - started) / 100) / 10,
      brandId,
      studyId: study.id,
      reportId: report.id,
      logins: [
        { role: 'researcher', who: 'Claire Martin, researcher', ...DEMO_STAFF.researcher },
        { role: 'brand', who: 'Sophie Durand, Maison Lumière', ...DEMO_STAFF.brand },
        { role: 'admin', who: 'administrator', ...DEMO_STAFF.admin },
        ...panellistLogins,
      ],
      urls: {
        web: `${base}/login`,
        apiDocs: `${base}/api/docs`,
        reportShare: share.url,
        reportShareExpiresAt: share.expiresAt.toISOString(),
        reportHtml: `${base}/api/v1/reports/${report.id}/report.html`,
        reportJson: `${base}/api/v1/reports/${report.id}/report.json`,
      },
      figures: await this.figures(study.id),
    };
  }

  /** What the demo holds, counted (read only). */
  private async figures(studyId: string): Promise<DemoFigures> {
    const grouped = async (sql: string, params: unknown[] = [studyId]): Promise<Record<string, number>> =>
      Object.fromEntries(((await this.dataSource.query(sql, params)) as Array<{ k: string; n: number }>).map((x) => [x.k, x.n]));
    const one = async (sql: string): Promise<number> => ((await this.dataSource.query(sql, [studyId])) as Array<{ n: number }>)[0].n;
    return {
      panellists: await grouped(
        `SELECT p.status AS k, count(*)::int AS n FROM panellists p
           JOIN recruitment_campaigns c ON c.id = p.campaign_id
          WHERE c.slug = $1 GROUP BY p.status ORDER BY p.status`,
        [DEMO_CAMPAIGN_SLUG],
      ),
      invitations: await grouped(
        `SELECT status AS k, count(*)::int AS n FROM study_invitations WHERE study_id = $1 GROUP BY status ORDER BY status`,
      ),
      participants: await grouped(
        `SELECT status AS k, count(*)::int AS n FROM study_participants WHERE study_id = $1 GROUP BY status ORDER BY status`,
      ),
      posts: await one(`SELECT count(*)::int AS n FROM discussion_posts WHERE study_id = $1`),
      likes: await one(
        `SELECT count(*)::int AS n FROM discussion_likes l JOIN discussion_posts p ON p.id = l.post_id WHERE p.study_id = $1`,
      ),
      codedPosts: await one(
        `SELECT count(DISTINCT pc.post_id)::int AS n FROM discussion_post_codes pc JOIN discussion_posts p ON p.id = pc.post_id WHERE p.study_id = $1`,
      ),
      shipments: await grouped(`SELECT status AS k, count(*)::int AS n FROM shipments WHERE study_id = $1 GROUP BY status ORDER BY status`),
      surveyResponses: await one(`SELECT count(*)::int AS n FROM survey_assignments WHERE study_id = $1 AND status = 'submitted'`),
      feedback: await one(`SELECT count(*)::int AS n FROM feedback_items WHERE study_id = $1`),
    };
  }
}

/** The summary as the CLI prints it. */
export function formatDemoSummary(s: DemoSummary): string {
  const pad = (v: string, n: number): string => v.padEnd(n);
  const lines = [
    '',
    s.created ? `Demo seeded in ${s.seconds} s.` : 'The demo was already there: nothing new was written.',
    '',
    'Logins (in the browser, or POST /api/v1/auth/login):',
    ...s.logins.map((l) => `  ${pad(l.role, 11)} ${pad(l.email, 44)} ${pad(l.password, 22)} ${l.who}`),
    '',
    'Open:',
    `  the web app             ${s.urls.web}   (sign in with a login above: a panellist, the researcher, the brand user)`,
    `  API docs (Swagger UI)   ${s.urls.apiDocs}`,
    `  report, no login        ${s.urls.reportShare}`,
    `                          (share link, valid until ${s.urls.reportShareExpiresAt})`,
    `  report HTML / JSON      ${s.urls.reportHtml}`,
    `                          ${s.urls.reportJson}   (with a researcher's or the brand user's bearer token)`,
    '',
    `Study ${s.studyId}, report ${s.reportId}`,
    `  panellists   ${fmt(s.figures.panellists)}`,
    `  invitations  ${fmt(s.figures.invitations)}; participants ${fmt(s.figures.participants)}`,
    `  discussion   ${s.figures.posts} posts, ${s.figures.likes} likes, ${s.figures.codedPosts} coded posts`,
    `  shipments    ${fmt(s.figures.shipments)}`,
    `  usage survey ${s.figures.surveyResponses} responses; beta feedback ${s.figures.feedback} items`,
    '',
  ];
  return lines.join('\n');
}

function fmt(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ');
}
