import { join } from 'node:path';
import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailService } from '@leadpanel/platform';
import { IdentityModule } from '@leadpanel/identity';
import { PanelModule } from '@leadpanel/panel';
import { StudiesModule } from '@leadpanel/studies';
import { ReportAggregator } from './aggregation/report-aggregator';
import { ReportEntity } from './reports/report.entity';
import { ReportErasureService } from './reports/report-erasure.service';
import { ReportsController } from './reports/reports.controller';
import { ReportsRepository } from './reports/reports.repository';
import { ReportsService } from './reports/reports.service';
import { ReportShareLinkEntity } from './reports/share-link.entity';
import { ShareLinksController } from './reports/share-links.controller';
import { ShareLinksRepository } from './reports/share-links.repository';
import { ShareLinksService } from './reports/share-links.service';

/** Insight reports: aggregation, rendering, publishing and sharing. */
@Module({
  imports: [TypeOrmModule.forFeature([ReportEntity, ReportShareLinkEntity]), IdentityModule, PanelModule, StudiesModule],
  providers: [ReportAggregator, ReportsRepository, ReportsService, ReportErasureService, ShareLinksRepository, ShareLinksService],
  exports: [ReportAggregator, ReportsService, ShareLinksService, ReportErasureService],
})
export class InsightsModule implements OnModuleInit {
  constructor(private readonly mail: MailService) {}

  onModuleInit(): void {
    this.mail.registerTemplates(join(__dirname, 'templates'));
  }
}

@Module({ imports: [InsightsModule], controllers: [ReportsController, ShareLinksController] })
export class InsightsHttpModule {}
