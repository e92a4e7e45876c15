import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { COUNT_DOC } from '@leadpanel/platform';
import { FEEDBACK_KINDS, FEEDBACK_LIMITS, FEEDBACK_SEVERITIES, type FeedbackKind, type FeedbackSeverity } from '../feedback-rules';
import { FEEDBACK_STATUSES, type FeedbackStatus } from '../feedback-status';

export class FeedbackNoteResponseDto {
  @ApiProperty({ format: 'uuid', maxLength: 36 }) id: string;
  @ApiProperty({ format: 'uuid', maxLength: 36, description: 'the researcher who wrote it' }) authorUserId: string;
  @ApiProperty({ maxLength: FEEDBACK_LIMITS.note }) body: string;
  @ApiProperty({ format: 'date-time', maxLength: 40 }) createdAt: Date;
}

export class FeedbackResponseDto {
  @ApiProperty({ format: 'uuid', maxLength: 36 }) id: string;
  @ApiProperty({ format: 'uuid', maxLength: 36 }) studyId: string;
  @ApiProperty({ format: 'uuid', maxLength: 36, description: 'the panellist who filed it (no other personal data)' })
  authorPanellistId: string;
  @ApiProperty({ enum: FEEDBACK_KINDS }) kind: FeedbackKind;
  @ApiProperty({ enum: FEEDBACK_SEVERITIES, nullable: true }) severity: FeedbackSeverity | null;
  @ApiProperty({ maxLength: FEEDBACK_LIMITS.area, nullable: true, type: String }) area: string | null;
  @ApiProperty({ maxLength: FEEDBACK_LIMITS.title }) title: string;
  @ApiProperty({ maxLength: FEEDBACK_LIMITS.body }) body: string;
  @ApiProperty({ format: 'uuid', maxLength: 36, nullable: true, type: String }) productId: string | null;
  @ApiProperty({ enum: FEEDBACK_STATUSES }) status: FeedbackStatus;
  @ApiProperty({ format: 'uuid', maxLength: 36, nullable: true, type: String }) duplicateOfId: string | null;
  @ApiProperty({ ...COUNT_DOC, description: '"me too" votes from other participants' }) meToo: number;
  @ApiPropertyOptional({ type: [FeedbackNoteResponseDto], maxItems: 1000, description: 'researcher views only; oldest first' })
  notes?: FeedbackNoteResponseDto[];
  @ApiProperty({ format: 'date-time', maxLength: 40 }) createdAt: Date;
  @ApiProperty({ format: 'date-time', maxLength: 40 }) updatedAt: Date;
}

export class FeedbackPageDto {
  @ApiProperty({ type: [FeedbackResponseDto], maxItems: 100 }) items: FeedbackResponseDto[];
  @ApiProperty({ type: String, nullable: true, maxLength: 500 }) nextCursor: string | null;
}

export class MeTooResponseDto {
  @ApiProperty({ ...COUNT_DOC, description: 'the item\'s "me too" count after this call' }) meToo: number;
}

/** An item I filed, in my data export (GET /me/export, section `feedback.filed`). */
export class FeedbackFiledExportDto extends OmitType(FeedbackResponseDto, [
  'authorPanellistId',
  'duplicateOfId',
  'meToo',
  'notes',
  'updatedAt',
] as const) {}

export class FeedbackMeTooExportDto {
  @ApiProperty({ format: 'uuid', maxLength: 36 }) feedbackId: string;
  @ApiProperty({ format: 'date-time', maxLength: 40 }) at: Date;
}

/** Section `feedback` of GET /me/export: what I filed and where I said "me too". */
export class FeedbackExportDto {
  @ApiProperty({ type: [FeedbackFiledExportDto], maxItems: 1_000_000, description: 'oldest first' }) filed: FeedbackFiledExportDto[];
  @ApiProperty({ type: [FeedbackMeTooExportDto], maxItems: 1_000_000, description: 'oldest first' }) meToo: FeedbackMeTooExportDto[];
}
