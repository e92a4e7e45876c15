import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumber, IsObject, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { COUNT_DOC, IsBoundedJson, MaxDecimalPlaces } from '@leadpanel/platform';
import { QuestionDoc } from '@leadpanel/surveys';

/** a campaign slug in a path: anything longer or of another shape names no campaign (404) */
export const CAMPAIGN_SLUG_PARAM = {
  maxLength: 60,
  pattern: /^[a-z0-9]+(-[a-z0-9]+)*$/,
  what: 'Recruitment campaign',
  code: 'CAMPAIGN_NOT_FOUND',
} as const;

export class CreateCampaignDto {
  @ApiProperty({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', minLength: 2, maxLength: 60 })
  @IsString()
  @Length(2, 60)
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'slug must be lower-case letters, digits and single hyphens' })
  slug: string;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @ApiProperty({ maxLength: 10000 })
  @IsString()
  @MaxLength(10_000)
  description: string;

  @ApiProperty({ format: 'uuid', maxLength: 36, description: 'a published survey of kind screener' })
  @IsUUID()
  @MaxLength(36)
  screenerSurveyId: string;

  @ApiProperty({
    minimum: 0,
    maximum: 100,
    description: 'lead-user score (0–100, one decimal like the scores) from which an applicant becomes active',
  })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @MaxDecimalPlaces(1)
  @Min(0)
  @Max(100)
  acceptScore: number;

  @ApiPropertyOptional({
    description: 'weight per dimension (default equal)',
    type: 'object',
    additionalProperties: { type: 'number', minimum: 0, maximum: 10 },
    example: { ahead_of_trend: 2, expected_benefit: 2 },
  })
  @IsOptional()
  @IsObject()
  @IsBoundedJson({ maxDepth: 1, maxKeys: 20, maxNodes: 21, maxStringLength: 100 })
  weights?: Record<string, number>;
}

export class CampaignResponseDto {
  @ApiProperty({ format: 'uuid', maxLength: 36 }) id: string;
  @ApiProperty({ maxLength: 60 }) slug: string;
  @ApiProperty({ maxLength: 200 }) title: string;
  @ApiProperty({ maxLength: 10000 }) description: string;
  @ApiProperty({ format: 'uuid', maxLength: 36 }) screenerSurveyId: string;
  @ApiProperty({ minimum: 0, maximum: 100 }) acceptScore: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number', minimum: 0, maximum: 10 } }) weights: Record<string, number>;
  @ApiProperty({ format: 'date-time', maxLength: 40 }) createdAt: Date;
}

/** A campaign in the researchers' list, with the number of people who applied through it. */
export class CampaignSummaryDto extends CampaignResponseDto {
  @ApiProperty({ ...COUNT_DOC, description: 'panellists who applied through this campaign' }) applicants: number;
}

export class CampaignPageDto {
  @ApiProperty({ type: [CampaignSummaryDto], maxItems: 100 }) items: CampaignSummaryDto[];
  @ApiProperty({ type: String, nullable: true, maxLength: 500 }) nextCursor: string | null;
}

export class PublicScreenerDto {
  @ApiProperty({ format: 'uuid', maxLength: 36 }) id: string;
  @ApiProperty({ maxLength: 200 }) title: string;
  @ApiProperty({ type: [QuestionDoc], maxItems: 200 }) questions: QuestionDoc[];
}

export class PublicCampaignDto {
  @ApiProperty({ maxLength: 60 }) slug: string;
  @ApiProperty({ maxLength: 200 }) title: string;
  @ApiProperty({ maxLength: 10000 }) description: string;
  @ApiProperty({ type: PublicScreenerDto }) screener: PublicScreenerDto;
}
