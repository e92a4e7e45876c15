import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  APP_CONFIG,
  AuditService,
  Clock,
  JobRegistry,
  MailService,
  OutboxService,
  toPage,
  type AppConfig,
  type AuthUser,
  type Page,
  type PageQueryDto,
} from '@leadpanel/platform';
import { BrandsService, UsersService } from '@leadpanel/identity';
import { StudiesService } from '@leadpanel/studies';
import { ReportAggregator } from '../aggregation/report-aggregator';
import { InsightsError } from '../insights.errors';
import { insightsJobs, REPORT_GENERATE_JOB } from '../jobs/insights-jobs';
import { ReportErasureService, ReportRenderError } from './report-erasure.service';
import type { ReportContent } from './report-content';
import type { ReportEntity, ReportStatus } from './report.entity';
import { ReportsRepository } from './reports.repository';

export interface ReportView {
  id: string;
  studyId: string;
  version: number;
  status: ReportStatus;
  /** researchers only: why generation failed */
  error?: string | null;
  createdAt: Date;
  generatedAt: Date | null;
  publishedAt: Date | null;
}

function toView(r: ReportEntity, forResearcher: boolean): ReportView {
  return {
    id: r.id,
    studyId: r.studyId,
    version: r.version,
    status: r.status,
    ...(forResearcher ? { error: r.error } : {}),
    createdAt: r.createdAt,
    generatedAt: r.generatedAt,
    publishedAt: r.publishedAt,
  };
}

const isStaffReader = (actor: AuthUser): boolean => actor.role === 'researcher' || actor.role === 'admin';

/**
 * Insight reports: requested by researchers (a generation job writes an immutable,
 * versioned snapshot), published to the study's brand, shared by signed expiring
 * links (ShareLinksService). A brand user sees only published reports of their own brand; anything else
 * is a 404, never a hint that it exists.
 */
@Injectable()
export class ReportsService implements OnModuleInit {
  private readonly logger = new Logger('Reports');

  constructor(
    private readonly dataSource: DataSource,
    private readonly reports: ReportsRepository,
    private readonly aggregator: ReportAggregator,
    private readonly erasure: ReportErasureService,
    private readonly studies: StudiesService,
    private readonly brands: BrandsService,
    private readonly users: UsersService,
    private readonly mail: MailService,
    private readonly outbox: OutboxService,
    private readonly registry: JobRegistry,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    insightsJobs.register(this.registry, REPORT_GENERATE_JOB, ({ reportId }) => this.generate(reportId));
  }

  /** Queues the next version of the study's report (202): the job does the work. */
  async request(actor: AuthUser, studyId: string): Promise<ReportView> {
    const study = await this.studies.visible(actor, studyId);
    const report = await this.dataSource.transaction(async (em) => {
      const r = await this.reports.insertNext(em, study.id, study.brandId, actor.id);
      await this.outbox.add(em, insightsJobs.message(REPORT_GENERATE_JOB, { reportId: r.id }, { dedupeKey: `report-generate:${r.id}` }));
      await this.audit.record(
        { action: 'report.requested', targetType: 'report', targetId: r.id, data: { studyId: study.id, version: r.version } },
        em,
      );
      return r;
    });
    this.outbox.nudge();
    return toView(report, true);
  }

  /**
   * The job: aggregate, render, and store everything with `ready` in one statement. A
   * retried job after a crash starts again from the data (nothing half-written is
   * kept); a report already finished is left alone. An error of the aggregation or the
   * rendering marks the report `failed` with the error for researchers (a new version can be
   * requested); a database error while storing it fails the job, which is retried.
   */
  async generate(reportId: string): Promise<void> {
    const r = await this.reports.summary(reportId);
    if (!r || !(await this.reports.start(r.id, this.clock.now()))) return;
    const failed = async (err: unknown): Promise<void> => {
      const message = err instanceof Error ? err.message : String(err);
      this.logger.error(`report ${r.id} (study ${r.studyId} v${r.version}) failed: ${message}`);
      await this.reports.fail(r.id, message);
    };
    let content: ReportContent;
    try {
      content = await this.aggregator.build({
        studyId: r.studyId,
        version: r.version,
        minCell: this.config.reports.minCell,
        generatedAt: this.clock.now(),
      });
    } catch (err) {
      return failed(err);
    }
    try {
      // redacted for anyone erased meanwhile, rendered and stored with `ready` at once
      await this.erasure.finish(r, content, this.clock.now());
    } catch (err) {
      if (err instanceof ReportRenderError) return failed(err.cause);
      throw err;
    }
  }

