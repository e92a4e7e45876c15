import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { INT32_MAX } from '@leadpanel/platform';
import { REPORT_STATUSES, type ReportStatus } from '../report.entity';

export const MAX_SHARE_HOURS = 24 * 30;

/** a share token in a path (`<payload>.<mac>`, base64url): anything longer or of another shape is no link (404) */
export const SHARE_TOKEN_PARAM = {
  maxLength: 300,
  pattern: /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/,
  what: 'Report',
  code: 'REPORT_NOT_FOUND',
} as const;

export class ShareLinkDto {
  @ApiProperty({ minimum: 1, maximum: MAX_SHARE_HOURS, description: 'the link stops working after this many hours' })
  @IsInt()
  @Min(1)
  @Max(MAX_SHARE_HOURS)
  expiresInHours: number;
}

export class ShareLinkResponseDto {
  @ApiProperty({ format: 'uuid', maxLength: 36, description: 'the link, to list or revoke it' }) id: string;
  @ApiProperty({ maxLength: 2000, description: 'serves the report HTML without login until it expires or is revoked' }) url: string;
  @ApiProperty({ format: 'date-time', maxLength: 40 }) expiresAt: Date;
}

/** A share link as listed: never its token (it is shown once, at creation). */
export class ShareLinkItemDto {
  @ApiProperty({ format: 'uuid', maxLength: 36 }) id: string;
  @ApiProperty({ format: 'date-time', maxLength: 40 }) createdAt: Date;
  @ApiProperty({ format: 'date-time', maxLength: 40 }) expiresAt: Date;
  @ApiProperty({ type: String, format: 'date-time', maxLength: 40, nullable: true }) revokedAt: Date | null;
}

export class ShareLinkPageDto {
  @ApiProperty({ type: [ShareLinkItemDto], maxItems: 100 }) items: ShareLinkItemDto[];
  @ApiProperty({ type: String, nullable: true, maxLength: 500 }) nextCursor: string | null;
}

export class ReportResponseDto {
  @ApiProperty({ format: 'uuid', maxLength: 36 }) id: string;
  @ApiProperty({ format: 'uuid', maxLength: 36 }) studyId: string;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: INT32_MAX }) version: number;
  @ApiProperty({ enum: REPORT_STATUSES }) status: ReportStatus;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000, description: 'researchers only: why generation failed' }) error?:
    string | null;
  @ApiProperty({ format: 'date-time', maxLength: 40 }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time', maxLength: 40, nullable: true }) generatedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', maxLength: 40, nullable: true }) publishedAt: Date | null;
}

export class ReportPageDto {
  @ApiProperty({ type: [ReportResponseDto], maxItems: 100 }) items: ReportResponseDto[];
  @ApiProperty({ type: String, nullable: true, maxLength: 500 }) nextCursor: string | null;
}

/** A report as its brand lists it: with the title of its study. */
export class BrandReportDto extends ReportResponseDto {
  @ApiProperty({ maxLength: 200, description: 'the title of the report’s study' }) studyTitle: string;
}

export class BrandReportPageDto {
  @ApiProperty({ type: [BrandReportDto], maxItems: 100 }) items: BrandReportDto[];
  @ApiProperty({ type: String, nullable: true, maxLength: 500 }) nextCursor: string | null;
}
