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
  ValidateIf,
} from 'class-validator';
import { COUNT_DOC, IsBoundedJson, LEAD_USER_DIMENSIONS, PageQueryDto } from '@leadpanel/platform';
import {
  MAX_QUESTIONS,
  QUESTION_JSON_BOUNDS,
  TEXT_MAX_LENGTH_LIMIT,
  QUESTION_TYPES,
  SURVEY_KINDS,
  TITLE_MAX_LENGTH,
  type Question,
  type SurveyKind,
} from '../../definitions';

/** The question shape, for the OpenAPI document; the rules are checked as a whole by validateDefinition. */
export class QuestionDoc {
  @ApiProperty({ pattern: '^[a-z0-9_-]{1,64}$', maxLength: 64 }) id: string;
  @ApiProperty({ enum: QUESTION_TYPES }) type: string;
  @ApiProperty({ maxLength: 2000 }) prompt: string;
  @ApiPropertyOptional({
    maxItems: 50,
    type: 'array',
    items: { type: 'object', properties: { value: { type: 'string', maxLength: 100 }, label: { type: 'string', maxLength: 500 } } },
  })
  options?: Array<{ value: string; label: string }>;
  @ApiPropertyOptional() required?: boolean;
  @ApiPropertyOptional({ enum: [5, 7], description: 'likert only' }) scale?: number;
  @ApiPropertyOptional({ minimum: -1e9, maximum: 1e9, description: 'number only' }) min?: number;
  @ApiPropertyOptional({ minimum: -1e9, maximum: 1e9, description: 'number only' }) max?: number;
  @ApiPropertyOptional({ type: 'integer', description: 'text only', minimum: 1, maximum: TEXT_MAX_LENGTH_LIMIT }) maxLength?: number;
  @ApiPropertyOptional({ enum: LEAD_USER_DIMENSIONS })
  dimension?: string;
  @ApiPropertyOptional() reverse?: boolean;
  @ApiPropertyOptional({
    type: 'object',
    properties: {
      questionId: { type: 'string', maxLength: 64 },
      equals: {
        oneOf: [
          { type: 'string', maxLength: 100 },
          { type: 'number', minimum: -1e9, maximum: 1e9 },
        ],
      },
    },
  })
  showIf?: { questionId: string; equals: string | number };
}

export class CreateSurveyDto {
  @ApiPropertyOptional({ format: 'uuid', maxLength: 36 })
  @IsOptional()
  @IsUUID()
  @MaxLength(36)
  studyId?: string;

  @ApiProperty({ enum: SURVEY_KINDS })
  @IsIn(SURVEY_KINDS)
  kind: SurveyKind;

  @ApiProperty({ maxLength: TITLE_MAX_LENGTH })
  @IsString()
  @MaxLength(TITLE_MAX_LENGTH)
  title: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 100000, description: 'points on submit; else the study incentivePoints' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  points?: number;

  @ApiProperty({ type: [QuestionDoc], maxItems: MAX_QUESTIONS })
  @IsArray()
  @ArrayMaxSize(MAX_QUESTIONS)
  @IsObject({ each: true })
  @IsBoundedJson(QUESTION_JSON_BOUNDS, { each: true })
  questions: Question[];
}

/** Absent (undefined) skips a property; null is checked, and refused, like any other value. */
const present = (_dto: object, value: unknown): boolean => value !== undefined;

export class UpdateSurveyDto {
  @ApiPropertyOptional({ format: 'uuid', maxLength: 36, nullable: true })
  @IsOptional()
  @IsUUID()
  @MaxLength(36)
  studyId?: string;

  @ApiPropertyOptional({ enum: SURVEY_KINDS })
  @ValidateIf(present)
  @IsIn(SURVEY_KINDS)
  kind?: SurveyKind;

  @ApiPropertyOptional({ maxLength: TITLE_MAX_LENGTH })
  @ValidateIf(present)
  @IsString()
  @MaxLength(TITLE_MAX_LENGTH)
  title?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 100000, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  points?: number;

  @ApiPropertyOptional({ type: [QuestionDoc], maxItems: MAX_QUESTIONS })
  @ValidateIf(present)
  @IsArray()
  @ArrayMaxSize(MAX_QUESTIONS)
  @IsObject({ each: true })
  @IsBoundedJson(QUESTION_JSON_BOUNDS, { each: true })
  questions?: Question[];
}

export class SurveyResponseDto {
  @ApiProperty({ format: 'uuid', maxLength: 36 }) id: string;
  @ApiProperty({ type: String, format: 'uuid', maxLength: 36, nullable: true }) studyId: string | null;
  @ApiProperty({ enum: SURVEY_KINDS }) kind: SurveyKind;
  @ApiProperty({ maxLength: TITLE_MAX_LENGTH }) title: string;
  @ApiProperty({ type: 'integer', nullable: true, minimum: 0, maximum: 100_000 }) points: number | null;
  @ApiProperty({ enum: ['draft', 'published'] }) status: 'draft' | 'published';
  @ApiProperty({ type: [QuestionDoc], maxItems: MAX_QUESTIONS }) questions: Question[];
  @ApiProperty({ format: 'date-time', maxLength: 40 }) createdAt: Date;
  @ApiProperty({ format: 'date-time', maxLength: 40 }) updatedAt: Date;
  @ApiProperty({ type: String, format: 'date-time', maxLength: 40, nullable: true }) publishedAt: Date | null;
}

export class ListSurveysQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', maxLength: 36, description: 'only the surveys of this study' })
  @IsOptional()
  @IsUUID()
  @MaxLength(36)
  studyId?: string;

  @ApiPropertyOptional({ enum: SURVEY_KINDS })
  @IsOptional()
  @IsIn(SURVEY_KINDS)
  kind?: SurveyKind;

  @ApiPropertyOptional({ enum: ['draft', 'published'] })
  @IsOptional()
  @IsIn(['draft', 'published'])
  status?: 'draft' | 'published';
}

/** A survey in a list: its definition's summary and how many were assigned and answered. */
export class SurveySummaryDto {
  @ApiProperty({ format: 'uuid', maxLength: 36 }) id: string;
  @ApiProperty({ type: String, format: 'uuid', maxLength: 36, nullable: true }) studyId: string | null;
  @ApiProperty({ enum: SURVEY_KINDS }) kind: SurveyKind;
  @ApiProperty({ maxLength: TITLE_MAX_LENGTH }) title: string;
  @ApiProperty({ type: 'integer', nullable: true, minimum: 0, maximum: 100_000 }) points: number | null;
  @ApiProperty({ enum: ['draft', 'published'] }) status: 'draft' | 'published';
  @ApiProperty({ type: 'integer', minimum: 0, maximum: MAX_QUESTIONS }) questionCount: number;
  @ApiProperty({ ...COUNT_DOC, description: 'assignments of this survey' }) assigned: number;
  @ApiProperty({ ...COUNT_DOC, description: 'assignments submitted (responses)' }) submitted: number;
  @ApiProperty({ format: 'date-time', maxLength: 40 }) createdAt: Date;
  @ApiProperty({ format: 'date-time', maxLength: 40 }) updatedAt: Date;
  @ApiProperty({ type: String, format: 'date-time', maxLength: 40, nullable: true }) publishedAt: Date | null;
}

export class SurveySummaryPageDto {
  @ApiProperty({ type: [SurveySummaryDto], maxItems: 100 }) items: SurveySummaryDto[];
  @ApiProperty({ type: String, nullable: true, maxLength: 500 }) nextCursor: string | null;
}
