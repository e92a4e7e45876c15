import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { BoundedParam, Public, PublicFormRateLimit } from '@leadpanel/platform';
import { CAMPAIGN_SLUG_PARAM } from '../campaigns/dto/campaign.dto';
import { ApplicationDto, ApplicationResultDto, ConfirmEmailDto, ConfirmResultDto } from './dto/application.dto';
import { RecruitmentService } from './recruitment.service';

@ApiTags('panel')
@Public()
@Controller('public')
export class RecruitmentController {
  constructor(private readonly recruitment: RecruitmentService) {}

  @Post('recruitment/:slug/applications')
  @PublicFormRateLimit()
  @ApiCreatedResponse({ type: ApplicationResultDto })
  @ApiConflictResponse({ description: 'an account with this e-mail exists' })
  apply(
    @BoundedParam('slug', CAMPAIGN_SLUG_PARAM) slug: string,
    @Body() dto: ApplicationDto,
    @Req() req: Request,
  ): Promise<ApplicationResultDto> {
    return this.recruitment.apply(slug, dto, req.ip);
  }

  @Post('confirm-email')
  @HttpCode(200)
  @ApiOkResponse({ type: ConfirmResultDto })
  confirm(@Body() dto: ConfirmEmailDto): Promise<ConfirmResultDto> {
    return this.recruitment.confirm(dto.token);
  }
}
