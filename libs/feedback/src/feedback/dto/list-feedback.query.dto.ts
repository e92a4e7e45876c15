import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '@leadpanel/platform';
import { FEEDBACK_KINDS, FEEDBACK_SEVERITIES, type FeedbackKind, type FeedbackSeverity } from '../feedback-rules';
import { FEEDBACK_STATUSES, type FeedbackStatus } from '../feedback-status';

export class ListFeedbackQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: FEEDBACK_KINDS })
  @IsOptional()
  @IsIn(FEEDBACK_KINDS)
  kind?: FeedbackKind;

  @ApiPropertyOptional({ enum: FEEDBACK_STATUSES })
  @IsOptional()
  @IsIn(FEEDBACK_STATUSES)
  status?: FeedbackStatus;

  @ApiPropertyOptional({ enum: FEEDBACK_SEVERITIES })
  @IsOptional()
  @IsIn(FEEDBACK_SEVERITIES)
  severity?: FeedbackSeverity;
}
