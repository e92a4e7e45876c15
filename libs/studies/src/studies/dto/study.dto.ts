import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { ATTRIBUTE_VALUE_DOC, COUNT_DOC, IsBoundedJson, PageQueryDto, TIERS } from '@leadpanel/platform';
import { STUDY_STATUSES, type Quota, type StudyCriteria, type StudyStatus } from '../../domain';

/** criteria before validateCriteria checks them: lists of countries, genders, tiers, interests, and attribute rules */
const CRITERIA_JSON_BOUNDS = { maxDepth: 4, maxKeys: 20, maxNodes: 10_000, maxStringLength: 500 } as const;
/** one quota before validateQuotas checks it: {dimension, value, target} */
const QUOTA_JSON_BOUNDS = { maxDepth: 1, maxKeys: 10, maxNodes: 11, maxStringLength: 500 } as const;

const CRITERIA_DOC = {
  type: 'object',
  properties: {
    countries: { type: 'array', items: { type: 'string', maxLength: 2 }, maxItems: 250 },
    ageMin: { type: 'integer', minimum: 18, maximum: 120 },
    ageMax: { type: 'integer', minimum: 18, maximum: 120 },
    genders: { type: 'array', items: { type: 'string', maxLength: 30 }, maxItems: 5 },
    minScore: { type: 'number', minimum: 0, maximum: 100 },
    tiers: { type: 'array', items: { type: 'string', enum: [...TIERS] }, maxItems: 3 },
    interestsAny: { type: 'array', items: { type: 'string', maxLength: 50 }, maxItems: 100 },
    attributes: {
      type: 'array',
      maxItems: 50,
      items: {
        type: 'object',
        properties: {
          key: { type: 'string', maxLength: 64 },
          op: { type: 'string', enum: ['eq', 'in', 'gte', 'lte'] },
          value: ATTRIBUTE_VALUE_DOC,
        },
      },
    },
  },
} as const;

const QUOTAS_DOC = {
  type: 'array',
  maxItems: 500,
  items: {
    type: 'object',
    properties: {
      dimension: { type: 'string', maxLength: 80, description: 'country | gender | ageBand | tier | attribute:<key>' },
      value: { type: 'string', maxLength: 100 },
      target: { type: 'integer', minimum: 1, maximum: 100_000 },
    },
  },
} as const;

export class CreateStudyDto {
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  @IsUUID()
  @MaxLength(36)
  brandId: string;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  theme: string;

  @ApiProperty({ maxLength: 20000 })
  @IsString()
  @MaxLength(20_000)
  brief: string;

  @ApiProperty({ minimum: 1, maximum: 100000 })
  @IsInt()
  @Min(1)
  @Max(100_000)
  targetSize: number;

  @ApiProperty({ minimum: 0, maximum: 100000 })
  @IsInt()
  @Min(0)
  @Max(100_000)
  incentivePoints: number;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 10000,
    default: 0,
    description: "discussion points for a participant's first top-level post in a round",
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000)
  postPoints?: number;

  @ApiProperty(CRITERIA_DOC as never)
  @IsObject()
  @IsBoundedJson(CRITERIA_JSON_BOUNDS)
  criteria: StudyCriteria;

  @ApiProperty(QUOTAS_DOC as never)
  @IsArray()
  @ArrayMaxSize(500)
  @IsObject({ each: true })
  @IsBoundedJson(QUOTA_JSON_BOUNDS, { each: true })
  quotas: Quota[];
}

