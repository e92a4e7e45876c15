import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService, JobRegistry, OutboxService } from '@leadpanel/platform';
import { BrandsService } from '@leadpanel/identity';
import { PersonalDataRegistry } from '@leadpanel/panel';
import { insightsJobs, REPORT_REDACT_JOB } from '../jobs/insights-jobs';
import { isEmptyAuthorship, redactReport } from './redaction';
import { renderReportCsv } from './render/report-csv';
import { renderReportHtml } from './render/report-html';
import type { ReportContent } from './report-content';
import { ReportsRepository, type ReportOutputs } from './reports.repository';

/** Rendering a report's content failed: the report is `failed` (a database error, by contrast, retries the job). */
export class ReportRenderError extends Error {
  constructor(override readonly cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'ReportRenderError';
  }
}

/** The three stored outputs of a report content: JSON as is, HTML and CSV rendered from it. */
export function renderOutputs(content: ReportContent, brandName: string | undefined): ReportOutputs {
  return { content, html: renderReportHtml(content, { brandName }), csv: renderReportCsv(content) };
}

/**
 * Erasure reaches the insight reports: reports are immutable snapshots that name people by
 * pseudonym only, yet quote their words, so every stored version that may quote an erased
 * panellist gets those words replaced by `[erased]` (counts kept) and is rendered again.
 *
 * Decisions:
 * - Panel sits below insights: the erasure runs the step insights registered in the
 *   `PersonalDataRegistry`, which only writes an outbox message (no subject id, so the
 *   erasure's own "cancel this person's jobs" leaves it); the job runs after commit.
 * - Whose quote is whose comes from `study_pseudonyms` (kept after erasure, never served)
 *   and the post and feedback ids next to ideas and feedback, not from the report. The job
 *   redacts for every erased panellist of the study at once, so it is idempotent.
 * - A report being generated meanwhile: `finish` and the job take the same per-study lock,
 *   and `finish` redacts what it stores; whichever comes second sees the other's result.
 */
@Injectable()
export class ReportErasureService implements OnModuleInit {
  private readonly logger = new Logger('ReportErasure');

  constructor(
    private readonly dataSource: DataSource,
    private readonly reports: ReportsRepository,
    private readonly brands: BrandsService,
    private readonly outbox: OutboxService,
    private readonly registry: JobRegistry,
    private readonly personalData: PersonalDataRegistry,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.personalData.registerErasure('insightReports', async (em, panellistId) => {
      await this.outbox.add(em, insightsJobs.message(REPORT_REDACT_JOB, { panellistId }, { dedupeKey: `report-redaction:${panellistId}` }));
    });
    insightsJobs.register(this.registry, REPORT_REDACT_JOB, async ({ panellistId }) => {
      await this.redactPanellist(panellistId);
    });
  }

  /** The job: every report of every study that may quote the panellist. Returns how many reports changed. */
  async redactPanellist(panellistId: string): Promise<number> {
    let changed = 0;
    for (const studyId of await this.reports.studiesQuoting(panellistId)) changed += await this.redactStudy(studyId);
    return changed;
  }

  /** Redacts the words of every erased panellist of the study in its ready reports; how many reports changed. */
  async redactStudy(studyId: string): Promise<number> {
    const names = await this.brandNames(studyId);
    const changed = await this.dataSource.transaction(async (em) => {
      await this.reports.lockStudyOutputs(em, studyId);
      const erased = await this.reports.erasedAuthorship(em, studyId);
      if (isEmptyAuthorship(erased)) return 0;
      let n = 0;
      for (const id of await this.reports.readyIds(em, studyId)) {
        const r = await this.reports.contentOf(em, id);
        const redacted = r?.content ? redactReport(r.content, erased) : null;
        if (!r || !redacted) continue;
        await this.reports.replaceOutputs(em, r.id, renderOutputs(redacted, names.get(r.brandId)));
        n++;
      }
      if (n > 0) await this.audit.record({ action: 'report.redacted', targetType: 'study', targetId: studyId, data: { reports: n } }, em);
      return n;
    });
    if (changed > 0) this.logger.log(`study ${studyId}: ${changed} report version(s) redacted after an erasure`);
    return changed;
  }

  /** A generation's last step: the content, redacted for anyone erased by now, rendered and stored with `ready`. */
  async finish(report: { id: string; studyId: string; brandId: string }, content: ReportContent, at: Date): Promise<void> {
    const brandName = (await this.brands.nameOf(report.brandId)) ?? undefined;
    await this.dataSource.transaction(async (em) => {
      await this.reports.lockStudyOutputs(em, report.studyId);
      const erased = await this.reports.erasedAuthorship(em, report.studyId);
      const final = (isEmptyAuthorship(erased) ? null : redactReport(content, erased)) ?? content;
      let outputs: ReportOutputs;
      try {
        outputs = renderOutputs(final, brandName);
      } catch (err) {
        throw new ReportRenderError(err);
      }
      await this.reports.finish(em, report.id, outputs, at);
    });
  }

  private async brandNames(studyId: string): Promise<Map<string, string | undefined>> {
    const ids = await this.reports.brandsOfStudy(studyId);
    return new Map(await Promise.all(ids.map(async (id) => [id, (await this.brands.nameOf(id)) ?? undefined] as const)));
  }
}
