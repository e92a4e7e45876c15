import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoundedJson, IsDateTime, uuidArrayDoc } from '@leadpanel/platform';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsObject, IsOptional, IsUUID } from 'class-validator';
import { ANSWERS_JSON_BOUNDS } from '../../definitions';

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