export class UpdateStudyDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @ValidateIf((_o, v) => v !== undefined) // null is not "absent": it is refused
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @ValidateIf((_o, v) => v !== undefined) // null is not "absent": it is refused
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  theme?: string;

  @ApiPropertyOptional({ maxLength: 20000 })
  @ValidateIf((_o, v) => v !== undefined) // null is not "absent": it is refused
  @IsString()
  @MaxLength(20_000)
  brief?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100000 })
  @ValidateIf((_o, v) => v !== undefined) // null is not "absent": it is refused
  @IsInt()
  @Min(1)
  @Max(100_000)
  targetSize?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 100000 })
  @ValidateIf((_o, v) => v !== undefined) // null is not "absent": it is refused
  @IsInt()
  @Min(0)
  @Max(100_000)
  incentivePoints?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 10000, description: "discussion points for a participant's first top-level post in a round" })
  @ValidateIf((_o, v) => v !== undefined) // null is not "absent": it is refused
  @IsInt()
  @Min(0)
  @Max(10_000)
  postPoints?: number;

  @ApiPropertyOptional(CRITERIA_DOC as never)
  @ValidateIf((_o, v) => v !== undefined) // null is not "absent": it is refused
  @IsObject()
  @IsBoundedJson(CRITERIA_JSON_BOUNDS)
  criteria?: StudyCriteria;

  @ApiPropertyOptional(QUOTAS_DOC as never)
  @ValidateIf((_o, v) => v !== undefined) // null is not "absent": it is refused
  @IsArray()
  @ArrayMaxSize(500)
  @IsObject({ each: true })
  @IsBoundedJson(QUOTA_JSON_BOUNDS, { each: true })
  quotas?: Quota[];
}

export class TransitionDto {
  @ApiProperty({ enum: STUDY_STATUSES })
  @IsIn(STUDY_STATUSES)
  to: StudyStatus;
}

export class ListStudiesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: STUDY_STATUSES })
  @IsOptional()
  @IsIn(STUDY_STATUSES)
  status?: StudyStatus;
}

/** Where a study's invitations stand: counted in SQL for a whole page of studies at once. */
export class StudyFunnelDto {
  @ApiProperty({ ...COUNT_DOC, description: 'invitations sent, in every wave' }) invited: number;
  @ApiProperty({ ...COUNT_DOC, description: 'invitations still unanswered and not expired' }) pending: number;
  @ApiProperty({ ...COUNT_DOC, description: 'participants enrolled' }) enrolled: number;
  @ApiProperty({ ...COUNT_DOC, description: 'participants waitlisted (their quota cell was full when they accepted)' })
  waitlisted: number;
  @ApiProperty(COUNT_DOC) declined: number;
  @ApiProperty({ ...COUNT_DOC, description: 'invitations past their expiry without an answer' }) expired: number;
}

/** criteria and quotas to preview before they are saved; either absent: the study's own */
export class PreviewEligibilityDto {
  @ApiPropertyOptional({ ...(CRITERIA_DOC as object), description: "criteria to preview instead of the study's" } as never)
  @IsOptional()
  @IsObject()
  @IsBoundedJson(CRITERIA_JSON_BOUNDS)
  criteria?: StudyCriteria;

  @ApiPropertyOptional({ ...(QUOTAS_DOC as object), description: "quota cells to preview instead of the study's" } as never)
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsObject({ each: true })
  @IsBoundedJson(QUOTA_JSON_BOUNDS, { each: true })
  quotas?: Quota[];
}

export class StudyResponseDto {
  @ApiProperty({ format: 'uuid', maxLength: 36 }) id: string;
  @ApiProperty({ format: 'uuid', maxLength: 36 }) brandId: string;
  @ApiProperty({ maxLength: 200 }) title: string;
  @ApiProperty({ maxLength: 200 }) theme: string;
  @ApiProperty({ maxLength: 20000 }) brief: string;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 100_000 }) targetSize: number;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100_000 }) incentivePoints: number;
  @ApiProperty({ minimum: 0, maximum: 10000 }) postPoints: number;
  @ApiProperty(CRITERIA_DOC as never) criteria: StudyCriteria;
  @ApiProperty(QUOTAS_DOC as never) quotas: Quota[];
  @ApiProperty({ enum: STUDY_STATUSES }) status: StudyStatus;
  @ApiProperty({ format: 'date-time', maxLength: 40 }) createdAt: Date;
  @ApiProperty({ format: 'date-time', maxLength: 40 }) updatedAt: Date;
  @ApiPropertyOptional({ type: StudyFunnelDto, description: "where the study's invitations stand (every study answer has it)" })
  funnel?: StudyFunnelDto;
}

export class StudyPageDto {
  @ApiProperty({ type: [StudyResponseDto], maxItems: 100 }) items: StudyResponseDto[];
  @ApiProperty({ type: String, nullable: true, maxLength: 500 }) nextCursor: string | null;
}
