import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public, Roles, type AuthUser } from '@leadpanel/platform';
import { CampaignsService } from './campaigns.service';
import { CampaignResponseDto, CreateCampaignDto, PublicCampaignDto } from './dto/campaign.dto';

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
  publicPage(@Param('slug') slug: string): Promise<PublicCampaignDto> {
    return this.campaigns.publicPage(slug.slice(0, 60));
  }
}
