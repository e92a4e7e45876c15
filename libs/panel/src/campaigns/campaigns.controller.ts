import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { BoundedParam, CurrentUser, PageQueryDto, Public, Roles, type AuthUser } from '@leadpanel/platform';
import { CampaignsService } from './campaigns.service';
import { CAMPAIGN_SLUG_PARAM, CampaignPageDto, CampaignResponseDto, CreateCampaignDto, PublicCampaignDto } from './dto/campaign.dto';

@ApiTags('panel')
@Controller()
export class CampaignsController {
  constructor(private readonly campaigns: CampaignsService) {}

  @Post('recruitment-campaigns')
  @Roles('researcher')
  @ApiBearerAuth()
  @ApiCreatedResponse({ type: CampaignResponseDto })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateCampaignDto): Promise<CampaignResponseDto> {
    return this.campaigns.create(user, dto);
  }

  @Get('recruitment-campaigns')
  @Roles('researcher')
  @ApiBearerAuth()
  @ApiOkResponse({ type: CampaignPageDto, description: 'page of campaigns, newest first, with their applicants' })
  list(@Query() query: PageQueryDto): Promise<CampaignPageDto> {
    return this.campaigns.list(query);
  }

  @Get('public/recruitment/:slug')
  @Public()
  @ApiOkResponse({ type: PublicCampaignDto })
  publicPage(@BoundedParam('slug', CAMPAIGN_SLUG_PARAM) slug: string): Promise<PublicCampaignDto> {
    return this.campaigns.publicPage(slug);
  }
}
