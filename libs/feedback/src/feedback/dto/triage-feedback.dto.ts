import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { FEEDBACK_LIMITS } from '../feedback-rules';
import { FEEDBACK_STATUSES, type FeedbackStatus } from '../feedback-status';

export class TriageFeedbackDto {
  @ApiProperty({
    enum: FEEDBACK_STATUSES,
    description:
      'new → triaged | wont_fix | duplicate; triaged → in_progress | resolved | wont_fix | duplicate; ' +
      'in_progress → resolved | wont_fix | duplicate; resolved | wont_fix | duplicate → triaged (reopen). ' +
      'The current status with a note adds the note only.',
  })
  @IsIn(FEEDBACK_STATUSES)
  status: FeedbackStatus;

  @ApiPropertyOptional({ format: 'uuid', maxLength: 36, description: 'required with status duplicate: another item of the same study' })
  @IsOptional()
  @IsUUID()
  @MaxLength(36)
  duplicateOfId?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: FEEDBACK_LIMITS.note, description: 'a researcher note, kept in the item history' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(FEEDBACK_LIMITS.note)
  note?: string;
}
