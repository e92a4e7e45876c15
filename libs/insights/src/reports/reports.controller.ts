import { Controller, Get, Header, HttpCode, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentUser, UuidParam, PageQueryDto, Roles, type AuthUser } from '@leadpanel/platform';
import { BrandReportPageDto, ReportPageDto, ReportResponseDto } from './dto/report.dto';
import { ReportContentDto } from './dto/report-content.dto';
import { ReportsService } from './reports.service';

@ApiTags('insights')
@ApiBearerAuth()
@Controller()
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Post('studies/:id/reports')
  @Roles('researcher')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: ReportResponseDto, description: 'queued; a job generates it' })
  request(@CurrentUser() user: AuthUser, @UuidParam() id: string): Promise<ReportResponseDto> {
    return this.reports.request(user, id);
  }

  @Get('studies/:id/reports')
  @Roles('researcher', 'brand')
  @ApiOkResponse({ type: ReportPageDto, description: 'brand users: published reports of their own brand only' })
  list(@CurrentUser() user: AuthUser, @UuidParam() id: string, @Query() query: PageQueryDto): Promise<ReportPageDto> {
    return this.reports.list(user, id, query);
  }

  @Get('brand/reports')
  @Roles('brand')
  @ApiOkResponse({ type: BrandReportPageDto, description: 'my brand’s published reports, newest first, each with its study’s title' })
  brandReports(@CurrentUser() user: AuthUser, @Query() query: PageQueryDto): Promise<BrandReportPageDto> {
    return this.reports.brandReports(user, query);
  }

  @Get('reports/:id')
  @Roles('researcher', 'brand')
  @ApiOkResponse({ type: ReportResponseDto })
  get(@CurrentUser() user: AuthUser, @UuidParam() id: string): Promise<ReportResponseDto> {
    return this.reports.get(user, id);
  }

  @Get('reports/:id/report.json')
  @Roles('researcher', 'brand')
  @ApiOkResponse({ type: ReportContentDto, description: 'the Report JSON of docs/http-contract.md; 409 until ready' })
  json(@CurrentUser() user: AuthUser, @UuidParam() id: string): Promise<ReportContentDto> {
    return this.reports.content(user, id);
  }

  @Get('reports/:id/report.html')
  @Roles('researcher', 'brand')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'self-contained HTML with SVG charts; 409 until ready', content: { 'text/html': {} } })
  html(@CurrentUser() user: AuthUser, @UuidParam() id: string): Promise<string> {
    return this.reports.html(user, id);
  }

  @Get('reports/:id/data.csv')
  @Roles('researcher', 'brand')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="report-data.csv"')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'one row per question × value; 409 until ready', content: { 'text/csv': {} } })
  csv(@CurrentUser() user: AuthUser, @UuidParam() id: string): Promise<string> {
    return this.reports.csv(user, id);
  }

  @Post('reports/:id/publish')
  @Roles('researcher')
  @HttpCode(200)
  @ApiOkResponse({ type: ReportResponseDto, description: 'only when ready (409 otherwise); the brand’s users get an e-mail' })
  publish(@CurrentUser() user: AuthUser, @UuidParam() id: string): Promise<ReportResponseDto> {
    return this.reports.publish(user, id);
  }
}
