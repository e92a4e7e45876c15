import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { BoundedParam, Public, PublicFormRateLimit } from '@leadpanel/platform';
import { CAMPAIGN_SLUG_PARAM } from '../campaigns/dto/campaign.dto';
import { ApplicationDto, ApplicationResultDto, ConfirmEmailDto, ConfirmResultDto, ResendConfirmationDto } from './dto/application.dto';
import { RecruitmentService } from './recruitment.service';

@ApiTags('panel')
@Public()
@Controller('public')
export class RecruitmentController {
  constructor(private readonly recruitment: RecruitmentService) {}

  @Post('recruitment/:slug/applications')
  @PublicFormRateLimit()
  @ApiCreatedResponse({
    type: ApplicationResultDto,
    description: 'the same answer whether or not the e-mail has an account (its owner is e-mailed instead)',
  })
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

  /** 202 whatever the address; an applicant still unconfirmed gets a fresh link (the older one stops working). */
  @Post('resend-confirmation')
  @HttpCode(202)
  @PublicFormRateLimit()
  @ApiAcceptedResponse({ description: 'accepted; a link goes out if the address waits for confirmation' })
  async resendConfirmation(@Body() dto: ResendConfirmationDto): Promise<void> {
    await this.recruitment.resendConfirmation(dto.email);
  }
}
