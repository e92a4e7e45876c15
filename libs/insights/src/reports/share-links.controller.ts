import { Body, Controller, Delete, Get, Header, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { BoundedParam, CurrentUser, PageQueryDto, Public, Roles, UuidParam, type AuthUser } from '@leadpanel/platform';
import { SHARE_TOKEN_PARAM, ShareLinkDto, ShareLinkPageDto, ShareLinkResponseDto } from './dto/report.dto';
import { ReportContentDto } from './dto/report-content.dto';
import { ShareLinksService } from './share-links.service';

@ApiTags('insights')
@ApiBearerAuth()
@Controller()
export class ShareLinksController {
  constructor(private readonly links: ShareLinksService) {}

  @Post('reports/:id/share-links')
  @Roles('researcher')
  @ApiCreatedResponse({ type: ShareLinkResponseDto, description: '409 `report-not-published` for a report not (yet) published' })
  create(@CurrentUser() user: AuthUser, @UuidParam() id: string, @Body() dto: ShareLinkDto): Promise<ShareLinkResponseDto> {
    return this.links.create(user, id, dto.expiresInHours);
  }

  @Get('reports/:id/share-links')
  @Roles('researcher', 'brand')
  @ApiOkResponse({ type: ShareLinkPageDto, description: 'newest first; brand users: their own brand’s published reports only' })
  list(@CurrentUser() user: AuthUser, @UuidParam() id: string, @Query() query: PageQueryDto): Promise<ShareLinkPageDto> {
    return this.links.list(user, id, query);
  }

  @Delete('share-links/:id')
  @Roles('researcher', 'brand')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'revoked: the link serves nothing from then on (again: no change)' })
  async revoke(@CurrentUser() user: AuthUser, @UuidParam() id: string): Promise<void> {
    await this.links.revoke(user, id);
  }

  @Get('shared/reports/:token')
  @Public()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'private, no-store')
  @Header('Referrer-Policy', 'no-referrer')
  @ApiProduces('text/html')
  @ApiOkResponse({
    description: 'the report HTML for a valid, unexpired, unrevoked link; 404 otherwise',
    content: { 'text/html': {} },
  })
  shared(@BoundedParam('token', SHARE_TOKEN_PARAM) token: string): Promise<string> {
    return this.links.shared(token);
  }

  @Get('shared/reports/:token/report.json')
  @Public()
  @Header('Cache-Control', 'private, no-store')
  @Header('Referrer-Policy', 'no-referrer')
  @ApiOkResponse({
    type: ReportContentDto,
    description: 'the Report JSON behind a valid, unexpired, unrevoked link (for the app’s /r/:token page); 404 otherwise, as for the HTML',
  })
  sharedJson(@BoundedParam('token', SHARE_TOKEN_PARAM) token: string): Promise<ReportContentDto> {
    return this.links.sharedContent(token);
  }
}
