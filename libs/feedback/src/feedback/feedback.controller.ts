import { Body, Controller, Get, Headers, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, UuidParam, Roles, type AuthUser } from '@leadpanel/platform';
import { CreateFeedbackDto } from './dto/create-feedback.dto';
import { FeedbackPageDto, FeedbackResponseDto, MeTooResponseDto, FeedbackExportDto } from './dto/feedback.response.dto';
import { ListFeedbackQueryDto } from './dto/list-feedback.query.dto';
import { TriageFeedbackDto } from './dto/triage-feedback.dto';
import { FeedbackService } from './feedback.service';

@ApiTags('feedback')
@ApiBearerAuth()
/** the shape of this context's section of GET /me/export (referenced by name from there) */
@ApiExtraModels(FeedbackExportDto)
@Controller()
export class FeedbackController {
  constructor(private readonly feedback: FeedbackService) {}

  @Post('studies/:id/feedback')
  @Roles('panellist')
  @ApiCreatedResponse({ type: FeedbackResponseDto, description: 'enrolled participants only (403 NOT_A_PARTICIPANT otherwise)' })
  file(
    @CurrentUser() user: AuthUser,
    @UuidParam() id: string,
    @Body() dto: CreateFeedbackDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
  ): Promise<FeedbackResponseDto> {
    return this.feedback.file(user, id, dto, idempotencyKey);
  }

  @Get('studies/:id/feedback')
  @Roles('researcher')
  @ApiOkResponse({ type: FeedbackPageDto })
  list(@CurrentUser() user: AuthUser, @UuidParam() id: string, @Query() query: ListFeedbackQueryDto): Promise<FeedbackPageDto> {
    return this.feedback.list(user, id, query);
  }

  @Post('feedback/:id/me-too')
  @Roles('panellist')
  @HttpCode(200)
  @ApiOkResponse({ type: MeTooResponseDto, description: 'idempotent: one per participant' })
  meToo(@CurrentUser() user: AuthUser, @UuidParam() id: string): Promise<MeTooResponseDto> {
    return this.feedback.meToo(user, id);
  }

  @Patch('feedback/:id')
  @Roles('researcher')
  @ApiOkResponse({ type: FeedbackResponseDto, description: 'the item with its notes; illegal move 409' })
  triage(@CurrentUser() user: AuthUser, @UuidParam() id: string, @Body() dto: TriageFeedbackDto): Promise<FeedbackResponseDto> {
    return this.feedback.triage(user, id, dto);
  }
}
