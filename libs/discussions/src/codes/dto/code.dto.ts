import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { COUNT_DOC } from '@leadpanel/platform';
import { DISCUSSION_LIMITS } from '../../domain/discussion-rules';

export class CreateCodeDto {
  @ApiProperty({ minLength: 1, maxLength: DISCUSSION_LIMITS.codeName, description: 'unique in the study whatever its case; trimmed' })
  @IsString()
  @MaxLength(DISCUSSION_LIMITS.codeName * 2)
  name: string;

  @ApiPropertyOptional({ maxLength: DISCUSSION_LIMITS.codeDescription })
  @IsOptional()
  @IsString()
  @MaxLength(DISCUSSION_LIMITS.codeDescription)
  description?: string;
}

export class CodeResponseDto {
  @ApiProperty({ format: 'uuid', maxLength: 36 }) id: string;
  @ApiProperty({ format: 'uuid', maxLength: 36 }) studyId: string;
  @ApiProperty({ maxLength: DISCUSSION_LIMITS.codeName }) name: string;
  @ApiProperty({ maxLength: DISCUSSION_LIMITS.codeDescription, nullable: true, type: String }) description: string | null;
  @ApiProperty({ ...COUNT_DOC, description: 'posts carrying the code, hidden posts included' }) count: number;
  @ApiProperty({ ...COUNT_DOC, description: 'of those, posts hidden from participants' }) hiddenCount: number;
  @ApiProperty({ format: 'date-time', maxLength: 40 }) createdAt: Date;
}

export class CodePageDto {
  @ApiProperty({ type: [CodeResponseDto], maxItems: 100 }) items: CodeResponseDto[];
  @ApiProperty({ type: String, nullable: true, maxLength: 500 }) nextCursor: string | null;
}
