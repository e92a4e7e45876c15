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

/** Insight reports: aggregation, rendering, publishing and sharing. */
@Module({
  imports: [TypeOrmModule.forFeature([ReportEntity]), IdentityModule, PanelModule, StudiesModule],
  providers: [ReportAggregator, ReportsRepository, ReportsService, ReportErasureService],
  exports: [ReportAggregator, ReportsService],
})
export class InsightsModule implements OnModuleInit {
  constructor(private readonly mail: MailService) {}

  onModuleInit(): void {
    this.mail.registerTemplates(join(__dirname, 'templates'));
  }
}

@Module({ imports: [InsightsModule], controllers: [ReportsController] })
export class InsightsHttpModule {}
