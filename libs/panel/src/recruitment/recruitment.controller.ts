import { Body, Controller, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public, PublicFormRateLimitGuard } from '@leadpanel/platform';
import { ApplicationDto, ApplicationResultDto, ConfirmEmailDto, ConfirmResultDto } from './dto/application.dto';
import { RecruitmentService } from './recruitment.service';

@ApiTags('panel')
@Public()
@Controller('public')
export class RecruitmentController {
  constructor(private readonly recruitment: RecruitmentService) {}

  @Post('recruitment/:slug/applications')
  @UseGuards(PublicFormRateLimitGuard)
  @ApiCreatedResponse({ type: ApplicationResultDto })
  @ApiConflictResponse({ description: 'an account with this e-mail exists' })
  apply(@Param('slug') slug: string, @Body() dto: ApplicationDto, @Req() req: Request): Promise<ApplicationResultDto> {
    return this.recruitment.apply(slug.slice(0, 60), dto, req.ip);
  }

  @Post('confirm-email')
  @HttpCode(200)
  @ApiOkResponse({ type: ConfirmResultDto })
  confirm(@Body() dto: ConfirmEmailDto): Promise<ConfirmResultDto> {
    return this.recruitment.confirm(dto.token);
  }
}
