import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { FEEDBACK_KINDS, FEEDBACK_LIMITS, FEEDBACK_SEVERITIES, type FeedbackKind, type FeedbackSeverity } from '../feedback-rules';

export class CreateFeedbackDto {
  @ApiProperty({ enum: FEEDBACK_KINDS })
  @IsIn(FEEDBACK_KINDS)
  kind: FeedbackKind;

  @ApiPropertyOptional({ enum: FEEDBACK_SEVERITIES, description: 'required for a bug, refused for any other kind' })
  @IsOptional()
  @IsIn(FEEDBACK_SEVERITIES)
  severity?: FeedbackSeverity;

  @ApiPropertyOptional({ maxLength: FEEDBACK_LIMITS.area, description: 'product area, free text (e.g. "battery", "app pairing")' })
  @IsOptional()
  @IsString()
  @MaxLength(FEEDBACK_LIMITS.area)
  area?: string;

  @ApiProperty({ minLength: 1, maxLength: FEEDBACK_LIMITS.title })
  @IsString()
  @MinLength(1)
  @MaxLength(FEEDBACK_LIMITS.title)
  title: string;

  @ApiProperty({ minLength: 1, maxLength: FEEDBACK_LIMITS.body })
  @IsString()
  @MinLength(1)
  @MaxLength(FEEDBACK_LIMITS.body)
  body: string;

  @ApiPropertyOptional({
    format: 'uuid',
    maxLength: 36,
    description: 'the product tested, if any (not checked: products are another context)',
  })
  @IsOptional()
  @IsUUID()
  @MaxLength(36)
  productId?: string;
}
