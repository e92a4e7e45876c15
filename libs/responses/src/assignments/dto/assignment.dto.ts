import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COUNT_DOC, DATE_TIME_DOC, IsBoundedJson, IsDateTime, UUID_DOC, uuidArrayDoc } from '@leadpanel/platform';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsObject, IsOptional, IsUUID } from 'class-validator';
import {
  ANSWERS_JSON_BOUNDS,
  MAX_OPTIONS,
  MAX_QUESTIONS,
  OPTION_VALUE_MAX_LENGTH,
  SURVEY_KINDS,
  TEXT_MAX_LENGTH_LIMIT,
  TITLE_MAX_LENGTH,
  type AnswerValue,
  type Question,
  QuestionDoc,
} from '@leadpanel/surveys';
import type { AssignmentStatus } from '../assignment.entity';

export class CreateAssignmentsDto {
  @ApiPropertyOptional({ enum: ['all_participants'] })
  @IsOptional()
  @IsIn(['all_participants'])
  audience?: 'all_participants';

  @ApiPropertyOptional(uuidArrayDoc(10_000))
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10_000)
  @IsUUID('all', { each: true })
  panellistIds?: string[];

  @ApiProperty({ format: 'date-time', maxLength: 40 })
  @IsDateTime()
  dueAt: Date;
}

export class SaveAnswersDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'answers by question id; null clears one' })
  @IsObject()
  @IsBoundedJson(ANSWERS_JSON_BOUNDS)
  answers: Record<string, unknown>;
}

export class SubmitDto {
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'last answers, merged over the saved ones' })
  @IsOptional()
  @IsObject()
  @IsBoundedJson(ANSWERS_JSON_BOUNDS)
  answers?: Record<string, unknown>;
}

export class SubmitResultDto {
  @ApiProperty({ enum: ['submitted'] }) status: 'submitted';
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100_000 }) pointsCredited: number;
}

export class AssignedDto {
  @ApiProperty({ ...COUNT_DOC, description: 'assignments created (a panellist already assigned is not counted twice)' }) assigned: number;
}

/**
 * One saved answer (docs/http-contract.md, "Answer values"): an option value (single_choice), option values
 * (multi_choice), a number (likert, rating, nps, number), ten integers 1–5 (sus) or a text.
 */
const ANSWER_VALUE_DOC = {
  oneOf: [
    { type: 'string', maxLength: TEXT_MAX_LENGTH_LIMIT },
    { type: 'number', minimum: -Number.MAX_VALUE, maximum: Number.MAX_VALUE },
    { type: 'boolean' },
    { type: 'array', maxItems: MAX_OPTIONS, items: { type: 'string', maxLength: OPTION_VALUE_MAX_LENGTH } },
    { type: 'array', maxItems: 10, items: { type: 'integer', minimum: 1, maximum: 5 } },
  ],
};
const ANSWERS_DOC = {
  type: 'object',
  additionalProperties: ANSWER_VALUE_DOC,
  description: 'answers by question id',
} as const;

export class MyAssignmentDto {
  @ApiProperty(UUID_DOC) id: string;
  @ApiProperty(UUID_DOC) surveyId: string;
  @ApiProperty(UUID_DOC) studyId: string;
  @ApiProperty({ maxLength: TITLE_MAX_LENGTH }) title: string;
  @ApiProperty({ enum: SURVEY_KINDS }) kind: string;
  @ApiProperty(DATE_TIME_DOC) dueAt: Date;
  @ApiProperty({ enum: ['assigned', 'submitted'] }) status: AssignmentStatus;
  @ApiProperty({ ...DATE_TIME_DOC, type: String, nullable: true }) submittedAt: Date | null;
  @ApiProperty({ type: 'integer', nullable: true, minimum: 0, maximum: 100_000 }) pointsCredited: number | null;
}

export class MyAssignmentPageDto {
  @ApiProperty({ type: [MyAssignmentDto], maxItems: 100 }) items: MyAssignmentDto[];
  @ApiProperty({ type: String, nullable: true, maxLength: 500 }) nextCursor: string | null;
}

export class AssignedSurveyDto {
  @ApiProperty(UUID_DOC) id: string;
  @ApiProperty({ maxLength: TITLE_MAX_LENGTH }) title: string;
  @ApiProperty({ enum: SURVEY_KINDS }) kind: string;
  @ApiProperty({ type: [QuestionDoc], maxItems: MAX_QUESTIONS }) questions: Question[];
}

export class AssignmentDetailDto extends MyAssignmentDto {
  @ApiProperty({ type: AssignedSurveyDto }) survey: AssignedSurveyDto;
  @ApiProperty(ANSWERS_DOC) answers: Record<string, AnswerValue>;
}

export class SurveyResponseRowDto {
  @ApiProperty(UUID_DOC) responseId: string;
  @ApiProperty({ maxLength: 20, description: 'the respondent’s pseudonym in the study (P-??: a survey outside a study)' })
  pseudonym: string;
  @ApiProperty({ ...DATE_TIME_DOC, type: String, nullable: true }) submittedAt: Date | null;
  @ApiProperty(ANSWERS_DOC) answers: Record<string, AnswerValue>;
}

export class SurveyResponsePageDto {
  @ApiProperty({ type: [SurveyResponseRowDto], maxItems: 100 }) items: SurveyResponseRowDto[];
  @ApiProperty({ type: String, nullable: true, maxLength: 500 }) nextCursor: string | null;
}

/** One stored answer row: a multi-item answer (multi_choice, sus) has one row per item. */
export class AnswerRowExportDto {
  @ApiProperty({ maxLength: 64 }) questionId: string;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 32_767 }) item: number;
  @ApiProperty({ type: Number, nullable: true, minimum: -Number.MAX_VALUE, maximum: Number.MAX_VALUE }) number: number | null;
  @ApiProperty({ type: String, nullable: true, maxLength: OPTION_VALUE_MAX_LENGTH }) option: string | null;
  @ApiProperty({ type: String, nullable: true, maxLength: TEXT_MAX_LENGTH_LIMIT, description: 'empty once erased' }) text: string | null;
}

/** One row of section `surveyAnswers` of GET /me/export: an assignment and my answers to it. */
export class SurveyAnswersExportDto {
  @ApiProperty(UUID_DOC) assignmentId: string;
  @ApiProperty({ maxLength: TITLE_MAX_LENGTH, description: 'the survey title' }) survey: string;
  @ApiProperty({ enum: ['assigned', 'submitted'] }) status: AssignmentStatus;
  @ApiProperty({ ...DATE_TIME_DOC, type: String, nullable: true }) submittedAt: Date | null;
  @ApiProperty({ type: [AnswerRowExportDto], maxItems: 100_000 }) answers: AnswerRowExportDto[];
}
