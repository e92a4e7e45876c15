import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { INT32_MAX } from '../../http/bounds';
import { PageQueryDto } from '../../pagination/page';

/** The statuses an operator sees: `pending` is queued (not yet sent, or being retried). */
export const EMAIL_VIEW_STATUSES = ['pending', 'sent', 'failed', 'cancelled'] as const;
export type EmailViewStatus = (typeof EMAIL_VIEW_STATUSES)[number];
export const EMAIL_FILTER_STATUSES = ['failed', 'pending', 'sent'] as const;
export type EmailFilterStatus = (typeof EMAIL_FILTER_STATUSES)[number];

export class ListEmailsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: EMAIL_FILTER_STATUSES, description: 'only e-mails in this status; all when absent' })
  @IsOptional()
  @IsIn(EMAIL_FILTER_STATUSES)
  status?: EmailFilterStatus;
}

export class EmailResponseDto {
  @ApiProperty({ format: 'uuid', maxLength: 36 }) id: string;
  @ApiProperty({ maxLength: 320, description: 'the recipient (an erased person’s is a placeholder)' }) to: string;
  @ApiProperty({ maxLength: 100 }) template: string;
  @ApiProperty({ maxLength: 5 }) locale: string;
  @ApiProperty({ enum: EMAIL_VIEW_STATUSES }) status: EmailViewStatus;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: INT32_MAX, description: 'delivery attempts so far' }) attempts: number;
  @ApiProperty({ type: String, nullable: true, maxLength: 2000, description: 'the relay’s answer to the last failed attempt' })
  lastError: string | null;
  @ApiProperty({ format: 'date-time', maxLength: 40 }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, maxLength: 40 }) sentAt: Date | null;
}

export class EmailPageDto {
  @ApiProperty({ type: [EmailResponseDto], maxItems: 100 }) items: EmailResponseDto[];
  @ApiProperty({ type: String, nullable: true, maxLength: 500 }) nextCursor: string | null;
}
