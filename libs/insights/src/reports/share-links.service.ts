import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AuditService, Clock, toPage, type AppConfig, type AuthUser, type Page, type PageQueryDto } from '@leadpanel/platform';
import { InsightsError } from '../insights.errors';
import type { ReportContent } from './report-content';
import type { ReportEntity } from './report.entity';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';
import type { ReportShareLinkEntity } from './share-link.entity';
import { ShareLinksRepository } from './share-links.repository';
import { shareKey, signShareToken, verifyShareToken } from './share-token';

export interface ShareLinkView {
  id: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

const toView = (l: ReportShareLinkEntity): ShareLinkView => ({
  id: l.id,
  createdAt: l.createdAt,
  expiresAt: l.expiresAt,
  revokedAt: l.revokedAt,
});

const notFound = (): InsightsError => new InsightsError('SHARE_LINK_NOT_FOUND', 'Share link was not found');

/**
 * Share links of a published report: a stored row (who made it, when, until when,
 * revoked when) named by a signed token, so that a link can be listed and revoked and
 * serves the report HTML without login only while it is neither expired nor revoked.
 * Who: researchers make them; researchers and the report's brand (published reports
 * only, as for the report itself) list and revoke them; anyone else gets a 404.
 */
@Injectable()
export class ShareLinksService {
  private readonly key: Buffer;

  constructor(
    private readonly dataSource: DataSource,
    private readonly links: ShareLinksRepository,
    private readonly reports: ReportsRepository,
    private readonly reportsService: ReportsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.key = shareKey(config.auth.jwtSecret);
  }

  /** 201: a link until `expiresInHours` from now; 409 before the report is ready and published. */
  async create(actor: AuthUser, reportId: string, expiresInHours: number): Promise<{ id: string; url: string; expiresAt: Date }> {
    const r = await this.reportsService.visible(actor, reportId);
    if (r.status !== 'ready') throw new InsightsError('REPORT_NOT_READY', `The report is ${r.status}: only a ready report can be shared`);
    if (!r.publishedAt) throw new InsightsError('REPORT_NOT_PUBLISHED', 'Only a published report can be shared: publish it first');
    const expiresAt = new Date(Math.floor(this.clock.now().getTime() / 1000) * 1000 + expiresInHours * 3_600_000);
    const link = await this.dataSource.transaction(async (em) => {
      const l = await this.links.insert(em, { reportId: r.id, createdBy: actor.id, expiresAt });
      await this.audit.record(
        {
          action: 'report.share_link_created',
          targetType: 'report',
          targetId: r.id,
          data: { linkId: l.id, expiresAt: expiresAt.toISOString() },
        },
        em,
      );
      return l;
    });
    const token = signShareToken(this.key, { linkId: link.id, expiresAt });
    return { id: link.id, url: `${this.config.http.publicBaseUrl}/api/v1/shared/reports/${token}`, expiresAt: link.expiresAt };
  }

  async list(actor: AuthUser, reportId: string, query: PageQueryDto): Promise<Page<ShareLinkView>> {
    const r = await this.reportsService.visible(actor, reportId);
    const rows = await this.links.reportPage(r.id, query);
    return toPage(rows, query, toView, (l) => l.createdAt);
  }

  /** 204, and the link serves nothing from then on; revoking again changes nothing. Another brand's link: 404. */
  async revoke(actor: AuthUser, linkId: string): Promise<void> {
    const link = await this.links.findById(linkId);
    if (!link) throw notFound();
    await this.reportsService.visible(actor, link.reportId).catch((err: unknown) => {
      throw err instanceof InsightsError && err.code === 'REPORT_NOT_FOUND' ? notFound() : err;
    });
    await this.dataSource.transaction(async (em) => {
      if (!(await this.links.revoke(em, link.id, this.clock.now()))) return;
      await this.audit.record(
        { action: 'report.share_link_revoked', targetType: 'report', targetId: link.reportId, data: { linkId: link.id } },
        em,
      );
    });
  }

  /** The HTML behind a share link; 404 for a bad, non-canonical, expired, revoked or unknown token alike. */
  async shared(token: string): Promise<string> {
    return (await this.live(token, 'html')).html!;
  }

  /** The Report JSON behind a share link, for the app's own view of it; checked exactly like the HTML. */
  async sharedContent(token: string): Promise<ReportContent> {
    return (await this.live(token, 'content')).content!;
  }

  private async live(token: string, what: 'html' | 'content'): Promise<ReportEntity> {
    const now = this.clock.now();
    const claims = verifyShareToken(this.key, token, now);
    const link = claims ? await this.links.findById(claims.linkId) : null;
    const live = link && link.revokedAt === null && link.expiresAt.getTime() > now.getTime();
    const r = live ? await this.reports.output(link.reportId, what) : null;
    if (!r || r.status !== 'ready' || !r[what]) throw new InsightsError('REPORT_NOT_FOUND', 'Report was not found');
    return r;
  }
}
