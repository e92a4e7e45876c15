import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { REPORT_STATUSES, type ReportStatus } from '../report.entity';

export const MAX_SHARE_HOURS = 24 * 30;

export class ShareLinkDto {
  @ApiProperty({ minimum: 1, maximum: MAX_SHARE_HOURS, description: 'the link stops working after this many hours' })
  @IsInt()
  @Min(1)
  @Max(MAX_SHARE_HOURS)
  expiresInHours: number;
}

export class ShareLinkResponseDto {
  @ApiProperty({ description: 'serves the report HTML without login until it expires' }) url: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: Date;
}

export class ReportResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) studyId: string;
  @ApiProperty({ minimum: 1 }) version: number;
  @ApiProperty({ enum: REPORT_STATUSES }) status: ReportStatus;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'researchers only: why generation failed' }) error?: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) generatedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt: Date | null;
}

export class ReportPageDto {
  @ApiProperty({ type: [ReportResponseDto] }) items: ReportResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
