import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { BoundedParam, CurrentUser, Public, Roles, type AuthUser } from '@leadpanel/platform';
import { CampaignsService } from './campaigns.service';
import { CAMPAIGN_SLUG_PARAM, CampaignResponseDto, CreateCampaignDto, PublicCampaignDto } from './dto/campaign.dto';

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

  @Get('public/recruitment/:slug')
  @Public()
  @ApiOkResponse({ type: PublicCampaignDto })
  publicPage(@BoundedParam('slug', CAMPAIGN_SLUG_PARAM) slug: string): Promise<PublicCampaignDto> {
    return this.campaigns.publicPage(slug);
  }
}