  async list(actor: AuthUser, studyId: string, query: PageQueryDto): Promise<Page<ReportView>> {
    const study = await this.studies.visible(actor, studyId);
    const staff = isStaffReader(actor);
    const rows = await this.reports.studyPage(study.id, !staff, query);
    return toPage(
      rows,
      query,
      (r) => toView(r, staff),
      (r) => r.createdAt,
    );
  }

  /** The brand's published reports, newest first, each with its study's title (read in the same query). */
  async brandReports(actor: AuthUser, query: PageQueryDto): Promise<Page<ReportView & { studyTitle: string }>> {
    if (!actor.brandId) return { items: [], nextCursor: null };
    const rows = await this.reports.brandPage(actor.brandId, query);
    return toPage(
      rows.map((row) => ({ ...row, id: row.report.id })),
      query,
      (row) => ({ ...toView(row.report, false), studyTitle: row.studyTitle }),
      (row) => row.report.createdAt,
    );
  }

  async get(actor: AuthUser, id: string): Promise<ReportView> {
    return toView(await this.visible(actor, id), isStaffReader(actor));
  }

  async content(actor: AuthUser, id: string): Promise<ReportContent> {
    return (await this.ready(actor, id, 'content')).content!;
  }

  async html(actor: AuthUser, id: string): Promise<string> {
    return (await this.ready(actor, id, 'html')).html!;
  }

  async csv(actor: AuthUser, id: string): Promise<string> {
    return (await this.ready(actor, id, 'csv')).csv!;
  }

  /** Publishes a ready report to its brand (409 before it is ready); the brand's users get an e-mail. Again: nothing new. */
  async publish(actor: AuthUser, id: string): Promise<ReportView> {
    const r = await this.visible(actor, id);
    if (r.status !== 'ready')
      throw new InsightsError('REPORT_NOT_READY', `The report is ${r.status}: only a ready report can be published`);
    if (r.publishedAt) return toView(r, true);
    const recipients = await this.users.activeBrandUsers(r.brandId);
    const study = await this.studies.visible(actor, r.studyId);
    const published = await this.dataSource.transaction(async (em) => {
      if (!(await this.reports.publish(em, r.id, actor.id, this.clock.now()))) return (await this.reports.summary(r.id, em))!;
      for (const u of recipients) {
        await this.mail.enqueue(em, {
          template: 'report-ready',
          locale: 'en',
          to: u.email,
          userId: u.id,
          data: { studyTitle: study.title, version: r.version, reportUrl: `${this.config.http.publicBaseUrl}/brand/reports/${r.id}` },
          dedupeKey: `report-ready:${r.id}:${u.id}`,
        });
      }
      await this.audit.record(
        {
          action: 'report.published',
          targetType: 'report',
          targetId: r.id,
          data: { studyId: r.studyId, version: r.version, recipients: recipients.length },
        },
        em,
      );
      return (await this.reports.summary(r.id, em))!;
    });
    this.outbox.nudge();
    return toView(published, true);
  }

  private async ready(actor: AuthUser, id: string, what: 'content' | 'html' | 'csv'): Promise<ReportEntity> {
    await this.visible(actor, id);
    const r = await this.reports.output(id, what);
    if (!r || r.status !== 'ready' || r[what] === null) {
      throw new InsightsError('REPORT_NOT_READY', `The report is ${r?.status ?? 'gone'}: its ${what} is not there yet`);
    }
    return r;
  }

  /** Researchers see every report; brand users only published ones of their brand; others nothing (404). */
  async visible(actor: AuthUser, id: string): Promise<ReportEntity> {
    const r = await this.reports.summary(id);
    const ok = r && (isStaffReader(actor) || (actor.role === 'brand' && r.brandId === actor.brandId && r.publishedAt !== null));
    if (!ok) throw new InsightsError('REPORT_NOT_FOUND', 'Report was not found');
    return r;
  }
}
