import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDate, IsIn, IsObject, IsOptional, IsUUID } from 'class-validator';

export class CreateAssignmentsDto {
  @ApiPropertyOptional({ enum: ['all_participants'] })
  @IsOptional()
  @IsIn(['all_participants'])
  audience?: 'all_participants';

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: 10000 })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10_000)
  @IsUUID('all', { each: true })
  panellistIds?: string[];

  @ApiProperty({ format: 'date-time' })
  @Type(() => Date)
  @IsDate({ message: 'dueAt must be an ISO 8601 date-time' })
  dueAt: Date;
}

export class SaveAnswersDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'answers by question id; null clears one' })
  @IsObject()
  answers: Record<string, unknown>;
}

export class SubmitDto {
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'last answers, merged over the saved ones' })
  @IsOptional()
  @IsObject()
  answers?: Record<string, unknown>;
}

export class SubmitResultDto {
  @ApiProperty({ enum: ['submitted'] }) status: 'submitted';
  @ApiProperty() pointsCredited: number;
}
